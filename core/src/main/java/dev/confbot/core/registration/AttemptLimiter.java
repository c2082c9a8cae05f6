package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-account failed-attempt limit over a sliding window, driven by the injected clock.
 * Thread-safe; accounts without recent failures hold no memory.
 */
final class AttemptLimiter {
  private final int max;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<MemberId, Deque<Instant>> failures = new ConcurrentHashMap<>();

  AttemptLimiter(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** How long the member must wait, if they used up their attempts; empty if they may try. */
  Optional<Duration> blockedFor(MemberId member) {
    Instant now = clock.instant();
    Instant[] oldest = new Instant[1];
    failures.computeIfPresent(
        member,
        (m, times) -> {
          prune(times, now);
          if (times.size() >= max) {
            oldest[0] = times.peekFirst();
          }
          return times.isEmpty() ? null : times;
        });
    Instant first = oldest[0];
    if (first == null) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, first.plus(window)));
  }

  /** Counts one failed attempt. */
  void recordFailure(MemberId member) {
    Instant now = clock.instant();
    failures.compute(
        member,
        (m, times) -> {
          Deque<Instant> t = times == null ? new ArrayDeque<>() : times;
          prune(t, now);
          t.addLast(now);
          while (t.size() > max) {
            t.removeFirst();
          }
          return t;
        });
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }
}
