package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.discord.OrganizerGuard.GuildRole;
import dev.confbot.adapter.discord.OrganizerGuard.Resolution;
import dev.confbot.core.model.RoleRef;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resolving the configured organizer roles to role ids, without Discord. */
class OrganizerGuardTest {
  private static final long ORGANIZERS = 111_111_111_111_111_111L;
  private static final long STAFF = 222_222_222_222_222_222L;
  private static final long SPOOF = 333_333_333_333_333_333L;

  @Test
  void resolvesANameToTheIdOfTheOnlyRoleWithThatNameIgnoringCase() {
    // when
    Resolution resolution =
        OrganizerGuard.resolve(
            Set.of(new RoleRef("organizers")),
            List.of(new GuildRole(ORGANIZERS, "Organizers"), new GuildRole(STAFF, "Staff")));
    // then
    assertThat(resolution.ids()).containsExactly(ORGANIZERS);
    assertThat(resolution.problems()).isEmpty();
  }

  @Test
  void keepsAnIdThatExistsAndReportsOneThatDoesNot() {
    // when
    Resolution resolution =
        OrganizerGuard.resolve(
            Set.of(new RoleRef(String.valueOf(STAFF)), new RoleRef(String.valueOf(SPOOF))),
            List.of(new GuildRole(ORGANIZERS, "Organizers"), new GuildRole(STAFF, "Staff")));
    // then
    assertThat(resolution.ids()).containsExactly(STAFF);
    assertThat(resolution.problems())
        .singleElement()
        .asString()
        .contains("Organizer role id " + SPOOF + " does not exist", "organizers.roles");
  }

  @Test
  void trustsNoneOfSeveralRolesSharingTheNameAndAsksForTheId() {
    // when
    Resolution resolution =
        OrganizerGuard.resolve(
            Set.of(new RoleRef("Organizers")),
            List.of(new GuildRole(ORGANIZERS, "Organizers"), new GuildRole(SPOOF, "ORGANIZERS")));
    // then
    assertThat(resolution.ids()).isEmpty();
    assertThat(resolution.problems())
        .singleElement()
        .asString()
        .contains(
            "\"Organizers\" matches 2 roles",
            String.valueOf(ORGANIZERS),
            String.valueOf(SPOOF),
            "configure the organizer role by id in organizers.roles");
  }

  @Test
  void reportsANameMatchingNoRole() {
    // when
    Resolution resolution =
        OrganizerGuard.resolve(
            Set.of(new RoleRef("Orga-Team"), new RoleRef("Staff")),
            List.of(new GuildRole(ORGANIZERS, "Organizers"), new GuildRole(STAFF, "Staff")));
    // then
    assertThat(resolution.ids()).containsExactly(STAFF);
    assertThat(resolution.problems())
        .singleElement()
        .asString()
        .contains("Organizer role \"Orga-Team\" does not exist");
  }

  @Test
  void allowsNobodyWithoutOrganizerRoles() {
    // when
    Resolution resolution =
        OrganizerGuard.resolve(Set.of(), List.of(new GuildRole(ORGANIZERS, "Organizers")));
    // then
    assertThat(resolution.ids()).isEmpty();
    assertThat(resolution.problems()).isEmpty();
  }
}
