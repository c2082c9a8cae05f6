package dev.confbot.app;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.SyncReport;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import dev.confbot.core.registration.TicketSyncWatch;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the ticket index current: the timer's incremental sync and the organizers' forced full
 * sync, each saved to the store so that a restart is ready before pretix answers. Every outcome
 * goes to the {@link TicketSyncWatch}, which tells organizers when the index goes stale.
 */
@Singleton
final class TicketSync {
  private static final Logger log = LoggerFactory.getLogger(TicketSync.class);

  private final TicketIndex index;
  private final TicketLifecycle lifecycle;
  private final TicketSource source;
  private final TicketIndexStore store;
  private final TicketSyncWatch watch;

  @Inject
  TicketSync(
      TicketIndex index,
      TicketLifecycle lifecycle,
      TicketSource source,
      TicketIndexStore store,
      TicketSyncWatch watch) {
    this.index = index;
    this.lifecycle = lifecycle;
    this.source = source;
    this.store = store;
    this.watch = watch;
  }

  /** The timer's run: full the first time in this process, incremental afterwards. Never throws. */
  void sync() {
    try {
      Optional<String> cursor = index.cursor();
      if (cursor.isPresent() && watch.lastSuccess().isPresent()) {
        report(lifecycle.applyChanges(source.changedSince(cursor.get())));
      } else {
        report(lifecycle.applyFull(source.fullSync()));
      }
    } catch (GatewayException e) {
      log.warn("pretix sync failed, retrying at the next interval: {}", e.getMessage());
      watch.failed(String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      log.error("pretix sync failed unexpectedly", e);
      watch.failed("unexpected " + e.getClass().getSimpleName());
    }
  }

  /** A full sync now (organizers' {@code /registration resync}); throws when pretix fails. */
  void full() {
    try {
      report(lifecycle.applyFull(source.fullSync()));
    } catch (GatewayException e) {
      watch.failed(String.valueOf(e.getMessage()));
      throw e;
    }
  }

  private void report(SyncReport report) {
    store.save(index.snapshot());
    watch.succeeded();
    log.info(
        "pretix sync: {} orders seen, {} in the index, {} claimed tickets cancelled",
        report.orders(),
        index.size(),
        report.canceledClaims().size());
  }

  Optional<Instant> lastSuccess() {
    return watch.lastSuccess();
  }
}
