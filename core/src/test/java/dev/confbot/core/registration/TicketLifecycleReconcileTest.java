package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.CAROL;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource.Snapshot;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reservations a crash or an outage left unconfirmed, and rejoined members whose roles could not be
 * restored: {@link TicketLifecycle#reconcile} checks the member's actual roles and neither leaves a
 * claim stuck reserved nor drops one the member effectively has.
 */
class TicketLifecycleReconcileTest {
  private static final Duration GRACE = Duration.ofMinutes(2);
  private static final PositionKey DLSSW_1 = new PositionKey(new OrderCode("DLSSW"), 1);
  private static final String DLSSW_NAME = "José Müller-Lüdenscheidt";

  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final TicketIndex index = new TicketIndex();
  private final CrashingClaimStore claims = new CrashingClaimStore();
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
  void loadTickets() {
    pretix.putAll(TestData.fixtureOrders());
    lifecycle.applyFull(pretix.fullSync());
  }

  /** The process dies between granting the roles and confirming the claim. */
  private void crashBeforeConfirm(MemberId member, String code, String name) {
    claims.crashOnConfirm = true;
    registration.register(member, code, name);
    claims.crashOnConfirm = false;
    audit.clear();
  }

  @Test
  void confirmsAReservationWhoseRolesWereAppliedBeforeACrash() {
    // given
    crashBeforeConfirm(BOB, "DLSSW", DLSSW_NAME);
    int grants = discord.grants().size();
    lifecycle = lifecycle(CancellationPolicy.REVOKE); // the restarted process
    clock.advance(Duration.ofMinutes(3));
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    // then: the claim is kept and confirmed; nobody else can take the ticket
    assertThat(report.confirmed()).containsExactly(DLSSW_1);
    assertThat(claims.claimOf(DLSSW_1)).map(ClaimStore.Claim::confirmed).contains(true);
    assertThat(discord.grants()).hasSize(grants);
    assertThat(discord.rolesOf(BOB)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(audit.last())
        .contains("DL…-1", BOB.mention(), "finished", "confirmation was missing")
        .doesNotContain("DLSSW");
    assertThat(registration.register(CAROL, "DLSSW", DLSSW_NAME).code())
        .isEqualTo(OutcomeCode.CLAIMED_BY_OTHER);
  }

  @Test
  void grantsTheRolesAgainWhenTheMemberDoesNotHaveThem() {
    // given: the crash came between reserving and granting
    claims.reserve(DLSSW_1, BOB, clock.instant());
    clock.advance(Duration.ofMinutes(3));
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    // then
    assertThat(report.regranted()).containsExactly(DLSSW_1);
    assertThat(discord.rolesOf(BOB)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(claims.claimsOf(BOB)).extracting(ClaimStore.Claim::position).contains(DLSSW_1);
    assertThat(audit.last()).contains("roles applied again: Attendees, On-site");
  }

  @Test
  void grantsOnlyWhatIsMissingWhenARoleWasTakenAway() {
    // given
    crashBeforeConfirm(BOB, "DLSSW", DLSSW_NAME);
    discord.takeAway(BOB, ON_SITE);
    clock.advance(Duration.ofMinutes(3));
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    // then
    assertThat(report.regranted()).containsExactly(DLSSW_1);
    assertThat(discord.rolesOf(BOB)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
  }

  @Test
  void leavesRegistrationsStillInFlightAlone() {
    // given
    claims.reserve(DLSSW_1, BOB, clock.instant());
    clock.advance(Duration.ofSeconds(30));
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    // then
    assertThat(report.quiet()).isTrue();
    assertThat(claims.claimOf(DLSSW_1)).map(ClaimStore.Claim::confirmed).contains(false);
    assertThat(discord.grants()).isEmpty();
  }

  @Test
  void releasesTheReservationOfAMemberWhoLeft() {
    // given
    crashBeforeConfirm(BOB, "DLSSW", DLSSW_NAME);
    discord.away(BOB);
    clock.advance(Duration.ofMinutes(3));
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    // then
    assertThat(report.released()).containsExactly(DLSSW_1);
    assertThat(claims.claimOf(DLSSW_1)).isEmpty();
    assertThat(audit.last()).contains("released", "left the server");
    assertThat(registration.register(CAROL, "DLSSW", DLSSW_NAME).code())
        .isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void releasesAndRevokesWhenTheTicketWasCancelledMeanwhile() {
    // given
    crashBeforeConfirm(BOB, "DLSSW", DLSSW_NAME);
    Order canceled =
        TestData.withStatus(pretix.order(DLSSW_1.order()).orElseThrow(), OrderStatus.CANCELED);
    lifecycle.applyChanges(new Snapshot(List.of(canceled), "later"));
    clock.advance(Duration.ofMinutes(3));
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    // then
    assertThat(report.released()).containsExactly(DLSSW_1);
    assertThat(claims.claimOf(DLSSW_1)).isEmpty();
    assertThat(discord.rolesOf(BOB)).isEmpty();
    assertThat(audit.last()).contains("no longer valid", "roles removed: Attendees, On-site");
  }

  @Test
  void waitsForTheIndexToKnowTheOrder() {
    // given: a reservation on an order the (restarted) index does not hold yet
    PositionKey unknown = new PositionKey(new OrderCode("NEWCO"), 1);
    claims.reserve(unknown, BOB, clock.instant());
    clock.advance(Duration.ofMinutes(3));
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    // then
    assertThat(report.waiting()).containsExactly(unknown);
    assertThat(claims.claimOf(unknown)).isPresent();
  }

  @Test
  void keepsTryingWhileDiscordFailsAndAlertsOnce() {
    // given
    crashBeforeConfirm(BOB, "DLSSW", DLSSW_NAME);
    clock.advance(Duration.ofMinutes(3));
    discord.failing(true);
    // when
    ReconcileReport first = lifecycle.reconcile(GRACE);
    ReconcileReport second = lifecycle.reconcile(GRACE);
    discord.failing(false);
    ReconcileReport third = lifecycle.reconcile(GRACE);
    // then
    assertThat(first.waiting()).containsExactly(DLSSW_1);
    assertThat(second.waiting()).containsExactly(DLSSW_1);
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("could not finish the registration of DL…-1", "keeps trying");
    assertThat(third.confirmed()).containsExactly(DLSSW_1);
    assertThat(claims.claimsOf(BOB)).hasSize(1);
  }

  @Test
  void retriesAFailedRejoinGrantAndAlertsOrganizers() {
    // given: Bob holds a ticket, leaves, and rejoins while Discord refuses role changes
    registration.register(BOB, "DLSSW", DLSSW_NAME);
    discord.leave(BOB);
    discord.failing(true);
    audit.clear();
    // when
    assertThatThrownBy(() -> lifecycle.rolesOnRejoin(BOB)).isInstanceOf(GatewayException.class);
    discord.failing(false);
    ReconcileReport report = lifecycle.reconcile(GRACE);
    ReconcileReport after = lifecycle.reconcile(GRACE);
    // then
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains(BOB.mention(), "rejoined", "restoring their roles failed", "keeps trying");
    assertThat(report.restored()).containsExactly(BOB);
    assertThat(after.restored()).isEmpty();
    assertThat(discord.rolesOf(BOB)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(audit.last()).contains("restored on a retry");
  }

  @Test
  void retriesARejoinGrantThatFailedBeforeARestart() {
    // given: Bob's roles could not be restored when he rejoined, and the bot restarts
    InMemoryPendingRestores pending = new InMemoryPendingRestores();
    TicketLifecycle before = persistent(pending);
    registration.register(BOB, "DLSSW", DLSSW_NAME);
    discord.leave(BOB);
    discord.failing(true);
    assertThatThrownBy(() -> before.rolesOnRejoin(BOB)).isInstanceOf(GatewayException.class);
    discord.failing(false);
    audit.clear();
    // when: the new process's first reconcile runs
    ReconcileReport report = persistent(pending).reconcile(GRACE);
    // then: the roles are back, without a second alert, and the retry is done
    assertThat(report.restored()).containsExactly(BOB);
    assertThat(discord.rolesOf(BOB)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(audit.alerts()).isEmpty();
    assertThat(pending.members()).isEmpty();
  }

  private TicketLifecycle persistent(InMemoryPendingRestores pending) {
    return new TicketLifecycle(
        index,
        claims,
        discord,
        TestData.roleMapping(),
        audit,
        clock,
        CancellationPolicy.REVOKE,
        Set.of(OrderStatus.PAID),
        pending);
  }

  @Test
  void dropsTheRejoinRetryOfAMemberWhoLeftAgain() {
    // given
    registration.register(BOB, "DLSSW", DLSSW_NAME);
    discord.leave(BOB);
    discord.failing(true);
    assertThatThrownBy(() -> lifecycle.rolesOnRejoin(BOB)).isInstanceOf(GatewayException.class);
    discord.failing(false);
    discord.away(BOB);
    int grants = discord.grants().size();
    // when
    ReconcileReport report = lifecycle.reconcile(GRACE);
    discord.rejoin(BOB);
    ReconcileReport later = lifecycle.reconcile(GRACE);
    // then
    assertThat(report.restored()).isEmpty();
    assertThat(later.restored()).isEmpty();
    assertThat(discord.grants()).hasSize(grants);
  }

  /** An in-memory claim store whose confirm can simulate the process dying right before it. */
  private static final class CrashingClaimStore implements ClaimStore {
    private final InMemoryClaimStore delegate = new InMemoryClaimStore();
    volatile boolean crashOnConfirm;

    @Override
    public Reservation reserve(PositionKey position, MemberId member, Instant now) {
      return delegate.reserve(position, member, now);
    }

    @Override
    public boolean confirm(PositionKey position, MemberId member, Instant now) {
      if (crashOnConfirm) {
        throw new IllegalStateException("process killed");
      }
      return delegate.confirm(position, member, now);
    }

    @Override
    public Optional<Claim> release(PositionKey position) {
      return delegate.release(position);
    }

    @Override
    public Optional<Claim> claimOf(PositionKey position) {
      return delegate.claimOf(position);
    }

    @Override
    public List<Claim> claimsOf(MemberId member) {
      return delegate.claimsOf(member);
    }

    @Override
    public List<Claim> all() {
      return delegate.all();
    }
  }
}
