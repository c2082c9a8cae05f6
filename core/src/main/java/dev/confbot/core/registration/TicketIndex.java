package dev.confbot.core.registration;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.TicketSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory index of all orders, keyed by order code, with the canonical attendee names
 * computed once per position. Thread-safe: lookups never block, snapshots are applied atomically
 * per order (a full snapshot replaces the whole index at once).
 */
public final class TicketIndex {
  private volatile ConcurrentHashMap<OrderCode, IndexedOrder> orders = new ConcurrentHashMap<>();
  private volatile @Nullable String cursor;

  /** The order with this code, if the index holds it. */
  public Optional<IndexedOrder> find(OrderCode code) {
    return Optional.ofNullable(orders.get(code));
  }

  /** The position this key names, if the index holds its order and the order still has it. */
  public Optional<Position> position(PositionKey key) {
    return find(key.order())
        .flatMap(o -> o.order().positions().stream().filter(p -> p.key().equals(key)).findFirst());
  }

  /**
   * Replaces the whole index with a full snapshot (orders missing from it disappear) and remembers
   * its cursor.
   */
  public void replaceAll(TicketSource.Snapshot snapshot) {
    ConcurrentHashMap<OrderCode, IndexedOrder> fresh =
        new ConcurrentHashMap<>(Math.max(16, snapshot.orders().size() * 4 / 3 + 1));
    for (Order order : snapshot.orders()) {
      fresh.put(order.code(), IndexedOrder.of(order));
    }
    synchronized (this) {
      orders = fresh;
      cursor = snapshot.cursor();
    }
  }

  /** Applies an incremental snapshot: its orders replace or add to the index; cursor advances. */
  public void applyChanges(TicketSource.Snapshot snapshot) {
    synchronized (this) {
      for (Order order : snapshot.orders()) {
        orders.put(order.code(), IndexedOrder.of(order));
      }
      cursor = snapshot.cursor();
    }
  }

  /** Adds or replaces one order (e.g. found by a direct lookup after an index miss). */
  public IndexedOrder put(Order order) {
    IndexedOrder indexed = IndexedOrder.of(order);
    orders.put(order.code(), indexed);
    return indexed;
  }

  /** The cursor of the last applied snapshot, to ask the source for changes since. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** Number of orders held. */
  public int size() {
    return orders.size();
  }

  /** Everything held, as a snapshot to persist (orders in no particular order). */
  public TicketSource.Snapshot snapshot() {
    Map<OrderCode, IndexedOrder> current;
    String at;
    synchronized (this) {
      current = orders;
      at = cursor;
    }
    List<Order> all = new ArrayList<>(current.size());
    current.values().forEach(o -> all.add(o.order()));
    return new TicketSource.Snapshot(all, at == null ? "" : at);
  }
}
