package dev.confbot.core.model;

import java.util.List;

/**
 * One admission position of an order with its add-ons.
 *
 * @param key order code and position number
 * @param product the item (and variation) of the position
 * @param addOns products of positions whose {@code addon_to} points to this one
 * @param attendeeName the name on the ticket; where pretix has none, the invoice-address name;
 *     empty when neither is known
 * @param canceled true when this single position was cancelled inside a paid order
 */
public record Position(
    PositionKey key, Product product, List<Product> addOns, String attendeeName, boolean canceled) {
  public Position {
    addOns = List.copyOf(addOns);
  }
}
