package dev.confbot.core.privacy;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static dev.confbot.core.testing.TestData.SPEAKERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.PersonalData.Category;
import dev.confbot.core.registration.InMemoryClaimStore;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationResult;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.RegistrationSettings;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.testing.FakePersonalData;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForgetServiceTest {
  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final TicketIndex index = new TicketIndex();
  private final InMemoryClaimStore claims = new InMemoryClaimStore();
  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final FakePersonalData data = new FakePersonalData(claims);
  private final RegistrationService registration =
      new RegistrationService(
          index,
          pretix,
          claims,
          discord,
          TestData.roleMapping(),
          audit,
          clock,
          RegistrationSettings.defaults(),
          RegistrationMessages.ENGLISH);
  private final ForgetService service =
      new ForgetService(data, claims, index, TestData.roleMapping(), discord, audit);

  @BeforeEach
  void registerAliceAndBob() {
    pretix.putAll(TestData.fixtureOrders());
    index.replaceAll(pretix.fullSync());
    assertThat(registration.register(ALICE, "TYJEL", "Paula Larsen"))
        .isInstanceOf(RegistrationResult.Registered.class);
    assertThat(registration.register(BOB, "DLSSW", "José Müller-Lüdenscheidt"))
        .isInstanceOf(RegistrationResult.Registered.class);
    data.addReminders(ALICE, 2);
    data.addFailedAttempts(ALICE, 1);
    data.addReminders(BOB, 1);
    audit.clear();
  }

  @Test
  void previewsWhatForgettingDeletesAndWhichRolesItRemoves() {
    // when
    ForgetService.Preview preview = service.preview(ALICE);
    // then
    assertThat(preview.kept().of(Category.CLAIMS)).isEqualTo(1);
    assertThat(preview.kept().of(Category.REMINDERS)).isEqualTo(2);
    assertThat(preview.kept().of(Category.FAILED_ATTEMPTS)).isEqualTo(1);
    assertThat(preview.roles()).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(claims.all()).hasSize(2);
  }

  @Test
  void forgetsAMemberWhoAsksAndRemovesTheirTicketRoles() {
    // when
    ForgetResult result = service.forgetSelf(ALICE);
    // then
    assertThat(result).isInstanceOf(ForgetResult.Forgotten.class);
    ForgetResult.Forgotten forgotten = (ForgetResult.Forgotten) result;
    assertThat(forgotten.deleted().of(Category.CLAIMS)).isEqualTo(1);
    assertThat(forgotten.deleted().of(Category.REMINDERS)).isEqualTo(2);
    assertThat(forgotten.deleted().of(Category.FAILED_ATTEMPTS)).isEqualTo(1);
    assertThat(forgotten.revoked()).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(data.countOf(ALICE).total()).isZero();
    assertThat(claims.claimOf(new PositionKey(new OrderCode("TYJEL"), 1))).isEmpty();
    assertThat(discord.rolesOf(ALICE)).doesNotContain(ATTENDEES, ON_SITE);
    // then: bob keeps everything
    assertThat(data.countOf(BOB).of(Category.CLAIMS)).isEqualTo(1);
    assertThat(data.countOf(BOB).of(Category.REMINDERS)).isEqualTo(1);
    assertThat(discord.rolesOf(BOB)).contains(ATTENDEES, ON_SITE);
    // then: the audit line names neither the member nor the attendee
    assertThat(audit.texts())
        .containsExactly(
            "🧹 A member had their personal data deleted (/forget-me): 1 ticket claim, 2 session"
                + " reminders, 1 failed registration attempt; roles removed: Attendees, On-site");
  }

  @Test
  void theForgottenTicketCanBeRegisteredAgain() {
    // given
    service.forgetSelf(ALICE);
    // when
    RegistrationResult again = registration.register(BOB, "TYJEL", "Paula Larsen");
    // then
    assertThat(again).isInstanceOf(RegistrationResult.Registered.class);
  }

  @Test
  void anOrganizerForgetsAMemberWithAnAuditLineWithoutTheAttendeeName() {
    // given
    RoleRef organizerRole = new RoleRef("Organizers");
    discord.grant(BOB, Set.of(organizerRole), java.util.Optional.empty());
    // when
    ForgetResult result = service.forgetByOrganizer(ALICE, BOB);
    // then
    assertThat(result).isInstanceOf(ForgetResult.Forgotten.class);
    assertThat(audit.texts())
        .containsExactly(
            "🧹 Personal data of "
                + ALICE.mention()
                + " deleted by organizer "
                + BOB.mention()
                + ": 1 ticket claim, 2 session reminders, 1 failed registration attempt;"
                + " roles removed: Attendees, On-site");
    assertThat(audit.texts()).noneMatch(l -> l.contains("Paula") || l.contains("TYJEL"));
    assertThat(discord.rolesOf(BOB)).contains(organizerRole);
  }

  @Test
  void removesTheRolesOfEveryTicketTheMemberHeld() {
    // given: alice also holds a speaker ticket
    assertThat(registration.register(ALICE, "HXYCT", "Guido van Rossum"))
        .isInstanceOf(RegistrationResult.Registered.class);
    // when
    ForgetResult result = service.forgetSelf(ALICE);
    // then
    assertThat(((ForgetResult.Forgotten) result).deleted().of(Category.CLAIMS)).isEqualTo(2);
    assertThat(((ForgetResult.Forgotten) result).revoked())
        .containsExactlyInAnyOrder(ATTENDEES, ON_SITE, SPEAKERS);
  }

  @Test
  void forgetsAMemberWithoutTicketsAndSaysNoRolesWereRemoved() {
    // given
    data.addReminders(TestData.CAROL, 1);
    // when
    ForgetResult result = service.forgetSelf(TestData.CAROL);
    // then
    assertThat(result).isInstanceOf(ForgetResult.Forgotten.class);
    assertThat(((ForgetResult.Forgotten) result).revoked()).isEmpty();
    assertThat(data.countOf(TestData.CAROL).total()).isZero();
    assertThat(discord.revokes()).isEmpty();
    assertThat(audit.last()).endsWith("; no ticket roles to remove");
  }

  @Test
  void deletesTheDataEvenWhenDiscordCannotRemoveTheRolesAndAlertsOrganizers() {
    // given
    discord.failing(true);
    // when
    ForgetResult result = service.forgetSelf(ALICE);
    // then
    assertThat(result)
        .isEqualTo(
            new ForgetResult.RolesKept(
                ((ForgetResult.RolesKept) result).deleted(),
                Set.of(ATTENDEES, ON_SITE),
                "discord"));
    assertThat(data.countOf(ALICE).total()).isZero();
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("removing the roles Attendees, On-site of " + ALICE.mention() + " failed")
        .contains("by hand");
  }

  @Test
  void deletesNothingAndRemovesNoRolesWhenTheStoreFails() {
    // given
    data.failing(true);
    // when
    ForgetResult result = service.forgetSelf(ALICE);
    // then
    assertThat(result).isEqualTo(new ForgetResult.Unavailable("sqlite"));
    assertThat(discord.revokes()).isEmpty();
    assertThat(claims.all()).hasSize(2);
    assertThat(audit.texts()).isEmpty();
  }
}
