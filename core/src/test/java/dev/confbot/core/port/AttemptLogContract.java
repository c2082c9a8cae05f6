package dev.confbot.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.AttemptLog.Attempt;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link AttemptLog} must do; implementations' tests extend it. */
public abstract class AttemptLogContract {
  protected static final MemberId ALICE = new MemberId(1120000000000000001L);
  protected static final MemberId BOB = new MemberId(1120000000000000002L);
  protected static final Instant T0 = Instant.parse("2026-07-13T09:00:00Z");

  /** A new, empty log. */
  protected abstract AttemptLog newLog();

  @Test
  void returnsTheAttemptsAfterAnInstantOldestFirst() {
    // given
    AttemptLog log = newLog();
    log.record(new Attempt(BOB, T0.plusSeconds(20)));
    log.record(new Attempt(ALICE, T0));
    log.record(new Attempt(ALICE, T0.plusSeconds(10)));
    // when / then
    assertThat(log.since(T0))
        .containsExactly(
            new Attempt(ALICE, T0.plusSeconds(10)), new Attempt(BOB, T0.plusSeconds(20)));
  }

  @Test
  void keepsTwoAttemptsOfOneAccountAtTheSameInstant() {
    // given
    AttemptLog log = newLog();
    log.record(new Attempt(ALICE, T0));
    log.record(new Attempt(ALICE, T0));
    // when / then
    assertThat(log.since(T0.minusSeconds(1))).hasSize(2);
  }

  @Test
  void forgetsTheAttemptsBeforeTheCutoff() {
    // given
    AttemptLog log = newLog();
    log.record(new Attempt(ALICE, T0));
    log.record(new Attempt(BOB, T0.plusSeconds(60)));
    // when
    int forgotten = log.forgetBefore(T0.plusSeconds(30));
    // then
    assertThat(forgotten).isEqualTo(1);
    assertThat(log.since(Instant.EPOCH)).containsExactly(new Attempt(BOB, T0.plusSeconds(60)));
  }
}
