package dev.confbot.adapter.discord;

import static dev.confbot.adapter.discord.Conference.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.registration.ReconcileReport;
import dev.confbot.core.testing.TestData;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reconciliation through real JDA against fake-discord: unfinished reservations are confirmed or
 * completed by what the member really has on the server, and a rejoin whose role grant Discord
 * refused is retried and reported in the log channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcileEndToEndTest {
  private Conference conference;

  @BeforeAll
  void start() {
    conference = new Conference(6);
    conference.start();
  }

  @AfterAll
  void stop() {
    conference.close();
  }

  private static PositionKey key(String code) {
    return new PositionKey(new OrderCode(code), 1);
  }

  /** A reservation made a while ago, as a crashed run leaves it. */
  private void reserveEarlier(PositionKey key, FakeMember member) {
    conference.claims.reserve(
        key, new MemberId(member.id()), Instant.now().minus(Duration.ofMinutes(5)));
  }

  @Test
  void confirmsAReservationWhoseRolesTheMemberAlreadyHas() {
    // given: the roles were applied, then the process died before confirming
    FakeMember member = conference.fake.member("member0");
    PositionKey ticket = key("JMM7N");
    reserveEarlier(ticket, member);
    new DiscordRoleGateway(conference.bot()::guild)
        .grant(
            new MemberId(member.id()),
            Set.of(TestData.ATTENDEES, TestData.ON_SITE),
            Optional.empty());
    conference.fake.clearRequests();
    // when
    ReconcileReport report = conference.lifecycle().reconcile(Duration.ofMinutes(2));
    // then
    assertThat(report.confirmed()).contains(ticket);
    assertThat(conference.claims.claimOf(ticket)).map(ClaimStore.Claim::confirmed).contains(true);
    assertThat(conference.fake.requests("PUT guilds/*/members/*/roles/*")).isEmpty();
    eventually(
        "audit line",
        () ->
            conference.logLines().stream()
                .anyMatch(l -> l.contains("JM…-1") && l.contains("confirmation was missing")));
  }

  @Test
  void grantsTheRolesOfAReservationTheMemberDoesNotHaveYet() {
    // given: the process died between reserving and granting
    FakeMember member = conference.fake.member("member1");
    PositionKey ticket = key("QPCNU");
    reserveEarlier(ticket, member);
    // when
    ReconcileReport report = conference.lifecycle().reconcile(Duration.ofMinutes(2));
    // then
    assertThat(report.regranted()).contains(ticket);
    assertThat(conference.fake.roleNamesOf(member))
        .containsExactlyInAnyOrder("Attendees", "On-site");
    assertThat(conference.claims.claimOf(ticket)).map(ClaimStore.Claim::confirmed).contains(true);
  }

  @Test
  void releasesTheReservationOfAMemberWhoLeft() {
    // given
    FakeMember member = conference.fake.member("member2");
    PositionKey ticket = key("KCPXF");
    reserveEarlier(ticket, member);
    conference.fake.memberLeaves(member);
    // when
    ReconcileReport report = conference.lifecycle().reconcile(Duration.ofMinutes(2));
    // then
    assertThat(report.released()).contains(ticket);
    assertThat(conference.claims.claimOf(ticket)).isEmpty();
  }

  @Test
  void retriesTheRolesOfARejoinedMemberThatDiscordRefusedAndAlerts() {
    // given
    FakeMember carol = conference.fake.member("member3");
    conference.register(carol, "T8CV7", "Chloë Brontë");
    conference.fake.memberLeaves(carol);
    conference.fake.failNext(
        "PUT guilds/*/members/*/roles/*", Fault.error(403, 50013, "Missing Permissions"));
    // when: she rejoins and the first role grant is refused
    FakeMember back = conference.fake.memberRejoins(carol);
    eventually(
        "alert in the log channel",
        () ->
            conference.logLines().stream()
                .anyMatch(
                    l ->
                        l.contains(
                            "<@" + back.id() + "> rejoined but restoring their roles failed")));
    ReconcileReport report = conference.lifecycle().reconcile(Duration.ofMinutes(2));
    // then
    assertThat(report.restored()).contains(new MemberId(back.id()));
    assertThat(conference.fake.roleNamesOf(back)).containsExactlyInAnyOrder("Attendees", "On-site");
    eventually(
        "recovery line",
        () -> conference.logLines().stream().anyMatch(l -> l.contains("restored on a retry")));
  }
}
