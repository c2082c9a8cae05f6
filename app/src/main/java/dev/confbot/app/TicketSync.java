package dev.confbot.app;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.SyncReport;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ticket index current: the timer's incremental sync and the organizers' forced full
 * sync, each saved to the store so that a restart is ready before pretix answers.
 */
@Singleton
final class TicketSync {
  private static final Logger log = LoggerFactory.getLogger(TicketSync.class);

  private final TicketIndex index;
  private final TicketLifecycle lifecycle;
  private final TicketSource source;
  private final TicketIndexStore store;
  private final Clock clock;
  private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

  @Inject
  TicketSync(
      TicketIndex index,
      TicketLifecycle lifecycle,
      TicketSource source,
      TicketIndexStore store,
      Clock clock) {
    this.index = index;
    this.lifecycle = lifecycle;
    this.source = source;
    this.store = store;
    this.clock = clock;
  }

  /** The timer's run: full the first time in this process, incremental afterwards. Never throws. */
  void sync() {
    try {
      Optional<String> cursor = index.cursor();
      if (cursor.isPresent() && lastSuccess.get() != null) {
        report(lifecycle.applyChanges(source.changedSince(cursor.get())));
      } else {
        report(lifecycle.applyFull(source.fullSync()));
      }
    } catch (GatewayException e) {
      log.warn("pretix sync failed, retrying at the next interval: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("pretix sync failed unexpectedly", e);
    }
  }

  /** A full sync now (organizers' {@code /registration resync}); throws when pretix fails. */
  void full() {
    report(lifecycle.applyFull(source.fullSync()));
  }

  private void report(SyncReport report) {
    store.save(index.snapshot());
    lastSuccess.set(clock.instant());
    log.info(
        "pretix sync: {} orders seen, {} in the index, {} claimed tickets cancelled",
        report.orders(),
        index.size(),
        report.canceledClaims().size());
  }

  Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess.get());
  }
}
