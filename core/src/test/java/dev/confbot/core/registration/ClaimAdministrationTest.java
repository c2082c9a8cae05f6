package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.CAROL;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static dev.confbot.core.testing.TestData.TUTORIALS;
import static dev.confbot.core.testing.TestData.TUTORIAL_DAY;
import static dev.confbot.core.testing.TestData.T_SHIRT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestData;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClaimAdministrationTest {
  private static final Instant NOW = Instant.parse("2026-05-20T08:00:00Z");
  private static final MemberId ORGANIZER = new MemberId(1120000000000000099L);
  private static final OrderCode GROUP = new OrderCode("GRP12");
  private static final PositionKey GROUP_1 = new PositionKey(GROUP, 1);
  private static final PositionKey GROUP_2 = new PositionKey(GROUP, 2);
  private static final PositionKey TUTORIAL = new PositionKey(new OrderCode("TUT34"), 1);
  private static final PositionKey SOLO = new PositionKey(new OrderCode("SOL56"), 1);
  private static final PositionKey UNINDEXED = new PositionKey(new OrderCode("GONE7"), 1);

  private final TicketIndex index = new TicketIndex();
  private final InMemoryClaimStore store = new InMemoryClaimStore();
  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private ClaimStore claims = store;

  @BeforeEach
  void orders() {
    index.put(TestData.group("GRP12", BUSINESS, "Ada Lovelace", "Alan Turing"));
    index.put(TestData.paid("TUT34", "Ada Lovelace", TUTORIAL_DAY));
    index.put(TestData.paid("SOL56", "Grace Hopper", BUSINESS));
  }

  private ClaimAdministration admin() {
    return new ClaimAdministration(claims, index, TestData.roleMapping(), discord, audit);
  }

  private void held(PositionKey position, MemberId member) {
    store.reserve(position, member, NOW);
    store.confirm(position, member, NOW);
  }

  @Test
  void looksUpEveryPositionOfAnOrderWithItsHolder() {
    // given
    held(GROUP_2, ALICE);

    // when
    LookupResult result = admin().lookup(new ClaimTarget.OfOrder(GROUP, 0));

    // then
    assertThat(result).isInstanceOf(LookupResult.OrderFound.class);
    LookupResult.OrderFound found = (LookupResult.OrderFound) result;
    assertThat(found.order().code()).isEqualTo(GROUP);
    assertThat(found.positions())
        .extracting(p -> p.position().key())
        .containsExactly(GROUP_1, GROUP_2);
    assertThat(found.positions().get(0).claim()).isNull();
    assertThat(found.positions().get(1).claim())
        .isEqualTo(new ClaimStore.Claim(GROUP_2, ALICE, NOW, true));
  }

  @Test
  void looksUpOnePositionOrNoneWhenTheOrderLacksIt() {
    // when
    LookupResult one = admin().lookup(new ClaimTarget.OfOrder(GROUP, 2));
    LookupResult missing = admin().lookup(new ClaimTarget.OfOrder(GROUP, 7));

    // then
    assertThat(((LookupResult.OrderFound) one).positions())
        .extracting(p -> p.position().key())
        .containsExactly(GROUP_2);
    assertThat(((LookupResult.OrderFound) missing).positions()).isEmpty();
    assertThat(((LookupResult.OrderFound) missing).position()).isEqualTo(7);
  }

  @Test
  void reportsAnOrderMissingFromTheIndexWithTheClaimsStillOnIt() {
    // given
    held(UNINDEXED, BOB);

    // when
    LookupResult result = admin().lookup(new ClaimTarget.OfOrder(UNINDEXED.order(), 0));

    // then
    assertThat(result)
        .isEqualTo(
            new LookupResult.OrderNotIndexed(
                UNINDEXED.order(), List.of(new ClaimStore.Claim(UNINDEXED, BOB, NOW, true))));
  }

  @Test
  void looksUpAMembersClaimsSortedWithTheirPositionsWhereIndexed() {
    // given
    held(TUTORIAL, ALICE);
    held(UNINDEXED, ALICE);
    store.reserve(GROUP_1, ALICE, NOW);

    // when
    LookupResult result = admin().lookup(new ClaimTarget.OfMember(ALICE));

    // then
    LookupResult.MemberClaims member = (LookupResult.MemberClaims) result;
    assertThat(member.member()).isEqualTo(ALICE);
    assertThat(member.tickets())
        .extracting(t -> t.claim().position())
        .containsExactly(UNINDEXED, GROUP_1, TUTORIAL);
    assertThat(member.tickets().get(0).position()).isNull();
    assertThat(member.tickets().get(1).claim().confirmed()).isFalse();
    assertThat(member.tickets().get(1).position()).isNotNull();
    assertThat(member.tickets().get(2).position())
        .isEqualTo(index.find(TUTORIAL.order()).orElseThrow().order().positions().get(0));
  }

  @Test
  void previewsNothingForATargetWithoutClaims() {
    assertThat(admin().previewRelease(new ClaimTarget.OfMember(CAROL)))
        .isEqualTo(new ReleasePreview.NothingHeld());
    assertThat(admin().previewRelease(new ClaimTarget.OfOrder(GROUP, 1)))
        .isEqualTo(new ReleasePreview.NothingHeld());
  }

  @Test
  void previewLeavesOutRolesAnotherConfirmedClaimStillGives() {
    // given: Alice's business ticket and her tutorial day; Bob's business ticket in the group
    held(GROUP_1, ALICE);
    held(SOLO, ALICE);
    held(TUTORIAL, ALICE);

    // when
    ReleasePreview preview = admin().previewRelease(new ClaimTarget.OfOrder(GROUP, 1));

    // then: SOL56 still gives Attendees and On-site
    ReleasePreview.WouldRelease would = (ReleasePreview.WouldRelease) preview;
    assertThat(would.tickets()).extracting(t -> t.claim().position()).containsExactly(GROUP_1);
    assertThat(would.rolesLost()).isEmpty();
    assertThat(discord.revokes()).isEmpty();
    assertThat(store.claimOf(GROUP_1)).isPresent();
  }

  @Test
  void previewOfAMemberNamesEveryRoleTheirTicketsGive() {
    // given
    held(SOLO, ALICE);
    held(TUTORIAL, ALICE);

    // when
    ReleasePreview preview = admin().previewRelease(new ClaimTarget.OfMember(ALICE));

    // then
    assertThat(((ReleasePreview.WouldRelease) preview).rolesLost())
        .containsExactlyInAnyOrder(ATTENDEES, ON_SITE, TUTORIALS);
  }

  @Test
  void releasesAnOrderAuditsEachPositionAndRemovesTheRolesPerHolder() {
    // given: Alice keeps her tutorial day, Bob has nothing else
    held(GROUP_1, ALICE);
    held(TUTORIAL, ALICE);
    held(GROUP_2, BOB);

    // when
    ReleaseResult result = admin().release(new ClaimTarget.OfOrder(GROUP, 0), ORGANIZER);

    // then
    assertThat(result)
        .isEqualTo(
            new ReleaseResult.Released(
                List.of(GROUP_1, GROUP_2),
                List.of(
                    new ReleaseResult.Removed(ALICE, Set.of(ATTENDEES, ON_SITE)),
                    new ReleaseResult.Removed(BOB, Set.of(ATTENDEES, ON_SITE)))));
    assertThat(store.all()).extracting(ClaimStore.Claim::position).containsExactly(TUTORIAL);
    assertThat(discord.revokes())
        .containsExactly(
            new RecordingRoleGateway.Revoke(ALICE, Set.of(ATTENDEES, ON_SITE)),
            new RecordingRoleGateway.Revoke(BOB, Set.of(ATTENDEES, ON_SITE)));
    assertThat(audit.texts())
        .containsExactly(
            "Ticket GR…-1 of " + ALICE.mention() + " released by organizer " + ORGANIZER.mention(),
            "Ticket GR…-2 of " + BOB.mention() + " released by organizer " + ORGANIZER.mention());
  }

  @Test
  void releaseRemovesNoRolesAnotherTicketStillGives() {
    // given
    held(GROUP_1, ALICE);
    held(SOLO, ALICE);

    // when
    ReleaseResult result = admin().release(new ClaimTarget.OfOrder(GROUP, 1), ORGANIZER);

    // then
    assertThat(result)
        .isEqualTo(
            new ReleaseResult.Released(
                List.of(GROUP_1), List.of(new ReleaseResult.NoneLost(ALICE))));
    assertThat(discord.revokes()).isEmpty();
  }

  @Test
  void reportsRolesThatCouldNotBeRemovedAndStillReleases() {
    // given
    held(TUTORIAL, ALICE);
    discord.failing(true);

    // when
    ReleaseResult result = admin().release(new ClaimTarget.OfMember(ALICE), ORGANIZER);

    // then
    ReleaseResult.Released released = (ReleaseResult.Released) result;
    assertThat(released.positions()).containsExactly(TUTORIAL);
    assertThat(released.holders()).hasSize(1);
    ReleaseResult.NotRemoved kept = (ReleaseResult.NotRemoved) released.holders().get(0);
    assertThat(kept.member()).isEqualTo(ALICE);
    assertThat(kept.roles()).containsExactly(TUTORIALS);
    assertThat(kept.reason()).contains("simulated outage");
    assertThat(store.all()).isEmpty();
  }

  @Test
  void skipsAClaimReleasedInBetweenAndLeavesThatHoldersRolesAlone() {
    // given: Bob's claim is released by somebody else between listing and releasing
    held(GROUP_1, ALICE);
    held(GROUP_2, BOB);
    claims = new ReleasedInBetween(store, GROUP_2);

    // when
    ReleaseResult result = admin().release(new ClaimTarget.OfOrder(GROUP, 0), ORGANIZER);

    // then
    assertThat(result)
        .isEqualTo(
            new ReleaseResult.Released(
                List.of(GROUP_1),
                List.of(new ReleaseResult.Removed(ALICE, Set.of(ATTENDEES, ON_SITE)))));
    assertThat(audit.texts()).hasSize(1);
  }

  @Test
  void releasesNothingForATargetWithoutClaims() {
    assertThat(admin().release(new ClaimTarget.OfMember(CAROL), ORGANIZER))
        .isEqualTo(new ReleaseResult.NothingHeld());
    assertThat(audit.texts()).isEmpty();
    assertThat(discord.revokes()).isEmpty();
  }

  @Test
  void countsSoldAdmissionPositionsOnlyOfPaidRealOrdersThatGiveRoles() {
    // given: besides the 4 paid positions, a pending order, a test order, a cancelled position
    // and a T-shirt that gives no role
    index.put(
        TestData.order("PEN78", OrderStatus.PENDING, TestData.position("PEN78", 1, "P", BUSINESS)));
    index.put(TestData.testMode("TST90", "T", BUSINESS));
    index.put(
        TestData.order(
            "CAN12",
            OrderStatus.PAID,
            TestData.position("CAN12", 1, "Kept", BUSINESS),
            TestData.canceledPosition("CAN12", 2, "Gone", BUSINESS)));
    index.put(TestData.paid("TSH34", "Shirt", T_SHIRT));

    // when / then: GRP12-1, GRP12-2, TUT34-1, SOL56-1 and CAN12-1
    assertThat(admin().ticketsSold()).isEqualTo(5);
  }

  @Test
  void rejectsANegativePosition() {
    assertThatThrownBy(() -> new ClaimTarget.OfOrder(GROUP, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A store whose {@code release} of one position finds it already freed by somebody else. */
  private static final class ReleasedInBetween implements ClaimStore {
    private final ClaimStore delegate;
    private final PositionKey gone;

    ReleasedInBetween(ClaimStore delegate, PositionKey gone) {
      this.delegate = delegate;
      this.gone = gone;
    }

    @Override
    public Reservation reserve(PositionKey position, MemberId member, Instant now) {
      return delegate.reserve(position, member, now);
    }

    @Override
    public boolean confirm(PositionKey position, MemberId member, Instant now) {
      return delegate.confirm(position, member, now);
    }

    @Override
    public Optional<Claim> release(PositionKey position) {
      if (position.equals(gone)) {
        delegate.release(position);
        return Optional.empty();
      }
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
