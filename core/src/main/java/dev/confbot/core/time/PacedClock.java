package dev.confbot.core.time;

import java.time.Clock;
import java.time.Duration;

/**
 * A clock whose time may run faster (or slower) than real time, such as a {@link SimulatedClock}
 * for rehearsals. Whoever waits for a moment of such a clock with a real timer (a {@link
 * java.util.concurrent.ScheduledExecutorService}) converts the clock-time wait into a real delay.
 */
public interface PacedClock {

  /** The real time that passes while this clock advances by {@code clockTime}. */
  Duration realDelay(Duration clockTime);

  /**
   * The real delay for waiting {@code clockTime} on any clock: converted for a {@link PacedClock},
   * unchanged for an ordinary clock (which runs at real speed).
   */
  static Duration realDelayOf(Clock clock, Duration clockTime) {
    return clock instanceof PacedClock ? ((PacedClock) clock).realDelay(clockTime) : clockTime;
  }
}
