package dev.confbot.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.NotificationLog.Key;
import dev.confbot.core.port.NotificationLog.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NotificationLog} must do; adapters extend this class in their tests (it ships
 * in core's test-jar).
 */
public abstract class NotificationLogContract {

  private static final Instant T0 = Instant.parse("2023-07-19T08:25:00Z");
  private static final Key KEY =
      new Key("KXDL9Q", "programme", Instant.parse("2023-07-19T08:30:00Z"));

  /** A fresh, empty ledger. */
  protected abstract NotificationLog newLog();

  @Test
  void claimsAKeyOnlyOnce() {
    // given
    NotificationLog log = newLog();
    // when
    boolean first = log.markSending(KEY, T0);
    boolean second = log.markSending(KEY, T0.plusSeconds(1));
    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(log.entry(KEY)).contains(new NotificationLog.Entry(KEY, State.SENDING, T0));
  }

  @Test
  void recordsASentKeyThatCannotBeClaimedAgain() {
    // given
    NotificationLog log = newLog();
    log.markSending(KEY, T0);
    // when
    log.markSent(KEY, T0.plusSeconds(1));
    // then
    assertThat(log.entry(KEY))
        .contains(new NotificationLog.Entry(KEY, State.SENT, T0.plusSeconds(1)));
    assertThat(log.isRecorded(KEY)).isTrue();
    assertThat(log.markSending(KEY, T0.plusSeconds(2))).isFalse();
  }

  @Test
  void forgetsAClaimWhoseDeliveryFailedButKeepsSentKeys() {
    // given
    NotificationLog log = newLog();
    Key other = new Key("OTHER", "programme", T0);
    log.markSending(KEY, T0);
    log.markSent(other, T0);
    // when
    log.clearSending(KEY);
    log.clearSending(other);
    // then
    assertThat(log.isRecorded(KEY)).isFalse();
    assertThat(log.isRecorded(other)).isTrue();
    assertThat(log.markSending(KEY, T0)).isTrue();
  }

  @Test
  void distinguishesKeysByChannelAndStart() {
    // given
    NotificationLog log = newLog();
    log.markSent(KEY, T0);
    // when / then
    assertThat(log.isRecorded(new Key(KEY.sessionCode(), "forum-hall", KEY.start()))).isFalse();
    assertThat(
            log.isRecorded(new Key(KEY.sessionCode(), KEY.channel(), KEY.start().plusSeconds(60))))
        .isFalse();
    assertThat(log.entry(new Key("NOPE", "programme", T0))).isEmpty();
  }

  @Test
  void listsEntriesByState() {
    // given
    NotificationLog log = newLog();
    Key sending = new Key("A", "programme", T0);
    log.markSending(sending, T0);
    log.markSent(KEY, T0);
    // when / then
    assertThat(log.entries(State.SENDING))
        .extracting(NotificationLog.Entry::key)
        .containsExactly(sending);
    assertThat(log.entries(State.SENT)).extracting(NotificationLog.Entry::key).containsExactly(KEY);
  }

  @Test
  void letsExactlyOneOfManyConcurrentClaimsWin() throws Exception {
    // given
    NotificationLog log = newLog();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        claims.add(() -> log.markSending(KEY, T0));
      }
      // when
      int winners = 0;
      for (Future<Boolean> result : pool.invokeAll(claims)) {
        winners += result.get() ? 1 : 0;
      }
      // then
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
