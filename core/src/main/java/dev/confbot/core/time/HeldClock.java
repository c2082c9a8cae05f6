package dev.confbot.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A real-time clock that stands still until {@link #release()}, then runs on from where it stood.
 * The demo drives its simulated conference clock with it, so that the programme does not start
 * before the bot has logged in and the attendees have registered, however slow the machine.
 */
public final class HeldClock extends Clock {
  private final Clock real;
  private final Instant heldAt;
  private volatile @Nullable Instant releasedAt;

  /** A clock that stands at {@code real}'s current instant until released. */
  public HeldClock(Clock real) {
    this.real = real;
    this.heldAt = real.instant();
  }

  /** Lets time run from now on. */
  public void release() {
    if (releasedAt == null) {
      releasedAt = real.instant();
    }
  }

  @Override
  public Instant instant() {
    Instant released = releasedAt;
    return released == null ? heldAt : heldAt.plus(Duration.between(released, real.instant()));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the demo clock has no zone of its own");
  }
}
