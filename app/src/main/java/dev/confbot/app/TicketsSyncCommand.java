package dev.confbot.app;

import dev.confbot.config.LoadedConfig;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code confbot tickets sync}: one full sync against the configured pretix, with counts. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch every order of the configured pretix event once and print counts and timing.",
      "Exit 0 on success, 1 when pretix could not be read, 2 for configuration errors."
    })
final class TicketsSyncCommand implements Callable<Integer> {
  @Mixin private ConfigOption configOption = new ConfigOption();

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = ((Main) spec.root().userObject()).environment();
    Optional<LoadedConfig> loaded = ConfigLoading.load(environment, configOption.path(), err);
    if (loaded.isEmpty()) {
      return Main.INVALID;
    }
    TicketSource source = Confbot.oneShot(loaded.get().config()).getInstance(TicketSource.class);
    long started = System.nanoTime();
    TicketSource.Snapshot snapshot;
    try {
      snapshot = source.fullSync();
    } catch (GatewayException e) {
      err.println("confbot: pretix sync failed: " + e.getMessage());
      err.flush();
      return 1;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Map<OrderStatus, Integer> byStatus = new EnumMap<>(OrderStatus.class);
    int positions = 0;
    for (Order order : snapshot.orders()) {
      byStatus.merge(order.status(), 1, Integer::sum);
      positions += order.positions().size();
    }
    out.printf(
        "Synced %d orders (%d ticket positions) in %.1f s.%n",
        snapshot.orders().size(), positions, took.toMillis() / 1000.0);
    byStatus.forEach((status, count) -> out.printf("  %-9s %d%n", status, count));
    out.printf("Next incremental sync from: %s%n", snapshot.cursor());
    out.flush();
    return 0;
  }
}
