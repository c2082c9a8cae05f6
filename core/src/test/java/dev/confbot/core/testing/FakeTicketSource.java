package dev.confbot.core.testing;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TicketSource} over orders held in memory, standing in for pretix. Every {@link #put}
 * advances a version; cursors are {@code "v<version>"}, so {@link #changedSince} returns the orders
 * put after that snapshot. Can be told to fail. Thread-safe.
 */
public final class FakeTicketSource implements TicketSource {
  private record Versioned(Order order, long version) {}

  private final Map<OrderCode, Versioned> orders = new ConcurrentHashMap<>();
  private final AtomicLong version = new AtomicLong();
  private final AtomicInteger lookups = new AtomicInteger();
  private volatile boolean failing;

  /** Adds or replaces orders. */
  public FakeTicketSource put(Order... added) {
    for (Order order : added) {
      orders.put(order.code(), new Versioned(order, version.incrementAndGet()));
    }
    return this;
  }

  /** Adds or replaces orders. */
  public FakeTicketSource putAll(List<Order> added) {
    added.forEach(this::put);
    return this;
  }

  /** Makes every following call fail with a {@link GatewayException} (or succeed again). */
  public void failing(boolean fail) {
    this.failing = fail;
  }

  /** How often {@link #order} was called. */
  public int lookups() {
    return lookups.get();
  }

  @Override
  public Optional<Order> order(OrderCode code) {
    lookups.incrementAndGet();
    checkUp();
    Versioned v = orders.get(code);
    return v == null ? Optional.empty() : Optional.of(v.order());
  }

  @Override
  public Snapshot fullSync() {
    checkUp();
    long at = version.get();
    return new Snapshot(
        orders.values().stream()
            .filter(v -> v.version() <= at && !v.order().testMode())
            .sorted(Comparator.comparing(v -> v.order().code().value()))
            .map(Versioned::order)
            .toList(),
        "v" + at);
  }

  @Override
  public Snapshot changedSince(String cursor) {
    checkUp();
    long since = Long.parseLong(cursor.substring(1));
    long at = version.get();
    return new Snapshot(
        orders.values().stream()
            .filter(v -> v.version() > since && v.version() <= at && !v.order().testMode())
            .sorted(Comparator.comparingLong(Versioned::version))
            .map(Versioned::order)
            .toList(),
        "v" + at);
  }

  private void checkUp() {
    if (failing) {
      throw new GatewayException("pretix", "simulated outage", null);
    }
  }
}
