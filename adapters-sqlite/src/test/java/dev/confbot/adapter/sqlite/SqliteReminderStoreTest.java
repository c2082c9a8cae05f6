package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.ReminderStore.Subscription;
import dev.confbot.core.port.ReminderStoreContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteReminderStoreTest extends ReminderStoreContract {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @Override
  protected ReminderStore newStore() {
    return new SqliteReminderStore(databases.open());
  }

  @Test
  void keepsSubscriptionsAndSendsAcrossARestart() {
    // given
    Subscription canadian =
        new Subscription(ALICE, "CAFE", Locale.forLanguageTag("fr-CA"), T0.plusNanos(1_500));
    SqliteDatabase database = databases.open();
    ReminderStore before = new SqliteReminderStore(database);
    before.subscribe(canadian);
    before.subscribe(subscription(BOB, "CAFE", 1));
    before.markSent(BOB, "CAFE", T0.plusSeconds(600));
    database.close();
    // when
    ReminderStore after = new SqliteReminderStore(databases.open());
    // then
    assertThat(after.pending()).containsExactly(canadian);
    assertThat(after.markSent(BOB, "CAFE", T0.plusSeconds(601))).isFalse();
    assertThat(after.subscribe(subscription(BOB, "CAFE", 2))).isFalse();
    assertThat(after.markSent(ALICE, "CAFE", T0.plusSeconds(602))).isTrue();
  }

  @Test
  void ofTwoConnectionsClaimingTheSameReminderExactlyOneWins() throws Exception {
    // given two stores on separate connections to one file, as two processes would have
    ReminderStore first = new SqliteReminderStore(databases.open());
    ReminderStore second = new SqliteReminderStore(databases.open());
    first.subscribe(subscription(ALICE, "KEY", 0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        ReminderStore store = i % 2 == 0 ? first : second;
        claims.add(() -> store.markSent(ALICE, "KEY", Instant.EPOCH));
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
