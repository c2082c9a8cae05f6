package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.BUSINESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.port.TicketSource.Snapshot;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ticket sync between pretix, the index and the store: full first, incremental afterwards,
 * every good result saved so that a restart starts from it, every failure counted by the watch.
 */
class TicketSyncServiceTest {
  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final CountingSource source = new CountingSource(pretix);
  private final TicketIndex index = new TicketIndex();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final InMemoryTicketIndexStore store = new InMemoryTicketIndexStore();
  private final TicketSyncWatch watch =
      new TicketSyncWatch(audit, clock, 3, Duration.ofMinutes(10));
  private final TicketSyncService sync =
      new TicketSyncService(
          index,
          new TicketLifecycle(
              index,
              new InMemoryClaimStore(),
              new RecordingRoleGateway(),
              TestData.roleMapping(),
              audit,
              clock,
              CancellationPolicy.REVOKE),
          source,
          store,
          watch);

  @Test
  void syncsFullyFirstThenIncrementallyAndSavesEveryResult() {
    // given
    pretix.putAll(TestData.fixtureOrders());
    // when
    sync.sync();
    pretix.put(TestData.paid("NEWW7", "Fresh Buyer", BUSINESS));
    sync.sync();
    // then
    assertThat(source.calls).containsExactly("full", "changes");
    assertThat(index.find(new OrderCode("NEWW7"))).isPresent();
    assertThat(store.saves()).isEqualTo(2);
    Snapshot last = store.load().orElseThrow();
    assertThat(last.orders()).extracting(o -> o.code().value()).contains("NEWW7", "TYJEL");
    assertThat(last.cursor()).isEqualTo(index.cursor().orElseThrow());
    assertThat(watch.lastSuccess()).contains(clock.instant());
  }

  @Test
  void syncsFullyAgainInANewProcessEvenWithTheCursorOfTheSavedSnapshot() {
    // given: the index was loaded from the store (it has a cursor), nothing synced yet here
    pretix.putAll(TestData.fixtureOrders());
    index.replaceAll(pretix.fullSync());
    // when
    sync.sync();
    // then: a full sync, since orders may have been cancelled while the bot was down
    assertThat(source.calls).containsExactly("full");
  }

  @Test
  void countsAFailureKeepsTheSavedSnapshotAndNeverThrowsFromTheTimer() {
    // given
    pretix.putAll(TestData.fixtureOrders());
    sync.sync();
    pretix.failing(true);
    // when
    sync.sync();
    // then
    assertThat(watch.failures()).isEqualTo(1);
    assertThat(store.saves()).isEqualTo(1);
    assertThat(index.find(new OrderCode("TYJEL"))).isPresent();
  }

  @Test
  void aForcedFullSyncReportsTheFailureToTheOrganizerAndTheWatch() {
    // given
    pretix.failing(true);
    // when / then
    assertThatThrownBy(sync::full).isInstanceOf(GatewayException.class);
    assertThat(watch.failures()).isEqualTo(1);
    assertThat(store.saves()).isZero();
  }

  @Test
  void aSourceThatBreaksItsContractIsCountedAsAFailureToo() {
    // given
    source.broken = true;
    // when
    sync.sync();
    // then
    assertThat(watch.failures()).isEqualTo(1);
    assertThat(watch.problem()).isEmpty();
  }

  @Test
  void loadsTheSavedSnapshotBeforePretixAnswers() {
    // given: a previous run saved the index
    pretix.putAll(TestData.fixtureOrders());
    store.save(pretix.fullSync());
    pretix.failing(true);
    // when
    boolean loaded = sync.loadSaved();
    // then
    assertThat(loaded).isTrue();
    assertThat(index.find(new OrderCode("TYJEL"))).isPresent();
    assertThat(source.calls).isEmpty();
    assertThat(watch.lastSuccess()).isEmpty();
  }

  @Test
  void loadsNothingWhenNothingWasSaved() {
    // when
    boolean loaded = sync.loadSaved();
    // then
    assertThat(loaded).isFalse();
    assertThat(index.size()).isZero();
  }

  /** Records which kind of sync was asked for. */
  private static final class CountingSource implements TicketSource {
    private final TicketSource delegate;
    final List<String> calls = new ArrayList<>();
    boolean broken;

    CountingSource(TicketSource delegate) {
      this.delegate = delegate;
    }

    @Override
    public Optional<dev.confbot.core.model.Order> order(OrderCode code) {
      return delegate.order(code);
    }

    @Override
    public Snapshot fullSync() {
      calls.add("full");
      if (broken) {
        throw new IllegalStateException("broken");
      }
      return delegate.fullSync();
    }

    @Override
    public Snapshot changedSince(String cursor) {
      calls.add("changes");
      return delegate.changedSince(cursor);
    }
  }
}
