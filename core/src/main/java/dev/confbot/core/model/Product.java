package dev.confbot.core.model;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a position is for: a pretix item and, if the item has variations, one variation. Names are
 * in the event's main language. Item ids and variation ids are separate sequences.
 */
public record Product(
    long itemId, String itemName, @Nullable Long variationId, @Nullable String variationName) {

  public static Product item(long itemId, String itemName) {
    return new Product(itemId, itemName, null, null);
  }

  public Optional<String> variation() {
    return Optional.ofNullable(variationName);
  }

  /** "Item – Variation" or just "Item", the way organizers name tickets. */
  public String displayName() {
    return variationName == null ? itemName : itemName + " – " + variationName;
  }
}
