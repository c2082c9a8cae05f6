package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TomlMergeTest {
  @Test
  void mergesNestedTablesKeyByKeyAndReplacesArrays() {
    // given
    Map<String, Object> base =
        Map.of(
            "pretix", Map.of("organizer", "o", "event", "e"),
            "notifications",
                Map.of("skipped", List.of("Break", "Lunch"), "rooms", Map.of("A", "a", "B", "b")));
    Map<String, Object> overlay =
        Map.of(
            "pretix", Map.of("event", "rehearsal"),
            "notifications", Map.of("skipped", List.of(), "rooms", Map.of("B", "b2", "C", "c")));

    // when
    Map<String, Object> merged = TomlFiles.merge(base, overlay);

    // then
    assertThat(merged)
        .isEqualTo(
            Map.of(
                "pretix", Map.of("organizer", "o", "event", "rehearsal"),
                "notifications",
                    Map.of("skipped", List.of(), "rooms", Map.of("A", "a", "B", "b2", "C", "c"))));
  }

  @Property
  void emptyOverlayChangesNothing(@ForAll("trees") Map<String, Object> base) {
    assertThat(TomlFiles.merge(base, Map.of())).isEqualTo(base);
    assertThat(TomlFiles.merge(Map.of(), base)).isEqualTo(base);
  }

  @Property
  void mergingTheSameOverlayTwiceIsLikeMergingItOnce(
      @ForAll("trees") Map<String, Object> base, @ForAll("trees") Map<String, Object> overlay) {
    Map<String, Object> once = TomlFiles.merge(base, overlay);
    assertThat(TomlFiles.merge(once, overlay)).isEqualTo(once);
  }

  @Property
  void everyOverlayLeafWins(
      @ForAll("trees") Map<String, Object> base, @ForAll("trees") Map<String, Object> overlay) {
    Map<String, Object> merged = TomlFiles.merge(base, overlay);
    overlay.forEach(
        (key, value) -> {
          if (!(value instanceof Map)) {
            assertThat(merged).containsEntry(key, value);
          }
        });
    base.keySet().forEach(key -> assertThat(merged).containsKey(key));
  }

  @Provide
  Arbitrary<Map<String, Object>> trees() {
    Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d");
    Arbitrary<Object> leaves =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 3).map(i -> (Object) (long) i),
            Arbitraries.of("x", "y").map(s -> (Object) s),
            Arbitraries.of("x", "y").list().ofMaxSize(2).map(l -> (Object) l));
    Arbitrary<Object> inner = Arbitraries.maps(keys, leaves).ofMaxSize(3).map(m -> (Object) m);
    return Arbitraries.maps(keys, Arbitraries.oneOf(leaves, inner)).ofMaxSize(4);
  }
}
