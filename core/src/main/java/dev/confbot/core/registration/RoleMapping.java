package dev.confbot.core.registration;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.model.RoleRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which Discord roles a ticket position gives: a mapping from pretix items and variations to roles,
 * plus optional extra roles per order.
 *
 * <p>A product is looked up by name — its item name ("Sponsor"), its variation name ("Gold") and
 * "Item – Variation" ("Sponsor – Gold", any dash) — compared case-insensitively with spaces
 * collapsed, and by item id and variation id (separate sequences). A position gets the union of the
 * roles of its product and of its add-ons, plus the extra roles of its order, plus the speaker
 * roles when its attendee speaks at a confirmed session ({@link SpeakerRoles}). Thread-safe and
 * immutable except that the speakers follow the current schedule; build it from plain maps (the
 * config module does).
 */
public final class RoleMapping {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern DASH = Pattern.compile("\\s*[-‐‑‒–—―]\\s*");

  private final Map<String, Set<RoleRef>> byName;
  private final Map<Long, Set<RoleRef>> byItemId;
  private final Map<Long, Set<RoleRef>> byVariationId;
  private final Map<OrderCode, Set<RoleRef>> extraByOrder;
  private final Map<String, String> originalNames;
  private final SpeakerRoles speakers;

  /**
   * Builds a mapping.
   *
   * @param byName item name, variation name or "Item – Variation" → roles
   * @param byItemId pretix item id → roles
   * @param byVariationId pretix variation id → roles
   * @param extraByOrder order code → roles added to every position of that order
   * @throws IllegalArgumentException when two names differ only in case, spacing or dash style
   */
  public RoleMapping(
      Map<String, ? extends Collection<RoleRef>> byName,
      Map<Long, ? extends Collection<RoleRef>> byItemId,
      Map<Long, ? extends Collection<RoleRef>> byVariationId,
      Map<OrderCode, ? extends Collection<RoleRef>> extraByOrder) {
    this(byName, byItemId, byVariationId, extraByOrder, SpeakerRoles.none());
  }

  private RoleMapping(
      Map<String, ? extends Collection<RoleRef>> byName,
      Map<Long, ? extends Collection<RoleRef>> byItemId,
      Map<Long, ? extends Collection<RoleRef>> byVariationId,
      Map<OrderCode, ? extends Collection<RoleRef>> extraByOrder,
      SpeakerRoles speakers) {
    this.speakers = speakers;
    Map<String, Set<RoleRef>> names = new HashMap<>();
    Map<String, String> originals = new LinkedHashMap<>();
    byName.forEach(
        (name, roles) -> {
          String key = key(name);
          String previous = originals.put(key, name);
          if (previous != null) {
            throw new IllegalArgumentException(
                "ticket names \"" + previous + "\" and \"" + name + "\" are the same mapping key");
          }
          names.put(key, copy(roles));
        });
    this.byName = Map.copyOf(names);
    this.originalNames = Map.copyOf(originals);
    this.byItemId = copyValues(byItemId);
    this.byVariationId = copyValues(byVariationId);
    this.extraByOrder = copyValues(extraByOrder);
  }

  /** A mapping by name only, e.g. the legacy JSON of the earlier bots (name → role ids). */
  public static RoleMapping byName(Map<String, ? extends Collection<String>> rolesByName) {
    Map<String, Set<RoleRef>> converted = new LinkedHashMap<>();
    rolesByName.forEach((name, roles) -> converted.put(name, refs(roles)));
    return new RoleMapping(converted, Map.of(), Map.of(), Map.of());
  }

  /** A copy of this mapping with extra roles per order (e.g. an organizer's volunteer ticket). */
  public RoleMapping withExtraRoles(Map<OrderCode, ? extends Collection<RoleRef>> extra) {
    Map<String, Set<RoleRef>> names = new LinkedHashMap<>();
    originalNames.forEach((key, name) -> names.put(name, byName.getOrDefault(key, Set.of())));
    return new RoleMapping(names, byItemId, byVariationId, extra, speakers);
  }

  /**
   * A copy of this mapping that also gives the speaker roles to positions of speakers of the
   * current schedule ({@code speakers} follows the schedule, so this mapping does too).
   */
  public RoleMapping withSpeakerRoles(SpeakerRoles speakers) {
    Map<String, Set<RoleRef>> names = new LinkedHashMap<>();
    originalNames.forEach((key, name) -> names.put(name, byName.getOrDefault(key, Set.of())));
    return new RoleMapping(names, byItemId, byVariationId, extraByOrder, speakers);
  }

  /** Who is a speaker (none unless {@link #withSpeakerRoles} was used). */
  public SpeakerRoles speakers() {
    return speakers;
  }

