package dev.confbot.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for rehearsals: it starts at a chosen instant (e.g. the first conference morning) when it
 * is created and runs {@code speed} times as fast as the underlying real clock, so a whole
 * conference day passes in 10 minutes at 144×. Inject it wherever a {@link Clock} is expected; the
 * schedulers convert its waits into real delays through {@link PacedClock}.
 */
public final class SimulatedClock extends Clock implements PacedClock {

  private final Instant start;
  private final double speed;
  private final Clock real;
  private final Instant realStart;
  private final ZoneId zone;

  /**
   * A clock that reads {@code start} now and then advances {@code speed} times as fast as {@code
   * real}.
   *
   * @throws IllegalArgumentException unless {@code speed} is positive and finite
   */
  public SimulatedClock(Instant start, double speed, Clock real) {
    this(start, speed, real, real.instant(), ZoneOffset.UTC);
  }

  private SimulatedClock(Instant start, double speed, Clock real, Instant realStart, ZoneId zone) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
    this.start = start;
    this.speed = speed;
    this.real = real;
    this.realStart = realStart;
    this.zone = zone;
  }

  /** How many times faster than real time this clock runs. */
  public double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    long realNanos = Duration.between(realStart, real.instant()).toNanos();
    return start.plusNanos(Math.round(realNanos * speed));
  }

  @Override
  public Duration realDelay(Duration clockTime) {
    return Duration.ofNanos((long) Math.ceil(clockTime.toNanos() / speed));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new SimulatedClock(start, speed, real, realStart, newZone);
  }
}
