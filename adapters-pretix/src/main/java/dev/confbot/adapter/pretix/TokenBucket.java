package dev.confbot.adapter.pretix;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A non-blocking token bucket: {@code capacity} tokens, refilled continuously at {@code capacity}
 * per minute. Used to cap direct order lookups, which users trigger.
 */
final class TokenBucket {
  private final int capacity;
  private final Duration refillEvery;
  private final Clock clock;
  private double tokens;
  private Instant updated;

  TokenBucket(int perMinute, Clock clock) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("rate must be at least 1 per minute");
    }
    this.capacity = perMinute;
    this.refillEvery = Duration.ofMinutes(1).dividedBy(perMinute);
    this.clock = clock;
    this.tokens = perMinute;
    this.updated = clock.instant();
  }

  /** Takes one token if there is one; never waits. */
  synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    if (now.isAfter(updated)) {
      double refill = (double) Duration.between(updated, now).toNanos() / refillEvery.toNanos();
      tokens = Math.min(capacity, tokens + refill);
      updated = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
