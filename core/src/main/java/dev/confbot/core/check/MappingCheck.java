package dev.confbot.core.check;

import dev.confbot.core.model.Product;
import dev.confbot.core.registration.RoleMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares the ticket → role mapping with the products pretix sells: a mapping name or id that
 * matches no product is an error (a typo: its holders would get no role), a product that maps to no
 * role is a warning (fine for a T-shirt add-on, a mistake for a ticket).
 */
public final class MappingCheck {
  static final String SYSTEM = "pretix";
  private static final int LISTED = 12;

  private MappingCheck() {}

  /**
   * @param mapping the configured mapping
   * @param keys where each mapping entry is configured
   * @param products every item of the event, and every variation of items that have variations
   * @return errors for unused names and ids, then warnings for unmapped products; an ok finding
   *     when there is neither
   */
  public static List<Finding> findings(
      RoleMapping mapping, MappingKeys keys, Collection<Product> products) {
    List<Finding> findings = new ArrayList<>();
    for (String name : mapping.unusedNames(products)) {
      findings.add(
          Finding.error(
              SYSTEM,
              keys.name(name),
              "no pretix item or variation is called \""
                  + name
                  + "\", so its holders get no role: fix the name (pretix has "
                  + listed(names(products))
                  + ") or map by id"));
    }
    for (long id : mapping.unusedItemIds(products)) {
      findings.add(
          Finding.error(
              SYSTEM,
              keys.itemId(id),
              "pretix has no item "
                  + id
                  + " in this event: use one of the item ids "
                  + listed(itemIds(products))));
    }
    for (long id : mapping.unusedVariationIds(products)) {
      Set<String> variations = variationIds(products);
      findings.add(
          Finding.error(
              SYSTEM,
              keys.variationId(id),
              "pretix has no variation "
                  + id
                  + " in this event: "
                  + (variations.isEmpty()
                      ? "no item of the event has variations; map items instead"
                      : "use one of the variation ids " + listed(variations))));
    }
    for (Product product : mapping.unmapped(products)) {
      findings.add(
          Finding.warning(
              SYSTEM,
              keys.fallback(),
              "pretix "
                  + (product.variationId() == null ? "item" : "product")
                  + " \""
                  + product.displayName()
                  + "\" ("
                  + ids(product)
                  + ") gives no role: map it under "
                  + (product.variationId() == null
                      ? "[registration.roles.items]"
                      : "[registration.roles.variations]")
                  + " if its holders should get one"));
    }
    if (findings.isEmpty()) {
      findings.add(
          Finding.ok(
              SYSTEM,
              keys.fallback(),
              "every mapping entry matches a pretix product and every product gives a role"));
    }
    return List.copyOf(findings);
  }

  private static String ids(Product product) {
    return product.variationId() == null
        ? "item " + product.itemId()
        : "item " + product.itemId() + ", variation " + product.variationId();
  }

  private static Set<String> names(Collection<Product> products) {
    Set<String> names = new LinkedHashSet<>();
    products.forEach(p -> names.add("\"" + p.displayName() + "\""));
    return names;
  }

  private static Set<String> itemIds(Collection<Product> products) {
    return products.stream()
        .map(p -> Long.toString(p.itemId()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> variationIds(Collection<Product> products) {
    Set<String> ids = new LinkedHashSet<>();
    for (Product p : products) {
      Long variation = p.variationId();
      if (variation != null) {
        ids.add(Long.toString(variation));
      }
    }
    return ids;
  }

  private static String listed(Set<String> values) {
    if (values.isEmpty()) {
      return "nothing";
    }
    String shown = values.stream().limit(LISTED).collect(Collectors.joining(", "));
    return values.size() > LISTED ? shown + ", …" : shown;
  }
}
