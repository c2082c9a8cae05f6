package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.NotificationLog.Entry;
import dev.confbot.core.port.NotificationLog.Key;
import dev.confbot.core.port.NotificationLog.State;
import dev.confbot.core.port.NotificationLogContract;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteNotificationLogTest extends NotificationLogContract {
  private static final Instant T0 = Instant.parse("2026-07-13T08:55:00Z");
  private static final Key TALK =
      new Key("KXDL9Q", "programme", Instant.parse("2026-07-13T09:00:00Z"));

  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @Override
  protected NotificationLog newLog() {
    return new SqliteNotificationLog(databases.open());
  }

  @Test
  void keepsEntriesAcrossARestart() {
    // given
    Key pending = new Key("PENDNG", "forum-hall", Instant.parse("2026-07-13T09:30:00.25Z"));
    SqliteDatabase database = databases.open();
    NotificationLog before = new SqliteNotificationLog(database);
    before.markSending(TALK, T0);
    before.markSent(TALK, T0.plusSeconds(2));
    before.markSending(pending, T0.plusSeconds(3));
    database.close();
    // when
    NotificationLog after = new SqliteNotificationLog(databases.open());
    // then
    assertThat(after.entry(TALK)).contains(new Entry(TALK, State.SENT, T0.plusSeconds(2)));
    assertThat(after.entries(State.SENDING))
        .containsExactly(new Entry(pending, State.SENDING, T0.plusSeconds(3)));
    assertThat(after.markSending(TALK, T0.plusSeconds(4))).isFalse();
    assertThat(after.markSending(pending, T0.plusSeconds(4))).isFalse();
  }

  @Test
  void exactlyOneOfTwoConnectionsClaimsAKey() {
    // given: two databases on one file, as two bot processes would have
    NotificationLog first = new SqliteNotificationLog(databases.open());
    NotificationLog second = new SqliteNotificationLog(databases.open());
    // when
    boolean firstWon = first.markSending(TALK, T0);
    boolean secondWon = second.markSending(TALK, T0);
    // then
    assertThat(firstWon).isTrue();
    assertThat(secondWon).isFalse();
  }

  @Test
  void storesKeyAndTimesAsIsoUtcText() {
    // given
    SqliteDatabase database = databases.open();
    new SqliteNotificationLog(database).markSending(TALK, T0);
    // when
    String stored =
        database
            .read(
                c ->
                    Sql.queryFirst(
                        c,
                        "SELECT start_at || ' ' || state || ' ' || recorded_at"
                            + " FROM notification_log",
                        Sql.NO_PARAMETERS,
                        rows -> rows.getString(1)))
            .orElseThrow();
    // then
    assertThat(stored)
        .isEqualTo("2026-07-13T09:00:00.000000000Z SENDING 2026-07-13T08:55:00.000000000Z");
  }
}
