package dev.confbot.core.registration;

import static dev.confbot.core.registration.Speakers.paid;
import static dev.confbot.core.registration.Speakers.position;
import static dev.confbot.core.registration.Speakers.schedule;
import static dev.confbot.core.registration.Speakers.session;
import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static dev.confbot.core.testing.TestData.SPEAKERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.RegistrationResult.Registered;
import dev.confbot.core.schedule.Speaker;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpeakerRoleSyncTest {
  private static final PositionKey ZOE_TICKET = new PositionKey(new OrderCode("ZOE12"), 1);
  private static final PositionKey JAN_TICKET = new PositionKey(new OrderCode("JAN34"), 1);

  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final TicketIndex index = new TicketIndex();
  private final InMemoryClaimStore claims = new InMemoryClaimStore();
  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final SpeakerRoles speakers = new SpeakerRoles(List.of(SPEAKERS));
  private final RoleMapping mapping = TestData.roleMapping().withSpeakerRoles(speakers);
  private final SpeakerRoleSync sync =
      new SpeakerRoleSync(speakers, index, claims, discord, audit, Set.of(OrderStatus.PAID));
  private final RegistrationService registration =
      new RegistrationService(
          index,
          pretix,
          claims,
          discord,
          mapping,
          audit,
          clock,
          RegistrationSettings.defaults(),
          RegistrationMessages.ENGLISH);

  @BeforeEach
  void tickets() {
    pretix.put(paid(position("ZOE12", "Zoë Müller", "zoe@example.org", BUSINESS)));
    pretix.put(paid(position("JAN34", "Jan Novák", "", BUSINESS)));
    TicketSource.Snapshot snapshot = pretix.fullSync();
    index.replaceAll(snapshot);
  }

  @Test
  void aSpeakerRegisteringGetsTheSpeakerRolesWithTheTicketsRoles() {
    // given
    sync.scheduleChanged(
        schedule(session("ABC123", "confirmed", new Speaker("Z. Müller", "ZOE@example.org"))));
    // when
    RegistrationResult result = registration.register(ALICE, "ZOE12", "Zoe Mueller");
    // then
    assertThat(result).isInstanceOf(Registered.class);
    assertThat(((Registered) result).roles()).contains(SPEAKERS);
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE, SPEAKERS);
  }

  @Test
  void aRegisteredMemberGetsTheSpeakerRolesWhenTheScheduleLaterNamesThem() {
    // given: both registered before the schedule knew them as speakers
    registration.register(ALICE, "ZOE12", "Zoë Müller");
    registration.register(BOB, "JAN34", "Jan Novák");
    assertThat(discord.rolesOf(ALICE)).doesNotContain(SPEAKERS);
    audit.clear();
    // when
    SpeakerRoleSync.Report report =
        sync.scheduleChanged(schedule(session("DEF456", null, new Speaker("Jan Novak", ""))));
    // then
    assertThat(report.granted()).containsExactly(JAN_TICKET);
    assertThat(discord.rolesOf(BOB)).contains(SPEAKERS);
    assertThat(discord.rolesOf(ALICE)).doesNotContain(SPEAKERS);
    assertThat(audit.texts())
        .containsExactly(
            "🎤 "
                + BOB.mention()
                + " (ticket "
                + new OrderCode("JAN34").redacted()
                + "-1) is a speaker of “Talk DEF456” (DEF456), matched by name;"
                + " roles granted: Speakers");
  }

  @Test
  void aSecondRefreshGrantsNothingAgainAndADroppedSpeakerKeepsTheRole() {
    // given
    registration.register(BOB, "JAN34", "Jan Novák");
    sync.scheduleChanged(schedule(session("DEF456", null, new Speaker("Jan Novák", ""))));
    int grants = discord.grants().size();
    // when
    SpeakerRoleSync.Report again =
        sync.scheduleChanged(schedule(session("DEF456", null, new Speaker("Jan Novák", ""))));
    SpeakerRoleSync.Report dropped = sync.scheduleChanged(schedule());
    // then
    assertThat(again.granted()).isEmpty();
    assertThat(dropped.granted()).isEmpty();
    assertThat(discord.grants()).hasSize(grants);
    assertThat(discord.revokes()).isEmpty();
    assertThat(discord.rolesOf(BOB)).contains(SPEAKERS);
  }

  @Test
  void aFailedGrantIsRetriedAndAlertedOnce() {
    // given
    registration.register(BOB, "JAN34", "Jan Novák");
    discord.failing(true);
    // when
    SpeakerRoleSync.Report first =
        sync.scheduleChanged(schedule(session("DEF456", null, new Speaker("Jan Novák", ""))));
    SpeakerRoleSync.Report second = sync.retry();
    discord.failing(false);
    SpeakerRoleSync.Report third = sync.retry();
    // then
    assertThat(first.failed()).containsExactly(JAN_TICKET);
    assertThat(second.failed()).containsExactly(JAN_TICKET);
    assertThat(audit.alerts()).hasSize(1);
    assertThat(third.granted()).containsExactly(JAN_TICKET);
    assertThat(discord.rolesOf(BOB)).contains(SPEAKERS);
    assertThat(sync.retry().granted()).isEmpty();
  }

  @Test
  void aCancelledTicketGivesNoSpeakerRole() {
    // given
    registration.register(BOB, "JAN34", "Jan Novák");
    index.replaceAll(
        new TicketSource.Snapshot(
            List.of(
                TestData.withStatus(
                    paid(position("JAN34", "Jan Novák", "", BUSINESS)), OrderStatus.CANCELED)),
            "c2"));
    // when
    SpeakerRoleSync.Report report =
        sync.scheduleChanged(schedule(session("DEF456", null, new Speaker("Jan Novák", ""))));
    // then
    assertThat(report.granted()).isEmpty();
    assertThat(discord.rolesOf(BOB)).doesNotContain(SPEAKERS);
  }

  @Test
  void doesNothingWithoutSpeakerRoles() {
    SpeakerRoles none = SpeakerRoles.none();
    registration.register(BOB, "JAN34", "Jan Novák");
    SpeakerRoleSync.Report report =
        new SpeakerRoleSync(none, index, claims, discord, audit, Set.of(OrderStatus.PAID))
            .scheduleChanged(schedule(session("DEF456", null, new Speaker("Jan Novák", ""))));
    assertThat(report.granted()).isEmpty();
  }
}
