package dev.confbot.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TicketSyncWatchTest {
  private final TestClock clock = TestClock.atConferenceStart();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final TicketSyncWatch watch =
      new TicketSyncWatch(audit, clock, 3, Duration.ofMinutes(10));

  private void failTimes(int times) {
    for (int i = 0; i < times; i++) {
      clock.advance(Duration.ofMinutes(2));
      watch.failed("pretix: HTTP 503");
    }
  }

  @Test
  void alertsOrganizersOnceAfterThreeFailuresInARow() {
    // given
    watch.succeeded();
    // when
    failTimes(2);
    boolean staleAfterTwo = watch.problem().isPresent();
    failTimes(4);
    // then
    assertThat(staleAfterTwo).isFalse();
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("failed 3 time(s) in a row", "pretix: HTTP 503", "last success 6 min ago");
    assertThat(watch.problem()).get().asString().contains("failed 6 time(s) in a row");
    assertThat(watch.failures()).isEqualTo(6);
    assertThat(watch.failuresInARow()).isEqualTo(6);
  }

  @Test
  void saysSoOnceWhenTheSyncWorksAgain() {
    // given
    watch.succeeded();
    failTimes(3);
    // when
    watch.succeeded();
    watch.succeeded();
    // then
    assertThat(audit.lines()).hasSize(2);
    assertThat(audit.lines().get(1).alert()).isFalse();
    assertThat(audit.last()).contains("works again after 3 failed attempt(s)");
    assertThat(watch.problem()).isEmpty();
    assertThat(watch.failuresInARow()).isZero();
    assertThat(watch.failures()).isEqualTo(3);
  }

  @Test
  void aShortBlipIsNeitherStaleNorAlerted() {
    // given
    watch.succeeded();
    failTimes(1);
    // when
    watch.succeeded();
    // then
    assertThat(audit.lines()).isEmpty();
    assertThat(watch.problem()).isEmpty();
  }

  @Test
  void isStaleWhenNoSyncSucceededForTooLongEvenWithoutFailures() {
    // given: the sync hangs (a request that never returns)
    watch.succeeded();
    // when
    clock.advance(Duration.ofMinutes(11));
    // then
    assertThat(watch.problem())
        .get()
        .asString()
        .contains("has not finished", "last success 11 min ago");
  }

  @Test
  void alertsOnTheFirstFailureWhenTheLastSuccessIsTooOld() {
    // given
    watch.succeeded();
    clock.advance(Duration.ofMinutes(15));
    // when
    watch.failed("pretix: timeout");
    // then
    assertThat(audit.alerts()).singleElement().asString().contains("failed 1 time(s) in a row");
  }

  @Test
  void countsFromTheStartUntilTheFirstSuccess() {
    // when
    failTimes(3);
    // then
    assertThat(watch.lastSuccess()).isEmpty();
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("no successful sync since the start 6 min ago");
  }
}