  /** Roles of one product (item, variation and "Item – Variation", by name and by id). */
  public Set<RoleRef> rolesFor(Product product) {
    Set<RoleRef> roles = new TreeSet<>(RoleMapping::compareRefs);
    addAll(roles, byItemId.get(product.itemId()));
    addAll(roles, byName.get(key(product.itemName())));
    Long variationId = product.variationId();
    if (variationId != null) {
      addAll(roles, byVariationId.get(variationId));
    }
    String variation = product.variationName();
    if (variation != null) {
      addAll(roles, byName.get(key(variation)));
      addAll(roles, byName.get(key(product.displayName())));
    }
    return Set.copyOf(roles);
  }

  /**
   * Roles of a position: its product, its add-ons, the extra roles of its order and, when the
   * attendee is a speaker of the current schedule, the speaker roles.
   */
  public Set<RoleRef> rolesFor(Position position) {
    Set<RoleRef> roles = new LinkedHashSet<>(rolesFor(position.product()));
    for (Product addOn : position.addOns()) {
      roles.addAll(rolesFor(addOn));
    }
    roles.addAll(extraRolesFor(position.key().order()));
    roles.addAll(speakers.rolesFor(position));
    return Set.copyOf(roles);
  }

  /**
   * The roles a claim on this position gives: the position's roles while it is known, else (the
   * order left the index or lost the position) the extra roles of its order.
   */
  public Set<RoleRef> rolesOfClaim(PositionKey key, Optional<Position> position) {
    return position.map(this::rolesFor).orElseGet(() -> extraRolesFor(key.order()));
  }

  /** The extra roles configured for one order; empty for most orders. */
  public Set<RoleRef> extraRolesFor(OrderCode order) {
    return extraByOrder.getOrDefault(order, Set.of());
  }

  /** Every role the mapping can hand out (for the start-up guild check). */
  public Set<RoleRef> allRoles() {
    Set<RoleRef> all = new TreeSet<>(RoleMapping::compareRefs);
    byName.values().forEach(all::addAll);
    byItemId.values().forEach(all::addAll);
    byVariationId.values().forEach(all::addAll);
    extraByOrder.values().forEach(all::addAll);
    all.addAll(speakers.roles());
    return Set.copyOf(all);
  }

  /** The products among the given ones that map to no role, for reporting to organizers. */
  public List<Product> unmapped(Collection<Product> products) {
    return products.stream().distinct().filter(p -> rolesFor(p).isEmpty()).toList();
  }

  /**
   * Mapping names that match none of the given products (usually a typo in the config), in their
   * original spelling.
   */
  public List<String> unusedNames(Collection<Product> products) {
    Set<String> used = new HashSet<>();
    for (Product p : products) {
      used.add(key(p.itemName()));
      String variation = p.variationName();
      if (variation != null) {
        used.add(key(variation));
        used.add(key(p.displayName()));
      }
    }
    return originalNames.entrySet().stream()
        .filter(e -> !used.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .sorted()
        .toList();
  }

  /** Mapped item ids that are none of the given products' items (a wrong id), sorted. */
  public List<Long> unusedItemIds(Collection<Product> products) {
    Set<Long> used = new HashSet<>();
    products.forEach(p -> used.add(p.itemId()));
    return byItemId.keySet().stream().filter(id -> !used.contains(id)).sorted().toList();
  }

  /** Mapped variation ids that are none of the given products' variations, sorted. */
  public List<Long> unusedVariationIds(Collection<Product> products) {
    Set<Long> used = new HashSet<>();
    for (Product p : products) {
      Long variation = p.variationId();
      if (variation != null) {
        used.add(variation);
      }
    }
    return byVariationId.keySet().stream().filter(id -> !used.contains(id)).sorted().toList();
  }

  static String key(String name) {
    String s = SPACES.matcher(name.strip()).replaceAll(" ");
    return DASH.matcher(s).replaceAll(" – ").toLowerCase(Locale.ROOT);
  }

  private static Set<RoleRef> refs(Collection<String> roles) {
    Set<RoleRef> out = new LinkedHashSet<>();
    roles.forEach(r -> out.add(new RoleRef(r)));
    return out;
  }

  private static Set<RoleRef> copy(Collection<RoleRef> roles) {
    return Set.copyOf(roles);
  }

  private static <K> Map<K, Set<RoleRef>> copyValues(Map<K, ? extends Collection<RoleRef>> map) {
    Map<K, Set<RoleRef>> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k, copy(v)));
    return Map.copyOf(out);
  }

  private static void addAll(Set<RoleRef> target, @Nullable Set<RoleRef> roles) {
    if (roles != null) {
      target.addAll(roles);
    }
  }

  static int compareRefs(RoleRef a, RoleRef b) {
    return a.value().compareTo(b.value());
  }
}
