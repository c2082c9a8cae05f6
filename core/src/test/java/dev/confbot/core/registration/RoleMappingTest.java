package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.ONLINE_ROLE;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static dev.confbot.core.testing.TestData.SPONSORS;
import static dev.confbot.core.testing.TestData.SPONSOR_GOLD;
import static dev.confbot.core.testing.TestData.SPONSOR_SILVER;
import static dev.confbot.core.testing.TestData.TUTORIALS;
import static dev.confbot.core.testing.TestData.TUTORIAL_DAY;
import static dev.confbot.core.testing.TestData.T_SHIRT;
import static dev.confbot.core.testing.TestData.VOLUNTEERS;
import static dev.confbot.core.testing.TestData.VOLUNTEER_ONSITE;
import static dev.confbot.core.testing.TestData.VOLUNTEER_REMOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.Product;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMappingTest {
  private final RoleMapping mapping = TestData.roleMapping();

  @Test
  void mapsAnItemByName() {
    assertThat(mapping.rolesFor(BUSINESS)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
  }

  @Test
  void unitesItemAndItemVariationMappings() {
    assertThat(mapping.rolesFor(VOLUNTEER_ONSITE))
        .containsExactlyInAnyOrder(ATTENDEES, VOLUNTEERS, ON_SITE);
    assertThat(mapping.rolesFor(VOLUNTEER_REMOTE))
        .containsExactlyInAnyOrder(ATTENDEES, VOLUNTEERS, ONLINE_ROLE);
  }

  @Test
  void mapsAVariationByItsOwnName() {
    // given
    RoleMapping byVariation =
        new RoleMapping(Map.of("Gold", Set.of(SPONSORS)), Map.of(), Map.of(), Map.of());
    // then
    assertThat(byVariation.rolesFor(SPONSOR_GOLD)).containsExactly(SPONSORS);
    assertThat(byVariation.rolesFor(SPONSOR_SILVER)).isEmpty();
  }

  @Test
  void comparesNamesIgnoringCaseSpacingAndDashStyle() {
    // given
    RoleMapping loose =
        new RoleMapping(
            Map.of("  volunteer -  on-site ", Set.of(ON_SITE)), Map.of(), Map.of(), Map.of());
    // then
    assertThat(loose.rolesFor(VOLUNTEER_ONSITE)).containsExactly(ON_SITE);
  }

  @Test
  void mapsItemsAndVariationsById() {
    // given
    RoleRef gold = new RoleRef("1120776149644087406");
    RoleMapping byId =
        new RoleMapping(
            Map.of(), Map.of(106L, Set.of(SPONSORS)), Map.of(1061L, Set.of(gold)), Map.of());
    // then
    assertThat(byId.rolesFor(SPONSOR_GOLD)).containsExactlyInAnyOrder(SPONSORS, gold);
    assertThat(byId.rolesFor(SPONSOR_SILVER)).containsExactly(SPONSORS);
    assertThat(byId.rolesFor(BUSINESS)).isEmpty();
  }

  @Test
  void doesNotConfuseItemIdsWithVariationIds() {
    // given: item 1061 does not exist; variation 1061 is Sponsor – Gold
    RoleMapping byId =
        new RoleMapping(Map.of(), Map.of(1061L, Set.of(SPONSORS)), Map.of(), Map.of());
    // then
    assertThat(byId.rolesFor(SPONSOR_GOLD)).isEmpty();
  }

  @Test
  void givesAPositionTheUnionOfItsProductAddOnsAndOrderExtras() {
    // given
    Position position = TestData.position("PRERH", 1, "Maria", BUSINESS, TUTORIAL_DAY, T_SHIRT);
    RoleRef organizers = new RoleRef("Organizers");
    RoleMapping withExtra =
        mapping.withExtraRoles(Map.of(new OrderCode("PRERH"), Set.of(organizers)));
    // then
    assertThat(mapping.rolesFor(position)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE, TUTORIALS);
    assertThat(withExtra.rolesFor(position))
        .containsExactlyInAnyOrder(ATTENDEES, ON_SITE, TUTORIALS, organizers);
    assertThat(withExtra.extraRolesFor(new OrderCode("TYJEL"))).isEmpty();
  }

  @Test
  void aClaimGivesItsPositionsRolesWhileKnownAndItsOrdersExtrasAfterwards() {
    // given
    Position position = TestData.position("PRERH", 1, "Maria", BUSINESS, TUTORIAL_DAY);
    RoleRef organizers = new RoleRef("Organizers");
    RoleMapping withExtra =
        mapping.withExtraRoles(Map.of(new OrderCode("PRERH"), Set.of(organizers)));
    // then
    assertThat(withExtra.rolesOfClaim(position.key(), Optional.of(position)))
        .containsExactlyInAnyOrder(ATTENDEES, ON_SITE, TUTORIALS, organizers);
    assertThat(withExtra.rolesOfClaim(position.key(), Optional.empty()))
        .containsExactly(organizers);
    assertThat(mapping.rolesOfClaim(position.key(), Optional.empty())).isEmpty();
  }

  @Test
  void readsTheLegacyJsonShape() {
    // given
    RoleMapping legacy =
        RoleMapping.byName(
            Map.of("Business", List.of("1120774936655568896", "1122452618829107220")));
    // then
    assertThat(legacy.rolesFor(BUSINESS))
        .extracting(RoleRef::value)
        .containsExactlyInAnyOrder("1120774936655568896", "1122452618829107220");
    assertThat(legacy.rolesFor(BUSINESS)).allMatch(RoleRef::isId);
  }

  @Test
  void reportsProductsThatMapToNothing() {
    assertThat(mapping.unmapped(List.of(BUSINESS, T_SHIRT, T_SHIRT, TUTORIAL_DAY)))
        .containsExactly(T_SHIRT);
  }

  @Test
  void reportsMappingNamesThatMatchNoProduct() {
    // given
    RoleMapping typo =
        new RoleMapping(
            Map.of("Busines", Set.of(ATTENDEES), "Business", Set.of(ATTENDEES)),
            Map.of(),
            Map.of(),
            Map.of());
    // then
    assertThat(typo.unusedNames(List.of(BUSINESS))).containsExactly("Busines");
  }

  @Test
  void reportsMappedIdsThatMatchNoProduct() {
    // given
    RoleMapping byId =
        new RoleMapping(
            Map.of(),
            Map.of(BUSINESS.itemId(), Set.of(ATTENDEES), 999L, Set.of(ATTENDEES)),
            Map.of(1061L, Set.of(SPONSORS), 9999L, Set.of(SPONSORS)),
            Map.of());
    List<Product> products = List.of(BUSINESS, SPONSOR_GOLD);
    // then
    assertThat(byId.unusedItemIds(products)).containsExactly(999L);
    assertThat(byId.unusedVariationIds(products)).containsExactly(9999L);
  }

  @Test
  void listsEveryRoleItCanHandOut() {
    assertThat(mapping.allRoles())
        .contains(ATTENDEES, TUTORIALS, VOLUNTEERS)
        .doesNotHaveDuplicates();
  }

  @Test
  void rejectsTwoNamesThatAreTheSameKey() {
    assertThatThrownBy(
            () ->
                new RoleMapping(
                    Map.of("Business", Set.of(ATTENDEES), "business ", Set.of(ON_SITE)),
                    Map.of(),
                    Map.of(),
                    Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same mapping key");
  }
}
