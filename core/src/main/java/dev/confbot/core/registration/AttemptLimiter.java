package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-account failed-attempt limit over a sliding window, driven by the injected clock.
 *
 * <p>Checking and counting are one atomic step: {@link #admit} lets an attempt through only while
 * the account has fewer than {@code max} failed <em>or running</em> attempts in the window, and
 * holds a slot for it until {@link Admitted#finish} says whether it failed. So concurrent
 * submissions from one account can never get past the limit together. Failed attempts are written
 * to the {@link AttemptLog} and read back at construction, so a restart does not reset them.
 * Thread-safe; accounts without recent attempts hold no memory.
 */
final class AttemptLimiter {
  private static final System.Logger LOG = System.getLogger(AttemptLimiter.class.getName());

  /** Old attempts are forgotten in the log every this many failures. */
  private static final int FORGET_EVERY = 256;

  /** Outcome of {@link #admit}. */
  sealed interface Admission {}

  /** The attempt may run; call {@link #finish} exactly once when its outcome is known. */
  final class Admitted implements Admission {
    private final MemberId member;
    private final Instant at;
    private boolean finished;

    private Admitted(MemberId member, Instant at) {
      this.member = member;
      this.at = at;
    }

    /** Counts the attempt as failed (kept, also in the log) or gives its slot back. */
    void finish(boolean failed) {
      if (finished) {
        throw new IllegalStateException("attempt already finished");
      }
      finished = true;
      if (failed) {
        persist(member, at);
      } else {
        failures.computeIfPresent(
            member,
            (m, slots) -> {
              slots.removeIf(slot -> slot == this);
              return slots.isEmpty() ? null : slots;
            });
      }
    }
  }

  /**
   * The account used up its attempts.
   *
   * @param retryIn until the oldest of them leaves the window
   */
  record Blocked(Duration retryIn) implements Admission {}

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final AttemptLog log;
  private final AtomicInteger recorded = new AtomicInteger();

  /** Per account, its failed (this run or earlier) and running attempts in the window. */
  private final ConcurrentHashMap<MemberId, Deque<Admitted>> failures = new ConcurrentHashMap<>();

  /** A limiter that starts from the failed attempts still in the window of {@code log}. */
  AttemptLimiter(int max, Duration window, Clock clock, AttemptLog log) {
    this.max = max;
    this.window = window;
    this.clock = clock;
    this.log = log;
    Instant cutoff = clock.instant().minus(window);
    try {
      for (AttemptLog.Attempt attempt : log.since(cutoff)) {
        Admitted earlier = new Admitted(attempt.member(), attempt.at());
        earlier.finished = true;
        failures.computeIfAbsent(attempt.member(), m -> new ArrayDeque<>()).addLast(earlier);
      }
      failures.values().forEach(this::trim);
      log.forgetBefore(cutoff);
    } catch (GatewayException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Failed registration attempts of earlier runs could not be read ({0}); counting anew",
          e.getMessage());
    }
  }

  /** Lets the attempt through and holds a slot for it, or says how long the member must wait. */
  Admission admit(MemberId member) {
    Instant now = clock.instant();
    Admission[] outcome = new Admission[1];
    failures.compute(
        member,
        (m, slots) -> {
          Deque<Admitted> s = slots == null ? new ArrayDeque<>() : slots;
          prune(s, now);
          if (s.size() >= max) {
            outcome[0] = new Blocked(Duration.between(now, s.getFirst().at.plus(window)));
          } else {
            Admitted admitted = new Admitted(m, now);
            s.addLast(admitted);
            outcome[0] = admitted;
          }
          return s.isEmpty() ? null : s;
        });
    return outcome[0];
  }

  private void persist(MemberId member, Instant at) {
    try {
      log.record(new AttemptLog.Attempt(member, at));
      if (recorded.incrementAndGet() % FORGET_EVERY == 0) {
        log.forgetBefore(clock.instant().minus(window));
      }
    } catch (GatewayException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "A failed registration attempt was counted but not stored ({0})",
          e.getMessage());
    }
  }

  private void prune(Deque<Admitted> slots, Instant now) {
    Instant cutoff = now.minus(window);
    slots.removeIf(slot -> !slot.at.isAfter(cutoff));
  }

  private void trim(Deque<Admitted> slots) {
    while (slots.size() > max) {
      slots.removeFirst();
    }
  }
}
