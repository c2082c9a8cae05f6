package dev.confbot.core.registration;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the ticket index current: loads the saved snapshot at start, runs the timer's sync (full
 * the first time in a process, incremental afterwards) and the organizers' forced full sync, each
 * good result saved to the {@link TicketIndexStore} so that a restart is ready before pretix
 * answers. Every outcome goes to the {@link TicketSyncWatch}, which tells organizers when the index
 * goes stale. Thread-safe as far as its parts are.
 */
public final class TicketSyncService {
  private static final System.Logger LOG = System.getLogger(TicketSyncService.class.getName());

  private final TicketIndex index;
  private final TicketLifecycle lifecycle;
  private final TicketSource source;
  private final TicketIndexStore store;
  private final TicketSyncWatch watch;

  /**
   * @param index the index the lifecycle keeps, read for its cursor and saved after each sync
   * @param lifecycle applies snapshots to the index (and cancels claims of cancelled tickets)
   * @param source pretix
   * @param store where the index's snapshot is saved and loaded from
   * @param watch counts successes and failures
   */
  public TicketSyncService(
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

  /**
   * Fills the index from the snapshot saved last, before pretix answers; true when there was one.
   * Throws {@link GatewayException} when the store fails.
   */
  public boolean loadSaved() {
    Optional<TicketSource.Snapshot> saved = store.load();
    if (saved.isEmpty()) {
      return false;
    }
    lifecycle.applyFull(saved.get());
    LOG.log(Level.INFO, "Ticket index loaded from the store: {0} orders", index.size());
    return true;
  }

  /**
   * The timer's run: full the first time in this process (orders may have been cancelled while the
   * bot was down, even with the saved snapshot's cursor), incremental afterwards. Never throws.
   */
  public void sync() {
    try {
      Optional<String> cursor = index.cursor();
      if (cursor.isPresent() && watch.lastSuccess().isPresent()) {
        report(lifecycle.applyChanges(source.changedSince(cursor.get())));
      } else {
        report(lifecycle.applyFull(source.fullSync()));
      }
    } catch (GatewayException e) {
      LOG.log(
          Level.WARNING,
          "pretix sync failed, retrying at the next interval: {0}",
          String.valueOf(e.getMessage()));
      watch.failed(String.valueOf(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "pretix sync failed unexpectedly", e);
      watch.failed("unexpected " + e.getClass().getSimpleName());
    }
  }

  /**
   * A full sync now (organizers' {@code /registration resync}); throws the {@link GatewayException}
   * when pretix fails, after counting it.
   */
  public void full() {
    try {
      report(lifecycle.applyFull(source.fullSync()));
    } catch (GatewayException e) {
      watch.failed(String.valueOf(e.getMessage()));
      throw e;
    }
  }

  /** When a sync last succeeded in this process; empty before the first. */
  public Optional<Instant> lastSuccess() {
    return watch.lastSuccess();
  }

  private void report(SyncReport report) {
    store.save(index.snapshot());
    watch.succeeded();
    LOG.log(
        Level.INFO,
        "pretix sync: {0} orders seen, {1} in the index, {2} claimed tickets cancelled",
        report.orders(),
        index.size(),
        report.canceledClaims().size());
  }
}
