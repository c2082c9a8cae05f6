package dev.confbot.core.model;

import java.util.List;
import java.util.Locale;

/**
 * One admission position of an order with its add-ons.
 *
 * @param key order code and position number
 * @param product the item (and variation) of the position
 * @param addOns products of positions whose {@code addon_to} points to this one
 * @param attendeeName the name on the ticket; where pretix has none, the invoice-address name;
 *     empty when neither is known
 * @param canceled true when this single position was cancelled inside a paid order
 * @param email the attendee's e-mail address; where pretix has none, the order's; stored stripped
 *     and lower-case, empty when neither is known. Used only to recognise speakers.
 */
public record Position(
    PositionKey key,
    Product product,
    List<Product> addOns,
    String attendeeName,
    boolean canceled,
    String email) {
  public Position {
    addOns = List.copyOf(addOns);
    email = normalizeEmail(email);
  }

  /** A position whose e-mail address is not known. */
  public Position(
      PositionKey key,
      Product product,
      List<Product> addOns,
      String attendeeName,
      boolean canceled) {
    this(key, product, addOns, attendeeName, canceled, "");
  }

  /**
   * An e-mail address as confbot compares it: stripped and lower-case (the local part is
   * case-sensitive in theory, never in practice).
   */
  public static String normalizeEmail(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
