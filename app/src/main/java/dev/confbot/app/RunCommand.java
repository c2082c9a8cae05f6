package dev.confbot.app;

import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.LoadedConfig;
import dev.confbot.config.RuntimeConfig;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.time.SimulatedClock;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code confbot run}: the bot itself, until SIGTERM/SIGINT. Also what {@code confbot} without a
 * command does.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the bot: registration, ticket sync and programme notifications, until stopped.",
      "Stops gracefully on SIGTERM/SIGINT (Ctrl-C): registration is marked offline."
    })
final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Mixin private ConfigOption configOption = new ConfigOption();

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = ((Main) spec.root().userObject()).environment();
    Optional<LoadedConfig> loaded = ConfigLoading.load(environment, configOption.path(), err);
    if (loaded.isEmpty()) {
      return Main.INVALID;
    }
    ConfbotConfig config = loaded.get().config();
    LogSetup.apply(config.runtime().logFormat(), environment);
    Clock clock = clock(config.runtime());
    Confbot confbot = Confbot.create(config, RunOptions.production(clock));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              confbot.close();
              stopped.countDown();
            },
            "confbot-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      confbot.start();
    } catch (GatewayException e) {
      err.println("confbot: could not start: " + e.getMessage());
      err.flush();
      confbot.close();
      return 1;
    } catch (RuntimeException e) {
      log.debug("Start failed", e);
      err.println(
          "confbot: could not start: "
              + Optional.ofNullable(rootCause(e).getMessage())
                  .orElse(e.getClass().getSimpleName()));
      err.flush();
      confbot.close();
      return 1;
    }
    Optional<HealthServer> health =
        config.runtime().port().isPresent()
            ? Optional.of(HealthServer.start(config.runtime().port().getAsInt(), confbot))
            : Optional.empty();
    health.ifPresent(h -> log.info("Health and metrics on port {}", h.port()));
    stopped.await();
    health.ifPresent(HealthServer::close);
    return 0;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The real clock, or the rehearsal clock of {@code [runtime.simulated_clock]}. */
  static Clock clock(RuntimeConfig runtime) {
    Optional<RuntimeConfig.SimulatedClock> simulated = runtime.clock();
    if (simulated.isEmpty()) {
      return Clock.systemUTC();
    }
    log.info(
        "Rehearsal: simulated clock from {} at {}× real time",
        simulated.get().start(),
        simulated.get().speed());
    return new SimulatedClock(simulated.get().start(), simulated.get().speed(), Clock.systemUTC());
  }
}
