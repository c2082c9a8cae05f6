package dev.confbot.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeldClockTest {

  private static final Instant CREATED = Instant.parse("2026-11-26T07:00:00Z");

  @Test
  void standsStillUntilReleasedThenRunsOnFromWhereItStood() {
    // given
    TestClock real = new TestClock(CREATED);
    HeldClock held = new HeldClock(real);
    real.advance(Duration.ofMinutes(5));

    // when
    Instant whileHeld = held.instant();
    held.release();
    real.advance(Duration.ofSeconds(30));

    // then
    assertThat(whileHeld).isEqualTo(CREATED);
    assertThat(held.instant()).isEqualTo(CREATED.plusSeconds(30));
  }

  @Test
  void aSecondReleaseDoesNotRestartTheClock() {
    // given
    TestClock real = new TestClock(CREATED);
    HeldClock held = new HeldClock(real);
    held.release();
    real.advance(Duration.ofMinutes(1));

    // when
    held.release();
    real.advance(Duration.ofMinutes(1));

    // then
    assertThat(held.instant()).isEqualTo(CREATED.plusSeconds(120));
  }
}
