package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.VOLUNTEERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.RoleRef;
import dev.confbot.core.registration.OrganizerGrants.Outcome;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizerGrantsTest {
  private static final RoleRef CREW = new RoleRef("Crew");

  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final OrganizerGrants grants =
      new OrganizerGrants(List.of(VOLUNTEERS, CREW), discord, audit);

  @Test
  void grantsAConfiguredRoleTypedInAnyCaseAndAuditsIt() {
    // when
    Outcome outcome = grants.grant(ALICE, BOB, " volunteers ");
    // then
    assertThat(outcome).isEqualTo(new Outcome.Changed(BOB, VOLUNTEERS, true));
    assertThat(discord.rolesOf(BOB)).containsExactly(VOLUNTEERS);
    assertThat(audit.texts())
        .containsExactly(
            "🎟️ " + ALICE.mention() + " granted Volunteers to " + BOB.mention() + " (/grant)");
  }

  @Test
  void revokesAndAuditsIt() {
    discord.grant(BOB, Set.of(CREW), Optional.empty());
    Outcome outcome = grants.revoke(ALICE, BOB, "Crew");
    assertThat(outcome).isEqualTo(new Outcome.Changed(BOB, CREW, false));
    assertThat(discord.rolesOf(BOB)).isEmpty();
    assertThat(audit.last())
        .isEqualTo("🎟️ " + ALICE.mention() + " removed Crew from " + BOB.mention() + " (/revoke)");
  }

  @Test
  void refusesARoleThatIsNotConfiguredAndNamesTheGrantableOnes() {
    Outcome outcome = grants.grant(ALICE, BOB, "Organizers");
    assertThat(outcome).isInstanceOf(Outcome.NotGrantable.class);
    assertThat(outcome.describe())
        .contains("“Organizers” cannot be granted", "Volunteers, Crew", "grantable_roles");
    assertThat(discord.grants()).isEmpty();
    assertThat(audit.texts()).isEmpty();
  }

  @Test
  void changesNothingWhenTheMemberAlreadyHasOrLacksTheRole() {
    discord.grant(BOB, Set.of(VOLUNTEERS), Optional.empty());
    int before = discord.grants().size();
    assertThat(grants.grant(ALICE, BOB, "Volunteers"))
        .isEqualTo(new Outcome.Unchanged(BOB, VOLUNTEERS, true));
    assertThat(grants.revoke(ALICE, BOB, "Crew"))
        .isEqualTo(new Outcome.Unchanged(BOB, CREW, false));
    assertThat(discord.grants()).hasSize(before);
    assertThat(discord.revokes()).isEmpty();
    assertThat(audit.texts()).isEmpty();
  }

  @Test
  void reportsAMemberNotOnTheServerAndAFailingDiscord() {
    discord.away(BOB);
    assertThat(grants.grant(ALICE, BOB, "Crew")).isEqualTo(new Outcome.NotOnServer(BOB));
    discord.rejoin(BOB);
    discord.failing(true);
    Outcome failed = grants.grant(ALICE, BOB, "Crew");
    assertThat(failed).isInstanceOf(Outcome.Failed.class);
    assertThat(failed.describe()).startsWith("Could not change Crew for " + BOB.mention());
    assertThat(audit.texts()).isEmpty();
  }
}
