package dev.confbot.core.port;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import java.util.List;
import java.util.Optional;

/**
 * Sold tickets, as registration needs them (pretix). All methods throw {@link GatewayException}.
 */
public interface TicketSource {

  /** One order looked up directly, in any state; empty if the source does not know it. */
  Optional<Order> order(OrderCode code);

  /** Every order of the event (test-mode orders excluded), with a cursor for the next sync. */
  Snapshot fullSync();

  /** Orders changed since the cursor of an earlier snapshot (server time, not the local clock). */
  Snapshot changedSince(String cursor);

  /**
   * A set of orders and the cursor to pass to {@link #changedSince} next time.
   *
   * @param orders the orders, in any state
   * @param cursor opaque server-side position (pretix's {@code X-Page-Generated})
   */
  record Snapshot(List<Order> orders, String cursor) {
    public Snapshot {
      orders = List.copyOf(orders);
    }
  }
}
