package dev.confbot.core.registration;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.Position;
import java.util.List;

/**
 * An order as the {@link TicketIndex} keeps it: the order and, for each of its positions (same
 * index), the canonical form of the attendee name, computed once.
 *
 * @param order the order
 * @param names canonical attendee names, parallel to {@code order.positions()}
 */
public record IndexedOrder(Order order, List<CanonicalName> names) {
  public IndexedOrder {
    names = List.copyOf(names);
    if (names.size() != order.positions().size()) {
      throw new IllegalArgumentException("one canonical name per position expected");
    }
  }

  /** Indexes an order, canonicalising each position's attendee name. */
  public static IndexedOrder of(Order order) {
    return new IndexedOrder(
        order,
        order.positions().stream().map(p -> NameMatcher.canonical(p.attendeeName())).toList());
  }

  /** Position {@code i} (0-based) of the order. */
  public Position position(int i) {
    return order.positions().get(i);
  }
}
