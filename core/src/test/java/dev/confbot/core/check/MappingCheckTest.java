package dev.confbot.core.check;

import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.SPONSORS;
import static dev.confbot.core.testing.TestData.SPONSOR_GOLD;
import static dev.confbot.core.testing.TestData.SPONSOR_SILVER;
import static dev.confbot.core.testing.TestData.T_SHIRT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.Product;
import dev.confbot.core.registration.RoleMapping;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MappingCheckTest {
  private static final List<Product> CATALOGUE =
      List.of(BUSINESS, SPONSOR_GOLD, SPONSOR_SILVER, T_SHIRT);
  private static final MappingKeys KEYS =
      new MappingKeys(
          Map.of(
              "Busines",
              "registration.roles.items.\"Busines\"",
              "Sponsor",
              "registration.roles.items.\"Sponsor\""),
          Map.of(999L, "registration.roles.items.\"999\""),
          Map.of(1069L, "registration.roles.variations.\"1069\""),
          "registration.roles");

  @Test
  void namesEachMappingEntryThatMatchesNoProductAsAnErrorWithItsKey() {
    // given
    RoleMapping mapping =
        new RoleMapping(
            Map.of("Busines", Set.of(ATTENDEES), "Sponsor", Set.of(SPONSORS)),
            Map.of(999L, Set.of(ATTENDEES), 109L, Set.of(ATTENDEES)),
            Map.of(1069L, Set.of(SPONSORS)),
            Map.of());
    // when
    List<Finding> findings = MappingCheck.findings(mapping, KEYS, CATALOGUE);
    // then
    assertThat(findings)
        .filteredOn(f -> f.severity() == Severity.ERROR)
        .extracting(Finding::key)
        .containsExactly(
            "registration.roles.items.\"Busines\"",
            "registration.roles.items.\"999\"",
            "registration.roles.variations.\"1069\"");
    assertThat(findings.get(0).message())
        .contains("no pretix item or variation is called \"Busines\"")
        .contains("\"Business\"");
    assertThat(findings.get(1).message()).contains("no item 999").contains("101, 106, 109");
    assertThat(findings.get(2).message()).contains("no variation 1069").contains("1061, 1062");
  }

  @Test
  void warnsAboutProductsThatGiveNoRole() {
    // given
    RoleMapping mapping =
        new RoleMapping(
            Map.of("Business", Set.of(ATTENDEES), "Gold", Set.of(SPONSORS)),
            Map.of(),
            Map.of(),
            Map.of());
    // when
    List<Finding> findings = MappingCheck.findings(mapping, KEYS, CATALOGUE);
    // then
    assertThat(findings).allMatch(f -> f.severity() == Severity.WARNING);
    assertThat(findings)
        .extracting(Finding::message)
        .containsExactly(
            "pretix product \"Sponsor – Silver\" (item 106, variation 1062) gives no role: map it"
                + " under [registration.roles.variations] if its holders should get one",
            "pretix item \"Conference T-shirt\" (item 109) gives no role: map it under"
                + " [registration.roles.items] if its holders should get one");
    assertThat(findings).extracting(Finding::key).containsOnly("registration.roles");
  }

  @Test
  void confirmsAMappingThatFitsTheCatalogue() {
    // given
    RoleMapping mapping =
        new RoleMapping(
            Map.of("Business", Set.of(ATTENDEES), "Sponsor", Set.of(SPONSORS)),
            Map.of(109L, Set.of(ATTENDEES)),
            Map.of(),
            Map.of());
    // when
    List<Finding> findings = MappingCheck.findings(mapping, KEYS, CATALOGUE);
    // then
    assertThat(findings).singleElement().extracting(Finding::severity).isEqualTo(Severity.OK);
  }
}
