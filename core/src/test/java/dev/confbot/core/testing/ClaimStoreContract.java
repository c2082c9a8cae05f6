package dev.confbot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.ClaimStore.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ClaimStore} must have. Extend it and implement {@link #newStore()} (a
 * fresh, empty store per test); the in-memory store and the SQLite store both run it.
 */
public abstract class ClaimStoreContract {
  protected static final Instant T0 = Instant.parse("2026-07-13T09:00:00Z");
  protected static final PositionKey TICKET = new PositionKey(new OrderCode("XJ7Q2"), 1);
  protected static final PositionKey OTHER_TICKET = new PositionKey(new OrderCode("XJ7Q2"), 2);
  protected static final MemberId ALICE = new MemberId(1001);
  protected static final MemberId BOB = new MemberId(1002);

  private ClaimStore store;

  /** A fresh, empty store. */
  protected abstract ClaimStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  @Test
  void reservesAFreePosition() {
    // when
    Reservation reservation = store.reserve(TICKET, ALICE, T0);
    // then
    assertThat(reservation).isEqualTo(Reservation.RESERVED);
    assertThat(store.claimOf(TICKET)).contains(new ClaimStore.Claim(TICKET, ALICE, T0, false));
  }

  @Test
  void reportsPositionAlreadyHeldBySameMember() {
    // given
    store.reserve(TICKET, ALICE, T0);
    store.confirm(TICKET, ALICE, T0);
    // when
    Reservation again = store.reserve(TICKET, ALICE, T0.plusSeconds(60));
    // then
    assertThat(again).isEqualTo(Reservation.ALREADY_HELD);
    assertThat(store.claimOf(TICKET).orElseThrow().member()).isEqualTo(ALICE);
  }

  @Test
  void refusesPositionHeldByAnotherMember() {
    // given
    store.reserve(TICKET, ALICE, T0);
    // when
    Reservation other = store.reserve(TICKET, BOB, T0.plusSeconds(1));
    // then
    assertThat(other).isEqualTo(Reservation.HELD_BY_OTHER);
    assertThat(store.claimOf(TICKET).orElseThrow().member()).isEqualTo(ALICE);
  }

  @Test
  void listsOnlyConfirmedClaimsOfAMember() {
    // given
    store.reserve(TICKET, ALICE, T0);
    store.reserve(OTHER_TICKET, ALICE, T0);
    // when
    store.confirm(TICKET, ALICE, T0.plusSeconds(2));
    // then
    assertThat(store.claimsOf(ALICE))
        .extracting(ClaimStore.Claim::position, ClaimStore.Claim::confirmed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TICKET, true));
    assertThat(store.claimsOf(BOB)).isEmpty();
    assertThat(store.all()).hasSize(2);
  }

  @Test
  void ignoresConfirmationByAnotherMember() {
    // given
    store.reserve(TICKET, ALICE, T0);
    // when
    store.confirm(TICKET, BOB, T0);
    // then
    assertThat(store.claimOf(TICKET).orElseThrow().confirmed()).isFalse();
    assertThat(store.claimsOf(BOB)).isEmpty();
  }

  @Test
  void confirmReportsWhetherTheMemberNowHoldsAConfirmedClaim() {
    // given
    store.reserve(TICKET, ALICE, T0);
    // when
    boolean byOther = store.confirm(TICKET, BOB, T0.plusSeconds(1));
    boolean byHolder = store.confirm(TICKET, ALICE, T0.plusSeconds(2));
    boolean again = store.confirm(TICKET, ALICE, T0.plusSeconds(3));
    // then
    assertThat(byOther).isFalse();
    assertThat(byHolder).isTrue();
    assertThat(again).isTrue();
    assertThat(store.claimOf(TICKET))
        .contains(new ClaimStore.Claim(TICKET, ALICE, T0.plusSeconds(2), true));
  }

  @Test
  void confirmDoesNotResurrectAReservationReleasedInBetween() {
    // given: reserved, then released (an organizer, a cancellation or the reconcile) before the
    // registration got to confirm it
    store.reserve(TICKET, ALICE, T0);
    store.release(TICKET);
    // when
    boolean confirmed = store.confirm(TICKET, ALICE, T0.plusSeconds(5));
    // then: the release wins and the position is free for whoever has the ticket
    assertThat(confirmed).isFalse();
    assertThat(store.claimOf(TICKET)).isEmpty();
    assertThat(store.claimsOf(ALICE)).isEmpty();
    assertThat(store.reserve(TICKET, BOB, T0.plusSeconds(6))).isEqualTo(Reservation.RESERVED);
  }

  @Test
  void confirmLeavesAPositionTakenByAnotherMemberAfterARelease() {
    // given
    store.reserve(TICKET, ALICE, T0);
    store.release(TICKET);
    store.reserve(TICKET, BOB, T0.plusSeconds(1));
    // when
    boolean confirmed = store.confirm(TICKET, ALICE, T0.plusSeconds(2));
    // then
    assertThat(confirmed).isFalse();
    assertThat(store.claimOf(TICKET))
        .contains(new ClaimStore.Claim(TICKET, BOB, T0.plusSeconds(1), false));
  }

  @Test
  void releaseFreesThePositionAndReturnsTheClaim() {
    // given
    store.reserve(TICKET, ALICE, T0);
    store.confirm(TICKET, ALICE, T0);
    // when
    var released = store.release(TICKET);
    // then
    assertThat(released).map(ClaimStore.Claim::member).contains(ALICE);
    assertThat(store.claimOf(TICKET)).isEmpty();
    assertThat(store.reserve(TICKET, BOB, T0)).isEqualTo(Reservation.RESERVED);
  }

  @Test
  void releasingAFreePositionReturnsNothing() {
    assertThat(store.release(TICKET)).isEmpty();
  }

  @Test
  void exactlyOneOfManyConcurrentReservationsWins() throws Exception {
    // given
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Reservation>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        MemberId member = new MemberId(2000 + i);
        Callable<Reservation> task =
            () -> {
              start.await();
              return store.reserve(TICKET, member, T0);
            };
        results.add(pool.submit(task));
      }
      // when
      start.countDown();
      List<Reservation> outcomes = new ArrayList<>();
      for (Future<Reservation> f : results) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      // then
      assertThat(outcomes).filteredOn(r -> r == Reservation.RESERVED).hasSize(1);
      assertThat(outcomes).filteredOn(r -> r == Reservation.HELD_BY_OTHER).hasSize(threads - 1);
    } finally {
      pool.shutdownNow();
    }
  }
}
