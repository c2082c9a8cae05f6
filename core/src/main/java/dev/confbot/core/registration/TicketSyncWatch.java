package dev.confbot.core.registration;

import dev.confbot.core.port.AuditSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Watches the ticket sync so that a stale index never goes unnoticed: counts failures (in a row and
 * in total), knows the last success, and tells organizers once when the sync has failed {@code
 * failuresBeforeAlert} times in a row or has not succeeded for {@code staleAfter}, and once more
 * when it works again. Thread-safe.
 */
public final class TicketSyncWatch {
  private final AuditSink audit;
  private final Clock clock;
  private final int failuresBeforeAlert;
  private final Duration staleAfter;
  private final Instant started;
  private final Object lock = new Object();
  private @Nullable Instant lastSuccess; // guarded by lock
  private int inARow; // guarded by lock
  private long total; // guarded by lock
  private String lastError = ""; // guarded by lock
  private boolean alerted; // guarded by lock

  /**
   * @param audit where the alert and the recovery line go (the organizers' log channel)
   * @param clock the time of successes and failures
   * @param failuresBeforeAlert failures in a row that make the sync stale, at least 1
   * @param staleAfter time without a success that makes the sync stale (counted from creation until
   *     the first success)
   */
  public TicketSyncWatch(
      AuditSink audit, Clock clock, int failuresBeforeAlert, Duration staleAfter) {
    if (failuresBeforeAlert < 1 || staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("need at least one failure and a positive staleAfter");
    }
    this.audit = audit;
    this.clock = clock;
    this.failuresBeforeAlert = failuresBeforeAlert;
    this.staleAfter = staleAfter;
    this.started = clock.instant();
  }

  /** Records a successful sync; tells organizers if it had been reported stale. */
  public void succeeded() {
    String recovery = null;
    synchronized (lock) {
      if (alerted) {
        recovery =
            "✅ the pretix ticket sync works again after "
                + inARow
                + " failed attempt(s); the ticket index is current";
      }
      lastSuccess = clock.instant();
      inARow = 0;
      lastError = "";
      alerted = false;
    }
    if (recovery != null) {
      record(recovery, false);
    }
  }

  /**
   * Records a failed sync; alerts organizers the first time the sync becomes stale.
   *
   * @param error what failed, without secrets (a {@code GatewayException} message)
   */
  public void failed(String error) {
    String alert = null;
    synchronized (lock) {
      inARow++;
      total++;
      lastError = error;
      Optional<String> problem = problemLocked(clock.instant());
      if (problem.isPresent() && !alerted) {
        alerted = true;
        alert =
            "⚠️ "
                + problem.get()
                + ". Registration keeps using the tickets already known; cancellations and new"
                + " orders are not seen until pretix answers again.";
      }
    }
    if (alert != null) {
      record(alert, true);
    }
  }

  /** When the last sync succeeded; empty before the first success. */
  public Optional<Instant> lastSuccess() {
    synchronized (lock) {
      return Optional.ofNullable(lastSuccess);
    }
  }

  /** Failed syncs since the start (for the metrics counter). */
  public long failures() {
    synchronized (lock) {
      return total;
    }
  }

  /** Failed syncs since the last success. */
  public int failuresInARow() {
    synchronized (lock) {
      return inARow;
    }
  }

  /**
   * Why the ticket index is stale now, for {@code /healthz}: too many failures in a row, or no
   * success for too long (also when the sync hangs and reports nothing). Empty when it is fine.
   */
  public Optional<String> problem() {
    synchronized (lock) {
      return problemLocked(clock.instant());
    }
  }

  private Optional<String> problemLocked(Instant now) {
    Instant since = lastSuccess != null ? lastSuccess : started;
    Duration age = Duration.between(since, now);
    boolean tooMany = inARow >= failuresBeforeAlert;
    boolean tooOld = age.compareTo(staleAfter) > 0;
    if (!tooMany && !tooOld) {
      return Optional.empty();
    }
    String when =
        lastSuccess == null
            ? "no successful sync since the start " + minutes(age) + " ago"
            : "last success " + minutes(age) + " ago";
    String failures =
        inARow == 0
            ? "the pretix ticket sync has not finished"
            : "the pretix ticket sync failed "
                + inARow
                + " time(s) in a row"
                + (lastError.isEmpty() ? "" : " (" + lastError + ")");
    return Optional.of(failures + "; " + when);
  }

  private static String minutes(Duration age) {
    long minutes = age.toMinutes();
    return minutes < 1 ? age.toSeconds() + " s" : minutes + " min";
  }

  private void record(String line, boolean alert) {
    try {
      audit.record(line, alert);
    } catch (RuntimeException e) {
      // the log channel may be what is failing; the structured log still has the sync's warning
    }
  }
}
