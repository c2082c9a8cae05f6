package dev.confbot.adapter.pretix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.Product;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jspecify.annotations.Nullable;

/**
 * Order pages generated from the shape pretix documents (EXTERNAL-APIS §1.3, orders.rst): any
 * status, null or present invoice address, positions with or without variation and attendee name,
 * name parts of any scheme, add-ons (also of add-ons, also cancelled, also without a name), unknown
 * extra fields anywhere. Read as the adapter reads them (Moshi DTOs, then the mapper), no page may
 * fail and every position that is not an add-on must come out with its item, variation and the
 * add-ons that are not cancelled.
 */
class GeneratedOrderPagesTest {

  private static final Catalog CATALOG =
      new Catalog(
          Map.of(1L, "Business", 2L, "Sponsor", 3L, "T-shirt"),
          Map.of(21L, "Gold", 22L, "Silver", 31L, "M"));
  private static final long[] ITEMS = {1, 2, 3, 4};
  private static final Long[] VARIATIONS = {21L, 22L, 31L, 99L};
  private static final String[] STATUSES = {"n", "p", "e", "c"};
  private static final String[] NAMES = {"null", "\"\"", "\"  \"", "\"Ann Lee\"", "\"Dr. Zoë Ü\""};
  private static final String[] NAME_PARTS = {
    "{}",
    "{\"_scheme\": \"full\", \"full_name\": \"Ann Lee\"}",
    "{\"_scheme\": \"given_family\"}",
    "{\"_scheme\": \"salutation_title_given_family\", \"salutation\": \"Mx\", \"title\": \"Dr.\","
        + " \"given_name\": \"Zoë\", \"family_name\": \"Ü\", \"_legacy\": \"x\"}",
    "null"
  };
  private static final String[] EXTRAS = {
    "", "\"x_new\": 1,", "\"x_obj\": {\"deep\": [null, {\"k\": \"v\"}]},", "\"x_null\": null,"
  };

  /** One generated position and what the adapter must make of it. */
  private record GeneratedPosition(
      long id,
      int positionId,
      long item,
      @Nullable Long variation,
      @Nullable Long addonTo,
      boolean canceled) {}

  @Property(tries = 300)
  void keepsEveryPositionWithItsProductAndAddOns(@ForAll long seed) throws IOException {
    // given
    Random random = new Random(seed);
    StringBuilder json = new StringBuilder("{").append(pick(random, EXTRAS));
    int orderCount = random.nextInt(6);
    json.append("\"count\": ").append(orderCount).append(", \"next\": null, \"previous\": null,");
    json.append("\"results\": [");
    List<List<GeneratedPosition>> generated = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    for (int o = 0; o < orderCount; o++) {
      String status = pick(random, STATUSES);
      statuses.add(status);
      List<GeneratedPosition> positions = positions(random, o);
      generated.add(positions);
      json.append(o == 0 ? "" : ",").append(order(random, "ORD" + o, status, positions));
    }
    json.append("]}");

    // when
    OrderPageDto page =
        Objects.requireNonNull(
            DtoAdapterFactory.MOSHI.adapter(OrderPageDto.class).fromJson(json.toString()));
    List<OrderDto> results = Objects.requireNonNull(page.results());
    assertThat(results).hasSize(orderCount);
    List<Order> orders = new ArrayList<>();
    for (OrderDto dto : results) {
      orders.add(PretixMapper.order(dto, CATALOG));
    }

    // then
    for (int o = 0; o < orderCount; o++) {
      Order order = orders.get(o);
      List<GeneratedPosition> all = generated.get(o);
      assertThat(order.status()).isEqualTo(OrderStatus.fromPretix(statuses.get(o)));
      List<GeneratedPosition> parents =
          all.stream()
              .filter(p -> p.addonTo() == null)
              .sorted(java.util.Comparator.comparingInt(GeneratedPosition::positionId))
              .toList();
      assertThat(order.positions())
          .extracting(p -> p.key().position())
          .containsExactlyElementsOf(parents.stream().map(GeneratedPosition::positionId).toList());
      for (int i = 0; i < parents.size(); i++) {
        GeneratedPosition parent = parents.get(i);
        Position mapped = order.positions().get(i);
        assertThat(mapped.product()).isEqualTo(product(parent));
        assertThat(mapped.canceled()).isEqualTo(parent.canceled());
        List<Product> addOns =
            all.stream()
                .filter(p -> p.addonTo() != null && !p.canceled())
                .filter(p -> rootOf(p, all) == parent.id())
                .map(GeneratedOrderPagesTest::product)
                .toList();
        assertThat(mapped.addOns()).containsExactlyInAnyOrderElementsOf(addOns);
      }
    }
  }

