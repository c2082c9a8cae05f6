package dev.confbot.core.model;

import java.util.List;

/**
 * A pretix order as registration needs it.
 *
 * @param code the order code
 * @param status pretix status
 * @param testMode true for test-mode orders, which never register
 * @param positions admission positions (add-ons folded into their parents)
 */
public record Order(
    OrderCode code, OrderStatus status, boolean testMode, List<Position> positions) {
  public Order {
    positions = List.copyOf(positions);
  }
}
