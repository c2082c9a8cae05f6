package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.BUSINESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.TicketSource.Snapshot;
import dev.confbot.core.testing.TestData;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TicketIndexTest {
  private static final OrderCode TYJEL = new OrderCode("TYJEL");
  private final TicketIndex index = new TicketIndex();

  @Test
  void findsOrdersOfAFullSnapshotWithCanonicalNames() {
    // when
    index.replaceAll(new Snapshot(TestData.fixtureOrders(), "c1"));
    // then
    IndexedOrder order = index.find(TYJEL).orElseThrow();
    assertThat(order.names().get(0).tokens()).containsExactly("paula", "larsen");
    assertThat(order.position(0).attendeeName()).isEqualTo("Paula Larsen");
    assertThat(index.size()).isEqualTo(TestData.fixtureOrders().size());
    assertThat(index.cursor()).contains("c1");
  }

  @Test
  void aFullSnapshotDropsOrdersItNoLongerHolds() {
    // given
    index.replaceAll(new Snapshot(TestData.fixtureOrders(), "c1"));
    // when
    index.replaceAll(new Snapshot(List.of(TestData.paid("ABCDE", "New Person", BUSINESS)), "c2"));
    // then
    assertThat(index.find(TYJEL)).isEmpty();
    assertThat(index.find(new OrderCode("ABCDE"))).isPresent();
  }

  @Test
  void anIncrementalSnapshotReplacesChangedOrdersAndKeepsTheRest() {
    // given
    index.replaceAll(new Snapshot(TestData.fixtureOrders(), "c1"));
    var canceled =
        TestData.withStatus(TestData.paid("TYJEL", "Paula Larsen", BUSINESS), OrderStatus.CANCELED);
    // when
    index.applyChanges(new Snapshot(List.of(canceled), "c2"));
    // then
    assertThat(index.find(TYJEL).orElseThrow().order().status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(index.find(new OrderCode("DLSSW"))).isPresent();
    assertThat(index.cursor()).contains("c2");
  }

  @Test
  void findsThePositionAKeyNamesWhileItsOrderHasIt() {
    // given
    index.replaceAll(new Snapshot(List.of(TestData.paid("ABCDE", "New Person", BUSINESS)), "c1"));
    PositionKey first = index.find(new OrderCode("ABCDE")).orElseThrow().position(0).key();
    // then
    assertThat(index.position(first).orElseThrow().attendeeName()).isEqualTo("New Person");
    assertThat(index.position(new PositionKey(first.order(), first.position() + 1))).isEmpty();
    assertThat(index.position(new PositionKey(TYJEL, first.position()))).isEmpty();
  }

  @Test
  void startsEmptyWithoutCursor() {
    assertThat(index.find(TYJEL)).isEmpty();
    assertThat(index.cursor()).isEmpty();
    assertThat(index.snapshot().orders()).isEmpty();
  }

  @Test
  void snapshotsWhatItHoldsForPersisting() {
    // given
    index.replaceAll(new Snapshot(TestData.fixtureOrders(), "c1"));
    index.put(TestData.paid("ABCDE", "New Person", BUSINESS));
    // when
    Snapshot saved = index.snapshot();
    // then
    assertThat(saved.cursor()).isEqualTo("c1");
    assertThat(saved.orders()).hasSize(TestData.fixtureOrders().size() + 1);
  }

  @Test
  void answersLookupsWhileSnapshotsAreApplied() throws Exception {
    // given
    index.replaceAll(new Snapshot(TestData.fixtureOrders(), "c0"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> reader =
          pool.submit(
              () -> {
                int misses = 0;
                for (int i = 0; i < 20_000; i++) {
                  if (index.find(TYJEL).isEmpty()) {
                    misses++;
                  }
                }
                return misses;
              });
      // when
      for (int i = 1; i <= 50; i++) {
        index.replaceAll(new Snapshot(TestData.fixtureOrders(), "c" + i));
        index.applyChanges(
            new Snapshot(List.of(TestData.paid("TYJEL", "Paula Larsen", BUSINESS)), "d" + i));
      }
      // then
      assertThat(reader.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(index.cursor()).contains("d50");
    } finally {
      pool.shutdownNow();
    }
  }
}
