package dev.confbot.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

  private static final Instant REHEARSAL_START = Instant.parse("2023-07-19T06:00:00Z");

  @Test
  void startsAtTheChosenInstantAndRunsAtItsSpeed() {
    // given
    TestClock real = new TestClock(Instant.parse("2026-11-26T07:00:00Z"));
    SimulatedClock clock = new SimulatedClock(REHEARSAL_START, 60, real);
    // when
    Instant atStart = clock.instant();
    real.advance(Duration.ofSeconds(90));
    // then
    assertThat(atStart).isEqualTo(REHEARSAL_START);
    assertThat(clock.instant()).isEqualTo(REHEARSAL_START.plus(Duration.ofMinutes(90)));
  }

  @Test
  void convertsClockTimeIntoRealDelays() {
    // given
    SimulatedClock clock = new SimulatedClock(REHEARSAL_START, 144, Clock.systemUTC());
    // when / then
    assertThat(clock.realDelay(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(10));
    assertThat(PacedClock.realDelayOf(clock, Duration.ofMinutes(144)))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(PacedClock.realDelayOf(Clock.systemUTC(), Duration.ofMinutes(5)))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void keepsItsTimeLineInAnotherZone() {
    // given
    TestClock real = new TestClock(Instant.parse("2026-11-26T07:00:00Z"));
    SimulatedClock clock = new SimulatedClock(REHEARSAL_START, 2, real);
    // when
    Clock prague = clock.withZone(ZoneId.of("Europe/Prague"));
    real.advance(Duration.ofSeconds(10));
    // then
    assertThat(prague.getZone()).isEqualTo(ZoneId.of("Europe/Prague"));
    assertThat(prague.instant()).isEqualTo(REHEARSAL_START.plusSeconds(20));
    assertThat(clock.speed()).isEqualTo(2);
  }

  @Test
  void rejectsSpeedsThatAreNotPositive() {
    // when / then
    assertThatThrownBy(() -> new SimulatedClock(REHEARSAL_START, 0, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SimulatedClock(REHEARSAL_START, Double.NaN, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
