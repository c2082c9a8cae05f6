package dev.confbot.adapter.pretix;

import java.util.Map;
import java.util.Optional;

/**
 * Names of the event's items and variations. Item ids and variation ids are separate sequences, so
 * they live in separate maps.
 */
record Catalog(Map<Long, String> itemNames, Map<Long, String> variationNames) {
  static final Catalog EMPTY = new Catalog(Map.of(), Map.of());

  Catalog {
    itemNames = Map.copyOf(itemNames);
    variationNames = Map.copyOf(variationNames);
  }

  Optional<String> itemName(long itemId) {
    return Optional.ofNullable(itemNames.get(itemId));
  }

  Optional<String> variationName(long variationId) {
    return Optional.ofNullable(variationNames.get(variationId));
  }

  /** True when every item and variation the order refers to has a name here. */
  boolean knowsAll(OrderDto order) {
    if (order.positions() == null) {
      return true;
    }
    for (PositionDto position : order.positions()) {
      Long item = position.item();
      Long variation = position.variation();
      if ((item != null && !itemNames.containsKey(item))
          || (variation != null && !variationNames.containsKey(variation))) {
        return false;
      }
    }
    return true;
  }
}
