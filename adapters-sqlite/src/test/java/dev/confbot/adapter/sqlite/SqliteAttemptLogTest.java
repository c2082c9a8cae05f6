package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.AttemptLog.Attempt;
import dev.confbot.core.port.AttemptLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteAttemptLogTest extends AttemptLogContract {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @Override
  protected AttemptLog newLog() {
    return new SqliteAttemptLog(databases.open());
  }

  @Test
  void keepsTheAttemptsAcrossARestart() {
    // given
    SqliteDatabase database = databases.open();
    AttemptLog before = new SqliteAttemptLog(database);
    before.record(new Attempt(ALICE, T0.plusNanos(1_500)));
    before.record(new Attempt(ALICE, T0.plusSeconds(1)));
    database.close();
    // when
    AttemptLog after = new SqliteAttemptLog(databases.open());
    // then
    assertThat(after.since(T0))
        .containsExactly(
            new Attempt(ALICE, T0.plusNanos(1_500)), new Attempt(ALICE, T0.plusSeconds(1)));
  }
}
