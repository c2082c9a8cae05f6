package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore.Claim;
import dev.confbot.core.port.ClaimStore.Reservation;
import java.nio.file.Path;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteClaimStoreTest {
  private static final PositionKey TICKET = new PositionKey(new OrderCode("XJ7QA"), 1);
  private static final MemberId ADA = new MemberId(1_000_000_000_000_001L);
  private static final MemberId BOB = new MemberId(1_000_000_000_000_002L);
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @SuppressWarnings("NullAway.Init")
  private SqliteClaimStore store;

  @BeforeEach
  void setUp() {
    store = new SqliteClaimStore(databases.open());
  }

  @Test
  void reservesAFreePositionOnceAndRefusesAnotherMember() {
    // when
    Reservation first = store.reserve(TICKET, ADA, T0);
    Reservation again = store.reserve(TICKET, ADA, T0.plusSeconds(1));
    Reservation other = store.reserve(TICKET, BOB, T0.plusSeconds(2));
    // then
    assertThat(first).isEqualTo(Reservation.RESERVED);
    assertThat(again).isEqualTo(Reservation.ALREADY_HELD);
    assertThat(other).isEqualTo(Reservation.HELD_BY_OTHER);
    assertThat(store.claimOf(TICKET)).contains(new Claim(TICKET, ADA, T0, false));
  }

  @Test
  void confirmedClaimsAreListedPerMember() {
    // given
    PositionKey second = new PositionKey(new OrderCode("XJ7QA"), 2);
    store.reserve(TICKET, ADA, T0);
    store.reserve(second, ADA, T0);
    // when
    store.confirm(TICKET, ADA, T0.plusSeconds(3));
    store.confirm(TICKET, ADA, T0.plusSeconds(9));
    // then
    assertThat(store.claimsOf(ADA))
        .containsExactly(new Claim(TICKET, ADA, T0.plusSeconds(3), true));
    assertThat(store.claimsOf(BOB)).isEmpty();
    assertThat(store.all())
        .containsExactly(
            new Claim(TICKET, ADA, T0.plusSeconds(3), true), new Claim(second, ADA, T0, false));
  }

  @Test
  void leavesTheClaimAloneWhenAMemberWhoDoesNotHoldThePositionConfirms() {
    // given
    store.reserve(TICKET, ADA, T0);
    // when
    store.confirm(TICKET, BOB, T0.plusSeconds(1));
    // then
    assertThat(store.claimOf(TICKET)).contains(new Claim(TICKET, ADA, T0, false));
  }

  @Test
  void doesNotResurrectAReservationReleasedBeforeItWasConfirmed() {
    // given
    store.reserve(TICKET, ADA, T0);
    store.release(TICKET);
    // when
    boolean confirmed = store.confirm(TICKET, ADA, T0.plusSeconds(61));
    // then
    assertThat(confirmed).isFalse();
    assertThat(store.claimOf(TICKET)).isEmpty();
  }

  @Test
  void releaseFreesThePositionForSomebodyElse() {
    // given
    store.reserve(TICKET, ADA, T0);
    store.confirm(TICKET, ADA, T0);
    // when
    var released = store.release(TICKET);
    var nothing = store.release(TICKET);
    // then
    assertThat(released).contains(new Claim(TICKET, ADA, T0, true));
    assertThat(nothing).isEmpty();
    assertThat(store.reserve(TICKET, BOB, T0)).isEqualTo(Reservation.RESERVED);
  }

  @Test
  void storesTimestampsAsIsoUtcText() {
    // given
    SqliteDatabase database = databases.open();
    new SqliteClaimStore(database).reserve(TICKET, ADA, T0);
    // when
    String stored =
        database
            .read(
                c ->
                    Sql.queryFirst(
                        c,
                        "SELECT reserved_at FROM claims",
                        Sql.NO_PARAMETERS,
                        rows -> rows.getString(1)))
            .orElseThrow();
    // then
    assertThat(stored).isEqualTo("2026-05-01T10:00:00.000000000Z");
  }

  @Test
  void exactlyOneOfManyThreadsReservesAPosition() throws Exception {
    // given
    int threads = 16;
    List<Callable<Reservation>> attempts = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < threads; i++) {
      MemberId member = new MemberId(2_000 + i);
      attempts.add(
          () -> {
            start.await();
            return store.reserve(TICKET, member, T0);
          });
    }
    // when
    List<Reservation> outcomes = race(attempts, start);
    // then
    assertThat(outcomes).filteredOn(r -> r == Reservation.RESERVED).hasSize(1);
    assertThat(outcomes).filteredOn(r -> r == Reservation.HELD_BY_OTHER).hasSize(threads - 1);
  }

  @Test
  void exactlyOneOfTwoConnectionsReservesEachPosition() throws Exception {
    // given: two databases on one file, as two bot processes would have
    SqliteClaimStore first = new SqliteClaimStore(databases.open());
    SqliteClaimStore second = new SqliteClaimStore(databases.open());
    int positions = 100;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Reservation>> attempts = new ArrayList<>();
    for (int p = 1; p <= positions; p++) {
      PositionKey key = new PositionKey(new OrderCode("RACE1"), p);
      attempts.add(
          () -> {
            start.await();
            return first.reserve(key, ADA, T0);
          });
      attempts.add(
          () -> {
            start.await();
            return second.reserve(key, BOB, T0);
          });
    }
    // when
    List<Reservation> outcomes = race(attempts, start);
    // then
    assertThat(outcomes).filteredOn(r -> r == Reservation.RESERVED).hasSize(positions);
    assertThat(outcomes).filteredOn(r -> r == Reservation.HELD_BY_OTHER).hasSize(positions);
    assertThat(store.all()).hasSize(positions);
  }

  @Test
  void claimsSurviveARestart() {
    // given
    SqliteDatabase database = databases.open();
    SqliteClaimStore before = new SqliteClaimStore(database);
    before.reserve(TICKET, ADA, T0);
    before.confirm(TICKET, ADA, T0);
    database.close();
    // when
    SqliteClaimStore after = new SqliteClaimStore(databases.open());
    // then
    assertThat(after.claimOf(TICKET)).contains(new Claim(TICKET, ADA, T0, true));
    assertThat(after.reserve(TICKET, BOB, T0)).isEqualTo(Reservation.HELD_BY_OTHER);
  }

  private static List<Reservation> race(List<Callable<Reservation>> attempts, CountDownLatch start)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Reservation>> futures = new ArrayList<>();
      for (Callable<Reservation> attempt : attempts) {
        futures.add(pool.submit(attempt));
      }
      start.countDown();
      List<Reservation> outcomes = new ArrayList<>();
      for (Future<Reservation> future : futures) {
        outcomes.add(future.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
