package dev.confbot.core.time;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Pass} again and again on a scheduled executor, each pass saying (in clock time) how
 * long to sleep before the next: the one wake-up mechanism of the schedulers that send programme
 * notifications, session reminders and room topics.
 *
 * <ul>
 *   <li><b>One pass at a time.</b> Passes never overlap, and each sees what the previous one wrote
 *       (a lock held for the whole pass orders them), so a pass's own state needs no further lock.
 *   <li><b>Nobody waits for a pass.</b> {@link #start}, {@link #wakeNow} and {@link #close} only
 *       re-plan under a small lock that is never held while a pass runs. A {@link #wakeNow} during
 *       a pass is remembered: the next pass follows at once.
 *   <li><b>It never dies.</b> A pass that throws is logged and followed by another after the loop's
 *       failure delay; even an {@link Error} plans the next pass before it propagates.
 *   <li><b>Clock time.</b> Sleeps are clock time; a {@link PacedClock} (rehearsal, demo) has them
 *       converted into real delays.
 *   <li><b>Ends with its executor.</b> Once the executor refuses work the loop stops quietly; the
 *       executor belongs to the caller, who shuts it down.
 * </ul>
 */
public final class WakeLoop implements AutoCloseable {

  /** One round of work. */
  @FunctionalInterface
  public interface Pass {
    /**
     * Does the work that is due.
     *
     * @return how long (clock time) to sleep before the next pass; zero or negative means at once
     */
    Duration run();
  }

  private static final System.Logger LOG = System.getLogger(WakeLoop.class.getName());

  private final String name;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final Duration afterFailure;
  private final Pass pass;

  /** Held for a whole pass: passes run one at a time, each after the previous one's writes. */
  private final ReentrantLock passLock = new ReentrantLock();

  /** Held only while planning, never during a pass; guards the fields below. */
  private final Object planLock = new Object();

  private @Nullable ScheduledFuture<?> wakeUp;
  private @Nullable Instant wakeAt;
  private long generation;
  private boolean running;
  private boolean passing;
  private boolean wakeRequested;

  /**
   * A stopped loop; nothing runs before {@link #start}.
   *
   * @param name what the loop does, for the log ("programme notifications")
   * @param clock the time source of the sleeps
   * @param executor runs the passes; owned by the caller
   * @param afterFailure how long (clock time) to sleep after a pass that threw
   * @param pass the work of one round
   */
  public WakeLoop(
      String name,
      Clock clock,
      ScheduledExecutorService executor,
      Duration afterFailure,
      Pass pass) {
    this.name = name;
    this.clock = clock;
    this.executor = executor;
    this.afterFailure = afterFailure;
    this.pass = pass;
  }

  /** Starts (or resumes after {@link #close}): the first pass runs at once. */
  public void start() {
    synchronized (planLock) {
      running = true;
      wakeIn(Duration.ZERO);
    }
  }

  /**
   * Asks for a pass at once; harmless when stopped. Never waits: if a pass is running, the next one
   * follows right after it.
   */
  public void wakeNow() {
    synchronized (planLock) {
      if (!running) {
        return;
      }
      if (passing) {
        wakeRequested = true;
      } else {
        wakeIn(Duration.ZERO);
      }
    }
  }

  /** Whether the loop is started and not closed. */
  public boolean running() {
    synchronized (planLock) {
      return running;
    }
  }

  /** When (clock time) the next pass is planned, if the loop is running and one is planned. */
  public Optional<Instant> nextWakeUp() {
    synchronized (planLock) {
      return Optional.ofNullable(wakeAt);
    }
  }

  /** Stops planning passes; a pass already running finishes but plans no other. */
  @Override
  public void close() {
    synchronized (planLock) {
      running = false;
      wakeRequested = false;
      cancelPending();
    }
  }

  private void wake(long scheduled) {
    passLock.lock();
    try {
      synchronized (planLock) {
        if (!running || scheduled != generation) {
          return; // closed, or superseded by a later plan
        }
        passing = true;
        wakeRequested = false;
      }
      Duration sleep = afterFailure;
      try {
        sleep = pass.run();
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, name + " hit an unexpected error and will retry", e);
      } finally {
        // even an Error must not end the chain of passes
        synchronized (planLock) {
          passing = false;
          if (running) {
            wakeIn(wakeRequested ? Duration.ZERO : sleep);
          }
        }
      }
    } finally {
      passLock.unlock();
    }
  }

  /** Replaces the planned pass; callers hold {@link #planLock}. */
  private void wakeIn(Duration clockTime) {
    cancelPending();
    Duration sleep = clockTime.isNegative() ? Duration.ZERO : clockTime;
    long planned = ++generation;
    Duration real = PacedClock.realDelayOf(clock, sleep);
    try {
      wakeUp = executor.schedule(() -> wake(planned), real.toNanos(), TimeUnit.NANOSECONDS);
      wakeAt = clock.instant().plus(sleep);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.DEBUG, "executor shut down; {0} stop", name);
    }
  }

  private void cancelPending() {
    ScheduledFuture<?> pending = wakeUp;
    if (pending != null) {
      pending.cancel(false);
    }
    wakeUp = null;
    wakeAt = null;
  }
}
