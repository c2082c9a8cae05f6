package dev.confbot.adapter.pretix;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns pretix DTOs into core values. Rejects incomplete DTOs with {@link IllegalArgumentException}
 * (callers wrap it); the message names the field, never personal data.
 */
final class PretixMapper {
  private static final String PREFERRED_LANGUAGE = "en";

  private PretixMapper() {}

  /** The names of the items (and their variations) of one or more item pages. */
  static Catalog catalog(List<ItemDto> items) {
    Map<Long, String> itemNames = new HashMap<>();
    Map<Long, String> variationNames = new HashMap<>();
    for (ItemDto item : items) {
      long id = require(item.id(), "item.id");
      itemNames.put(id, localized(item.name(), "item " + id));
      if (item.variations() != null) {
        for (VariationDto variation : item.variations()) {
          long variationId = require(variation.id(), "item.variations.id");
          variationNames.put(variationId, localized(variation.value(), "variation " + variationId));
        }
      }
    }
    return new Catalog(itemNames, variationNames);
  }

  /**
   * The products the event sells: each item without variations, and each variation of the items
   * that have them, in pretix's order.
   */
  static List<Product> products(List<ItemDto> items) {
    List<Product> products = new ArrayList<>();
    for (ItemDto item : items) {
      long id = require(item.id(), "item.id");
      String name = localized(item.name(), "item " + id);
      List<VariationDto> variations = item.variations();
      if (variations == null || variations.isEmpty()) {
        products.add(Product.item(id, name));
        continue;
      }
      for (VariationDto variation : variations) {
        long variationId = require(variation.id(), "item.variations.id");
        products.add(
            new Product(
                id, name, variationId, localized(variation.value(), "variation " + variationId)));
      }
    }
    return List.copyOf(products);
  }

  /**
   * The English text of a multilingual string, else the first non-empty one (in the order pretix
   * sent them), else the fallback.
   */
  static String localized(@Nullable Map<String, String> text, String fallback) {
    if (text == null) {
      return fallback;
    }
    String preferred = text.get(PREFERRED_LANGUAGE);
    if (preferred != null && !preferred.isBlank()) {
      return preferred.strip();
    }
    for (String value : text.values()) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return fallback;
  }

  /**
   * One order: add-on positions are folded into the position they belong to ({@code addon_to},
   * following chains to the top); cancelled add-ons are dropped; the attendee name falls back to
   * the invoice-address name.
   */
  static Order order(OrderDto dto, Catalog catalog) {
    OrderCode code = new OrderCode(require(dto.code(), "order.code"));
    OrderStatus status = OrderStatus.fromPretix(require(dto.status(), "order.status"));
    boolean testMode = require(dto.testmode(), "order.testmode");
    List<PositionDto> positions = require(dto.positions(), "order.positions");
    String invoiceName = dto.invoiceAddress() == null ? null : dto.invoiceAddress().name();

    Map<Long, PositionDto> byId = new LinkedHashMap<>();
    for (PositionDto position : positions) {
      require(position.positionId(), "position.positionid");
      require(position.item(), "position.item");
      byId.put(require(position.id(), "position.id"), position);
    }
    Map<Long, List<Product>> addOns = new HashMap<>();
    List<PositionDto> parents = new ArrayList<>();
    for (PositionDto position : byId.values()) {
      PositionDto root = root(position, byId);
      if (id(root) == id(position)) {
        parents.add(position);
      } else if (!Boolean.TRUE.equals(position.canceled())) {
        addOns.computeIfAbsent(id(root), id -> new ArrayList<>()).add(product(position, catalog));
      }
    }
    parents.sort(Comparator.comparingInt(p -> requireInt(p.positionId())));
    List<Position> mapped = new ArrayList<>(parents.size());
    for (PositionDto parent : parents) {
      mapped.add(
          new Position(
              new PositionKey(code, requireInt(parent.positionId())),
              product(parent, catalog),
              addOns.getOrDefault(id(parent), List.of()),
              name(parent.attendeeName(), invoiceName),
              Boolean.TRUE.equals(parent.canceled()),
              name(parent.attendeeEmail(), dto.email())));
    }
    return new Order(code, status, testMode, mapped);
  }

  /**
   * The top-most position of an add-on chain; a position whose parent is absent is its own root.
   */
  private static PositionDto root(PositionDto position, Map<Long, PositionDto> byId) {
    PositionDto current = position;
    for (int depth = 0; depth < byId.size(); depth++) {
      Long parentId = current.addonTo();
      PositionDto parent = parentId == null ? null : byId.get(parentId);
      if (parent == null) {
        return current;
      }
      current = parent;
    }
    throw new IllegalArgumentException("position.addon_to forms a cycle");
  }

  private static Product product(PositionDto position, Catalog catalog) {
    long item = require(position.item(), "position.item");
    String itemName = catalog.itemName(item).orElse("item " + item);
    Long variation = position.variation();
    if (variation == null) {
      return Product.item(item, itemName);
    }
    return new Product(
        item,
        itemName,
        variation,
        catalog.variationName(variation).orElse("variation " + variation));
  }

  private static String name(@Nullable String attendeeName, @Nullable String invoiceName) {
    if (attendeeName != null && !attendeeName.isBlank()) {
      return attendeeName.strip();
    }
    if (invoiceName != null && !invoiceName.isBlank()) {
      return invoiceName.strip();
    }
    return "";
  }

  private static long id(PositionDto position) {
    return require(position.id(), "position.id");
  }

  private static int requireInt(@Nullable Integer value) {
    return require(value, "position.positionid");
  }

  private static <T> T require(@Nullable T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("pretix sent no " + field);
    }
    return value;
  }
}
