package dev.confbot.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.programme.ProgrammeService;
import dev.confbot.core.registration.OrderLookup;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.TicketSyncService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running confbot: the object graph of {@link AppModule}, started and stopped through its {@link
 * Lifecycle} (the order is {@link LifecycleSteps}'s: registration works from the saved snapshot
 * before pretix answers).
 */
final class Confbot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Confbot.class);

  private final Injector injector;
  private final Lifecycle lifecycle;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private Confbot(Injector injector) {
    this.injector = injector;
    this.lifecycle = injector.getInstance(Lifecycle.class);
  }

  /** Builds the object graph; {@code overrides} replace bindings (the demo's ticket source). */
  static Confbot create(ConfbotConfig config, RunOptions options, Module... overrides) {
    return new Confbot(injector(config, options, overrides));
  }

  /**
   * The object graph of {@link AppModule} with {@code overrides} replacing bindings; nothing is
   * built until asked for. One-shot commands use it for the parts they need.
   */
  static Injector injector(ConfbotConfig config, RunOptions options, Module... overrides) {
    Module app = new AppModule(config, options);
    return Guice.createInjector(
        overrides.length == 0 ? app : Modules.override(app).with(overrides));
  }

  /**
   * The object graph for a one-shot command on the real clock: it builds the parts it uses (the
   * store, a core service) and starts and closes them itself.
   */
  static Injector oneShot(ConfbotConfig config) {
    return injector(config, RunOptions.production(Clock.systemUTC()));
  }

  /**
   * Registration alone, for a dry run without any configuration ({@code tickets lookup
   * --pretix-dir}): {@link RegistrationModule} on its defaults, the real clock and English texts,
   * with {@code ports} binding the ports it uses (and replacing any binding they repeat).
   */
  static Injector registrationOnly(Module ports) {
    Module registration =
        Modules.combine(
            new RegistrationModule(RegistrationModule.Settings.defaults()),
            binder -> {
              binder.bind(Clock.class).toInstance(Clock.systemUTC());
              binder.bind(OrderLookup.Settings.class).toInstance(OrderLookup.Settings.defaults());
              binder.bind(RegistrationMessages.class).toInstance(RegistrationMessages.ENGLISH);
            });
    return Guice.createInjector(Modules.override(registration).with(ports));
  }

  /** Starts everything; returns once registration is open. */
  void start() {
    long begin = System.nanoTime();
    lifecycle.start();
    log.info(
        "confbot ready in {} ms ({} ms of it logging in to Discord); registration is open",
        Duration.ofNanos(System.nanoTime() - begin).toMillis(),
        discord().login().toMillis());
  }

  private LifecycleSteps.Discord discord() {
    return injector.getInstance(LifecycleSteps.Discord.class);
  }

  /** Problems found with the Discord server at start (empty when it is set up right). */
  List<String> guildProblems() {
    return discord().problems();
  }

  Injector injector() {
    return injector;
  }

  Optional<Instant> lastTicketSync() {
    return injector.getInstance(TicketSyncService.class).lastSuccess();
  }

  Optional<Instant> lastScheduleRefresh() {
    return injector.getInstance(ProgrammeService.class).lastChange();
  }

  /**
   * Stops taking registrations, lets those in flight finish, marks registration offline, stops the
   * timers and closes the store. Idempotent.
   */
  @Override
  public void close() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    log.info("confbot stopping");
    lifecycle.stop();
    log.info("confbot stopped");
  }
}
