package dev.confbot.fakediscord;

import java.time.Clock;

/**
 * Makes current, strictly increasing Discord snowflakes: {@code ((ms − 1420070400000) << 22) | n}.
 * JDA derives an interaction's 15-minute expiry from its id, so ids must reflect the clock.
 */
final class Snowflakes {
  static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;

  private final Clock clock;
  private long last;

  Snowflakes(Clock clock) {
    this.clock = clock;
  }

  synchronized long next() {
    long candidate = (clock.millis() - DISCORD_EPOCH_MS) << 22;
    last = Math.max(candidate, last + 1);
    return last;
  }
}
