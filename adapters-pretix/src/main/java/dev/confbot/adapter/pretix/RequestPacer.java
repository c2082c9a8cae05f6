package dev.confbot.adapter.pretix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly to stay under a per-minute limit, shared by every thread of one source,
 * and holds all of them back after a 429 for as long as pretix's {@code Retry-After} asks.
 *
 * <p>Hand-written rather than resilience4j's {@code RateLimiter}: that one cannot pause every
 * caller for a server-given {@code Retry-After}, and it reads {@code System.nanoTime()}, not an
 * injected {@link Clock}, so it cannot be tested without real waiting. Requests are spaced one
 * interval apart (no burst), which never exceeds the limit in any window.
 */
final class RequestPacer {
  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant nextSlot = Instant.MIN;
  private Instant pausedUntil = Instant.MIN;

  /**
   * @param requestsPerMinute the limit; 0 lifts it (only {@code Retry-After} pauses remain)
   */
  RequestPacer(int requestsPerMinute, Clock clock, Sleeper sleeper) {
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException("requests per minute must not be negative");
    }
    long minute = Duration.ofMinutes(1).toNanos();
    // rounded up: rounding down would let the n+1st request into the same minute
    this.interval =
        requestsPerMinute == 0
            ? Duration.ZERO
            : Duration.ofNanos((minute + requestsPerMinute - 1) / requestsPerMinute);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Blocks until this caller may send one request. */
  void acquire() throws InterruptedException {
    while (true) {
      Duration wait = reserve();
      if (!wait.isZero()) {
        sleeper.sleep(wait);
      }
      if (!pausedAfter(clock.instant())) {
        return;
      }
    }
  }

  /** Holds every caller back for the given time from now (a 429's {@code Retry-After}). */
  synchronized void pauseFor(Duration duration) {
    Instant until = clock.instant().plus(duration);
    if (until.isAfter(pausedUntil)) {
      pausedUntil = until;
    }
  }

  private synchronized Duration reserve() {
    Instant now = clock.instant();
    Instant slot = latest(now, latest(nextSlot, pausedUntil));
    nextSlot = slot.plus(interval);
    return Duration.between(now, slot);
  }

  /** True when a pause began after this caller's slot was reserved and still lasts. */
  private synchronized boolean pausedAfter(Instant now) {
    return now.isBefore(pausedUntil);
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
