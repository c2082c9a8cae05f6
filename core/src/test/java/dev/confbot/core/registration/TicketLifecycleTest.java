package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static dev.confbot.core.testing.TestData.SPEAKER;
import static dev.confbot.core.testing.TestData.SPEAKERS;
import static dev.confbot.core.testing.TestData.TUTORIALS;
import static dev.confbot.core.testing.TestData.TUTORIAL_DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.TicketSource.Snapshot;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
  private static final PositionKey TYJEL_1 = new PositionKey(new OrderCode("TYJEL"), 1);
  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final TicketIndex index = new TicketIndex();
  private final InMemoryClaimStore claims = new InMemoryClaimStore();
  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
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
  private TicketLifecycle lifecycle = lifecycle(CancellationPolicy.REVOKE);

  private TicketLifecycle lifecycle(CancellationPolicy policy) {
    return new TicketLifecycle(
        index, claims, discord, TestData.roleMapping(), audit, clock, policy);
  }

  @BeforeEach
  void loadAndRegister() {
    pretix.putAll(TestData.fixtureOrders());
    lifecycle.applyFull(pretix.fullSync());
    registration.register(ALICE, "TYJEL", "Paula Larsen");
    audit.clear();
  }

  private Snapshot changes(Order... orders) {
    return new Snapshot(List.of(orders), "later");
  }

  @Test
  void revokesTheRolesOfAClaimedTicketThatWasCancelled() {
    // given
    Order canceled =
        TestData.withStatus(
            index.find(TYJEL_1.order()).orElseThrow().order(), OrderStatus.CANCELED);
    // when
    SyncReport report = lifecycle.applyChanges(changes(canceled));
    // then
    assertThat(report.canceledClaims()).containsExactly(TYJEL_1);
    assertThat(report.revoked()).containsExactly(TYJEL_1);
    assertThat(discord.rolesOf(ALICE)).isEmpty();
    assertThat(claims.claimOf(TYJEL_1)).isEmpty();
    assertThat(audit.last())
        .contains(ALICE.mention(), "TY…-1", "cancelled")
        .doesNotContain("TYJEL");
  }

  @Test
  void revokesWhenTheClaimedPositionWasCancelledOrRemovedFromTheOrder() {
    // given
    Order positionCanceled =
        TestData.order(
            "TYJEL",
            OrderStatus.PAID,
            TestData.canceledPosition("TYJEL", 1, "Paula Larsen", BUSINESS));
    // when
    SyncReport report = lifecycle.applyChanges(changes(positionCanceled));
    // then
    assertThat(report.revoked()).containsExactly(TYJEL_1);
    assertThat(discord.rolesOf(ALICE)).isEmpty();
  }

  @Test
  void keepsRolesThatAnotherTicketOfTheMemberStillGives() {
    // given
    pretix.put(TestData.paid("SPKRA", "Alice Example", SPEAKER, TUTORIAL_DAY));
    registration.register(ALICE, "SPKRA", "Alice Example");
    Order canceled =
        TestData.withStatus(
            pretix.order(new OrderCode("SPKRA")).orElseThrow(), OrderStatus.CANCELED);
    // when
    lifecycle.applyChanges(changes(canceled));
    // then
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(discord.revokes())
        .singleElement()
        .extracting(r -> r.roles())
        .isEqualTo(Set.of(SPEAKERS, TUTORIALS));
  }

  @Test
  void revokesWhenAClaimedOrderIsNoLongerPaid() {
    // given: the payment was reversed, pretix marks the order pending again
    Order unpaid =
        TestData.withStatus(index.find(TYJEL_1.order()).orElseThrow().order(), OrderStatus.PENDING);
    // when
    SyncReport report = lifecycle.applyChanges(changes(unpaid));
    // then
    assertThat(report.canceledClaims()).containsExactly(TYJEL_1);
    assertThat(report.revoked()).containsExactly(TYJEL_1);
    assertThat(discord.rolesOf(ALICE)).isEmpty();
    assertThat(claims.claimOf(TYJEL_1)).isEmpty();
    assertThat(audit.last()).contains("TY…-1", "no longer paid", "roles removed");
  }

  @Test
  void revokesWhenAClaimedOrderExpired() {
    // given
    Order expired =
        TestData.withStatus(index.find(TYJEL_1.order()).orElseThrow().order(), OrderStatus.EXPIRED);
    // when
    SyncReport report = lifecycle.applyFull(new Snapshot(List.of(expired), "c1"));
    // then
    assertThat(report.revoked()).containsExactly(TYJEL_1);
    assertThat(discord.rolesOf(ALICE)).isEmpty();
    assertThat(audit.last()).contains("expired");
  }

  @Test
  void onlyAlertsForAnUnpaidOrderWhenConfiguredSo() {
    // given
    lifecycle = lifecycle(CancellationPolicy.ALERT_ONLY);
    Order unpaid =
        TestData.withStatus(index.find(TYJEL_1.order()).orElseThrow().order(), OrderStatus.PENDING);
    // when
    SyncReport report = lifecycle.applyChanges(changes(unpaid));
    // then
    assertThat(report.revoked()).isEmpty();
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(audit.alerts()).singleElement().asString().contains("no longer paid", "roles kept");
  }

  @Test
  void keepsAPendingOrderWhenPendingOrdersMayRegister() {
    // given
    lifecycle =
        new TicketLifecycle(
            index,
            claims,
            discord,
            TestData.roleMapping(),
            audit,
            clock,
            CancellationPolicy.REVOKE,
            Set.of(OrderStatus.PAID, OrderStatus.PENDING));
    Order unpaid =
        TestData.withStatus(index.find(TYJEL_1.order()).orElseThrow().order(), OrderStatus.PENDING);
    // when
    SyncReport report = lifecycle.applyChanges(changes(unpaid));
    // then
    assertThat(report.canceledClaims()).isEmpty();
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(lifecycle.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
  }

  @Test
  void onlyAlertsOnceWhenConfiguredSo() {
    // given
    lifecycle = lifecycle(CancellationPolicy.ALERT_ONLY);
    Order canceled =
        TestData.withStatus(
            index.find(TYJEL_1.order()).orElseThrow().order(), OrderStatus.CANCELED);
    // when
    SyncReport first = lifecycle.applyChanges(changes(canceled));
    lifecycle.applyChanges(changes(canceled));
    // then
    assertThat(first.canceledClaims()).containsExactly(TYJEL_1);
    assertThat(first.revoked()).isEmpty();
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(claims.claimOf(TYJEL_1)).isPresent();
    assertThat(audit.alerts()).hasSize(1);
  }

  @Test
  void alertsWhenRevokingFails() {
    // given
    discord.failing(true);
    Order canceled =
        TestData.withStatus(
            index.find(TYJEL_1.order()).orElseThrow().order(), OrderStatus.CANCELED);
    // when
    SyncReport report = lifecycle.applyChanges(changes(canceled));
    // then
    assertThat(report.revoked()).isEmpty();
    assertThat(audit.alerts()).singleElement().asString().contains("removing roles failed");
  }

  @Test
  void leavesUnchangedClaimsAlone() {
    // when
    SyncReport report = lifecycle.applyFull(pretix.fullSync());
    // then
    assertThat(report.canceledClaims()).isEmpty();
    assertThat(report.orders()).isEqualTo(report.indexed());
    assertThat(discord.revokes()).isEmpty();
    assertThat(audit.lines()).isEmpty();
  }

  @Test
  void givesARejoiningMemberTheRolesOfTheirClaims() {
    // given
    discord.leave(ALICE);
    // when
    Set<?> restored = lifecycle.rolesOnRejoin(ALICE);
    // then
    assertThat(restored).isEqualTo(Set.of(ATTENDEES, ON_SITE));
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(audit.last()).contains("rejoined");
  }

  @Test
  void givesNothingToARejoiningMemberWithoutClaims() {
    // when
    Set<?> restored = lifecycle.rolesOnRejoin(BOB);
    // then
    assertThat(restored).isEmpty();
    assertThat(discord.grants()).hasSize(1);
  }

  @Test
  void countsExtraRolesOfAnOrderTheIndexDoesNotHoldYet() {
    // given
    TicketIndex empty = new TicketIndex();
    var organizers = new dev.confbot.core.model.RoleRef("Organizers");
    TicketLifecycle fresh =
        new TicketLifecycle(
            empty,
            claims,
            discord,
            TestData.roleMapping().withExtraRoles(Map.of(TYJEL_1.order(), Set.of(organizers))),
            audit,
            clock,
            CancellationPolicy.REVOKE);
    // then
    assertThat(fresh.rolesOf(ALICE)).containsExactly(organizers);
  }

  @Test
  void anUnfinishedReservationOfTheSameMemberIsCompletedOnRetry() {
    // given
    claims.reserve(new PositionKey(new OrderCode("DLSSW"), 1), BOB, clock.instant());
    // when
    RegistrationResult retry = registration.register(BOB, "DLSSW", "José Müller-Lüdenscheidt");
    // then
    assertThat(retry.code()).isEqualTo(OutcomeCode.ALREADY_REGISTERED);
    assertThat(claims.claimsOf(BOB)).hasSize(1);
  }
}
