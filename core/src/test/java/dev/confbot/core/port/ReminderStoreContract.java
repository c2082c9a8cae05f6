package dev.confbot.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.ReminderStore.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReminderStore} must do; adapters extend this class in their tests (it ships in
 * core's test-jar) and provide a fresh, empty store.
 */
public abstract class ReminderStoreContract {
  protected static final Instant T0 = Instant.parse("2026-07-15T07:00:00Z");
  protected static final MemberId ALICE = new MemberId(1001);
  protected static final MemberId BOB = new MemberId(1002);

  private ReminderStore store;

  /** A fresh, empty store. */
  protected abstract ReminderStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static Subscription subscription(MemberId member, String code, int minute) {
    return new Subscription(member, code, Locale.FRENCH, T0.plusSeconds(60L * minute));
  }

  @Test
  void storesASubscriptionOnce() {
    // when
    boolean first = store.subscribe(subscription(ALICE, "KEY", 0));
    boolean again = store.subscribe(subscription(ALICE, "KEY", 5));
    // then
    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(store.byMember(ALICE)).containsExactly(subscription(ALICE, "KEY", 0));
  }

  @Test
  void keepsTheLocaleAndCreationTime() {
    // given
    Subscription german =
        new Subscription(BOB, "T2", Locale.forLanguageTag("de-AT"), T0.plusMillis(123));
    // when
    store.subscribe(german);
    // then
    assertThat(store.pendingFor("T2")).containsExactly(german);
  }

  @Test
  void listsAMembersPendingSubscriptionsOldestFirst() {
    // given
    store.subscribe(subscription(ALICE, "T3", 2));
    store.subscribe(subscription(ALICE, "T2", 1));
    store.subscribe(subscription(BOB, "T2", 0));
    store.subscribe(subscription(ALICE, "KEY", 3));
    store.markSent(ALICE, "KEY", T0);
    // then
    assertThat(store.byMember(ALICE))
        .extracting(Subscription::sessionCode)
        .containsExactly("T2", "T3");
    assertThat(store.byMember(new MemberId(99))).isEmpty();
  }

  @Test
  void listsPendingSubscriptionsBySessionThenAge() {
    // given
    store.subscribe(subscription(BOB, "T2", 1));
    store.subscribe(subscription(ALICE, "T2", 0));
    store.subscribe(subscription(ALICE, "KEY", 2));
    store.subscribe(subscription(BOB, "KEY", 3));
    store.markSent(BOB, "KEY", T0);
    // then
    assertThat(store.pending())
        .extracting(s -> s.sessionCode() + "/" + s.member())
        .containsExactly("KEY/1001", "T2/1001", "T2/1002");
    assertThat(store.pendingFor("T2")).extracting(Subscription::member).containsExactly(ALICE, BOB);
    assertThat(store.pendingFor("KEY")).extracting(Subscription::member).containsExactly(ALICE);
  }

  @Test
  void marksSentOnlyOnce() {
    // given
    store.subscribe(subscription(ALICE, "KEY", 0));
    // when
    boolean first = store.markSent(ALICE, "KEY", T0);
    boolean second = store.markSent(ALICE, "KEY", T0.plusSeconds(1));
    // then
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(store.pending()).isEmpty();
    assertThat(store.markSent(BOB, "KEY", T0)).isFalse();
  }

  @Test
  void doesNotSubscribeAgainAfterTheReminderWasSent() {
    // given
    store.subscribe(subscription(ALICE, "KEY", 0));
    store.markSent(ALICE, "KEY", T0);
    // when
    boolean again = store.subscribe(subscription(ALICE, "KEY", 1));
    // then
    assertThat(again).isFalse();
    assertThat(store.pending()).isEmpty();
  }

  @Test
  void clearingASentMarkMakesItPendingAgain() {
    // given
    store.subscribe(subscription(ALICE, "KEY", 0));
    store.markSent(ALICE, "KEY", T0);
    // when
    store.clearSent(ALICE, "KEY");
    store.clearSent(BOB, "KEY");
    // then
    assertThat(store.pending()).containsExactly(subscription(ALICE, "KEY", 0));
    assertThat(store.markSent(ALICE, "KEY", T0)).isTrue();
  }

  @Test
  void removesPendingAndSentSubscriptions() {
    // given
    store.subscribe(subscription(ALICE, "KEY", 0));
    store.subscribe(subscription(ALICE, "T2", 0));
    store.markSent(ALICE, "T2", T0);
    // when
    boolean pending = store.remove(ALICE, "KEY");
    boolean sent = store.remove(ALICE, "T2");
    boolean absent = store.remove(ALICE, "KEY");
    // then
    assertThat(pending).isTrue();
    assertThat(sent).isTrue();
    assertThat(absent).isFalse();
    assertThat(store.byMember(ALICE)).isEmpty();
    assertThat(store.subscribe(subscription(ALICE, "T2", 9))).isTrue();
  }

  @Test
  void onlyOneOfManyConcurrentClaimsWins() throws Exception {
    // given
    store.subscribe(subscription(ALICE, "KEY", 0));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        claims.add(() -> store.markSent(ALICE, "KEY", T0));
      }
      // when
      int won = 0;
      for (Future<Boolean> claim : pool.invokeAll(claims)) {
        won += claim.get() ? 1 : 0;
      }
      // then
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
