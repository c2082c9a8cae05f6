package dev.confbot.config;

import dev.confbot.core.model.RoleRef;
import java.util.List;
import java.util.Map;

/**
 * {@code [registration.roles]}: which Discord roles a ticket gives. A position gets the union of
 * the roles of its item, its variation and its add-on positions.
 *
 * @param items pretix item name (or item id written as digits) → roles, table {@code items}; the
 *     entries of {@code legacy_json} (the earlier bots' {@code {"Business": [roleId, ...]}} file)
 *     come first, and {@code items} entries of the same name replace them
 * @param variations variation name, "Item – Variation" (en dash), or variation id → roles, table
 *     {@code variations}
 */
public record RoleMappingConfig(
    Map<String, List<RoleRef>> items, Map<String, List<RoleRef>> variations) {
  public RoleMappingConfig {
    items = ConfigCollections.copyOfListMap(items);
    variations = ConfigCollections.copyOfListMap(variations);
  }

  /** Number of item and variation entries. */
  public int size() {
    return items.size() + variations.size();
  }
}
