package dev.confbot.adapter.pretix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PretixMapperTest {
  private static final Catalog CATALOG =
      PretixMapper.catalog(
          List.of(
              new ItemDto(1L, Map.of("en", "Business"), List.of()),
              new ItemDto(2L, Map.of("en", "Dinner"), List.of()),
              new ItemDto(3L, Map.of("en", "Wine"), List.of()),
              new ItemDto(1L + 1000, Map.of("de", "Nur Deutsch"), null)));

  private static PositionDto position(
      long id, int positionId, long item, @org.jspecify.annotations.Nullable Long addonTo) {
    return new PositionDto(id, positionId, item, null, "Ada Lovelace", null, addonTo, false);
  }

  @Test
  void prefersEnglishThenTheFirstNonEmptyName() {
    // given
    Map<String, String> german = new LinkedHashMap<>();
    german.put("de-informal", " ");
    german.put("de", "Tutorial-Tag");
    german.put("fr", "Journée");
    // when / then
    assertThat(PretixMapper.localized(Map.of("de", "Tag", "en", "Day"), "x")).isEqualTo("Day");
    assertThat(PretixMapper.localized(german, "x")).isEqualTo("Tutorial-Tag");
    assertThat(PretixMapper.localized(Map.of("en", ""), "item 7")).isEqualTo("item 7");
    assertThat(PretixMapper.localized(null, "item 7")).isEqualTo("item 7");
    assertThat(CATALOG.itemName(1000 + 1)).contains("Nur Deutsch");
  }

  @Test
  void foldsAddOnsOfAddOnsIntoTheTopPositionAndDropsCancelledAddOns() {
    // given
    OrderDto dto =
        new OrderDto(
            "ABCDE",
            "p",
            false,
            null,
            null,
            List.of(
                position(10, 1, 1, null),
                position(11, 2, 2, 10L),
                position(12, 3, 3, 11L),
                new PositionDto(13L, 4, 3L, null, null, null, 10L, true)));
    // when
    Order order = PretixMapper.order(dto, CATALOG);
    // then
    assertThat(order.positions()).hasSize(1);
    Position top = order.positions().get(0);
    assertThat(top.addOns()).containsExactly(Product.item(2, "Dinner"), Product.item(3, "Wine"));
  }

  @Test
  void keepsAnAddOnWhoseParentIsMissingAsItsOwnPosition() {
    // given
    OrderDto dto = new OrderDto("ABCDE", "p", false, null, null, List.of(position(11, 2, 2, 99L)));
    // when
    Order order = PretixMapper.order(dto, CATALOG);
    // then
    assertThat(order.positions())
        .extracting(Position::product)
        .containsExactly(Product.item(2, "Dinner"));
  }

  @Test
  void namesUnknownItemsByTheirId() {
    // given
    OrderDto dto =
        new OrderDto(
            "ABCDE",
            "p",
            false,
            null,
            new InvoiceAddressDto("  "),
            List.of(new PositionDto(1L, 1, 77L, 770L, null, null, null, null)));
    // when
    Order order = PretixMapper.order(dto, CATALOG);
    // then
    Position position = order.positions().get(0);
    assertThat(position.product()).isEqualTo(new Product(77, "item 77", 770L, "variation 770"));
    assertThat(position.attendeeName()).isEmpty();
    assertThat(position.canceled()).isFalse();
  }

  @Test
  void rejectsIncompleteOrders() {
    assertThatThrownBy(
            () ->
                PretixMapper.order(new OrderDto(null, "p", false, null, null, List.of()), CATALOG))
        .hasMessageContaining("order.code");
    assertThatThrownBy(
            () ->
                PretixMapper.order(
                    new OrderDto("ABCDE", null, false, null, null, List.of()), CATALOG))
        .hasMessageContaining("order.status");
    assertThatThrownBy(
            () ->
                PretixMapper.order(
                    new OrderDto("ABCDE", "p", null, null, null, List.of()), CATALOG))
        .hasMessageContaining("order.testmode");
    assertThatThrownBy(
            () -> PretixMapper.order(new OrderDto("ABCDE", "p", false, null, null, null), CATALOG))
        .hasMessageContaining("order.positions");
    assertThatThrownBy(
            () ->
                PretixMapper.order(
                    new OrderDto(
                        "ABCDE",
                        "p",
                        false,
                        null,
                        null,
                        List.of(new PositionDto(1L, 1, null, null, "A", null, null, false))),
                    CATALOG))
        .hasMessageContaining("position.item");
    assertThatThrownBy(
            () ->
                PretixMapper.order(
                    new OrderDto("ab-1", "p", false, null, null, List.of()), CATALOG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PretixMapper.catalog(List.of(new ItemDto(null, Map.of(), null))))
        .hasMessageContaining("item.id");
  }

  @Test
  void rejectsAddOnCycles() {
    // given
    OrderDto dto =
        new OrderDto(
            "ABCDE", "p", false, null, null, List.of(position(1, 1, 1, 2L), position(2, 2, 2, 1L)));
    // when / then
    assertThatThrownBy(() -> PretixMapper.order(dto, CATALOG)).hasMessageContaining("cycle");
  }

  @Test
  void takesTheAttendeeEmailElseTheOrdersLowerCased() {
    // given
    OrderDto dto =
        new OrderDto(
            "ABCDE",
            "p",
            false,
            " Buyer@Example.org ",
            null,
            List.of(
                new PositionDto(1L, 1, 1L, null, "Ada Lovelace", "Ada@Example.org", null, false),
                new PositionDto(2L, 2, 1L, null, "Alan Turing", " ", null, false)));
    // when
    Order order = PretixMapper.order(dto, CATALOG);
    // then
    assertThat(order.positions())
        .extracting(Position::email)
        .containsExactly("ada@example.org", "buyer@example.org");
  }
}
