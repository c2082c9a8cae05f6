package dev.confbot.core.check;

import java.util.Map;

/**
 * Where each entry of the ticket → role mapping is configured, so that a finding can name the key
 * to fix, e.g. {@code registration.roles.items."Busines"}.
 *
 * @param names mapping name (original spelling) → its key
 * @param itemIds mapped item id → its key
 * @param variationIds mapped variation id → its key
 * @param fallback the key named when an entry is not in the maps, e.g. {@code registration.roles}
 */
public record MappingKeys(
    Map<String, String> names,
    Map<Long, String> itemIds,
    Map<Long, String> variationIds,
    String fallback) {
  public MappingKeys {
    names = Map.copyOf(names);
    itemIds = Map.copyOf(itemIds);
    variationIds = Map.copyOf(variationIds);
  }

  String name(String name) {
    return names.getOrDefault(name, fallback);
  }

  String itemId(long id) {
    return itemIds.getOrDefault(id, fallback);
  }

  String variationId(long id) {
    return variationIds.getOrDefault(id, fallback);
  }
}