  /** One to three admissions, each with up to two add-ons, some add-ons of add-ons. */
  private static List<GeneratedPosition> positions(Random random, int order) {
    List<GeneratedPosition> positions = new ArrayList<>();
    long id = 1000L * (order + 1);
    int number = 1;
    for (int a = 0; a <= random.nextInt(3); a++) {
      long parentId = id++;
      positions.add(
          new GeneratedPosition(
              parentId,
              number++,
              pick(random, ITEMS),
              variation(random),
              null,
              random.nextInt(5) == 0));
      long addonParent = parentId;
      for (int d = 0; d < random.nextInt(3); d++) {
        long addOnId = id++;
        positions.add(
            new GeneratedPosition(
                addOnId,
                number++,
                pick(random, ITEMS),
                variation(random),
                addonParent,
                random.nextInt(4) == 0));
        if (random.nextBoolean()) {
          addonParent = addOnId;
        }
      }
    }
    // pretix lists positions in positionid order, but nothing may depend on it
    if (random.nextBoolean()) {
      java.util.Collections.reverse(positions);
    }
    return positions;
  }

  private static String order(
      Random random, String code, String status, List<GeneratedPosition> positions) {
    StringBuilder json = new StringBuilder("{").append(pick(random, EXTRAS));
    json.append("\"code\": \"").append(code).append("\", \"status\": \"").append(status);
    json.append("\", \"testmode\": false, \"require_attention\": ").append(random.nextBoolean());
    json.append(", \"invoice_address\": ");
    json.append(
        random.nextBoolean()
            ? "null"
            : "{"
                + pick(random, EXTRAS)
                + "\"name\": "
                + pick(random, NAMES)
                + ", \"name_parts\": "
                + pick(random, NAME_PARTS)
                + "}");
    json.append(", \"positions\": [");
    for (int i = 0; i < positions.size(); i++) {
      GeneratedPosition p = positions.get(i);
      json.append(i == 0 ? "" : ",").append("{").append(pick(random, EXTRAS));
      json.append("\"id\": ").append(p.id()).append(", \"order\": \"").append(code);
      json.append("\", \"positionid\": ").append(p.positionId());
      json.append(", \"item\": ").append(p.item());
      json.append(", \"variation\": ").append(p.variation());
      json.append(", \"attendee_name\": ").append(pick(random, NAMES));
      json.append(", \"attendee_name_parts\": ").append(pick(random, NAME_PARTS));
      json.append(", \"addon_to\": ").append(p.addonTo());
      json.append(", \"canceled\": ").append(p.canceled());
      json.append(", \"checkins\": [], \"answers\": []}");
    }
    return json.append("]}").toString();
  }

  private static long rootOf(GeneratedPosition position, List<GeneratedPosition> all) {
    GeneratedPosition current = position;
    while (current.addonTo() != null) {
      Long parent = current.addonTo();
      current = all.stream().filter(p -> p.id() == parent).findFirst().orElseThrow();
    }
    return current.id();
  }

  private static Product product(GeneratedPosition position) {
    String item = CATALOG.itemName(position.item()).orElse("item " + position.item());
    Long variation = position.variation();
    if (variation == null) {
      return Product.item(position.item(), item);
    }
    return new Product(
        position.item(),
        item,
        variation,
        CATALOG.variationName(variation).orElse("variation " + variation));
  }

  private static @Nullable Long variation(Random random) {
    return random.nextBoolean() ? null : VARIATIONS[random.nextInt(VARIATIONS.length)];
  }

  private static long pick(Random random, long[] values) {
    return values[random.nextInt(values.length)];
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
