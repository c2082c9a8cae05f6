package dev.confbot.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link PendingRestores} must do; implementations' tests extend it. */
public abstract class PendingRestoresContract {
  protected static final MemberId ALICE = new MemberId(1120000000000000001L);
  protected static final MemberId BOB = new MemberId(1120000000000000002L);
  protected static final Instant T0 = Instant.parse("2026-07-13T09:00:00Z");

  /** A new, empty store. */
  protected abstract PendingRestores newStore();

  @Test
  void keepsMembersOldestFailureFirst() {
    // given
    PendingRestores store = newStore();
    // when
    store.add(BOB, T0.plusSeconds(5));
    store.add(ALICE, T0);
    // then
    assertThat(store.members()).containsExactly(ALICE, BOB);
  }

  @Test
  void saysWhetherAMemberIsNewAndKeepsTheFirstFailureTime() {
    // given
    PendingRestores store = newStore();
    // when
    boolean first = store.add(BOB, T0);
    boolean again = store.add(BOB, T0.plusSeconds(60));
    store.add(ALICE, T0.plusSeconds(30));
    // then
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(store.members()).containsExactly(BOB, ALICE);
  }

  @Test
  void forgetsARemovedMemberAndIgnoresAnUnknownOne() {
    // given
    PendingRestores store = newStore();
    store.add(ALICE, T0);
    store.add(BOB, T0);
    // when
    store.remove(ALICE);
    store.remove(new MemberId(42));
    // then
    assertThat(store.members()).containsExactly(BOB);
    assertThat(store.add(ALICE, T0)).isTrue();
  }
}
