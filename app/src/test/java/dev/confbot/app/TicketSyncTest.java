package dev.confbot.app;

import static dev.confbot.core.testing.TestData.BUSINESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.port.TicketSource.Snapshot;
import dev.confbot.core.registration.CancellationPolicy;
import dev.confbot.core.registration.InMemoryClaimStore;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import dev.confbot.core.registration.TicketSyncWatch;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The ticket sync between pretix, the index and the store: full first, incremental afterwards,
 * every good result saved so that a restart starts from it, every failure counted by the watch.
 */
class TicketSyncTest {
  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final CountingSource source = new CountingSource(pretix);
  private final TicketIndex index = new TicketIndex();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final MemoryStore store = new MemoryStore();
  private final TicketSyncWatch watch =
      new TicketSyncWatch(audit, clock, 3, Duration.ofMinutes(10));
  private final TicketSync sync =
      new TicketSync(
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
    assertThat(store.saved).hasSize(2);
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
    assertThat(store.saved).hasSize(1);
    assertThat(index.find(new OrderCode("TYJEL"))).isPresent();
  }

  @Test
  void aForcedFullSyncReportsTheFailureToTheOrganizerAndTheWatch() {
    // given
    pretix.failing(true);
    // when / then
    assertThatThrownBy(sync::full).isInstanceOf(GatewayException.class);
    assertThat(watch.failures()).isEqualTo(1);
    assertThat(store.saved).isEmpty();
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

  private static final class MemoryStore implements TicketIndexStore {
    final List<Snapshot> saved = new ArrayList<>();
    private @Nullable Snapshot last;

    @Override
    public Optional<Snapshot> load() {
      return Optional.ofNullable(last);
    }

    @Override
    public void save(Snapshot snapshot) {
      saved.add(snapshot);
      last = snapshot;
    }
  }
}
