package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.PendingRestoresContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqlitePendingRestoresTest extends PendingRestoresContract {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @Override
  protected PendingRestores newStore() {
    return new SqlitePendingRestores(databases.open());
  }

  @Test
  void keepsTheMembersAcrossARestart() {
    // given
    SqliteDatabase database = databases.open();
    PendingRestores before = new SqlitePendingRestores(database);
    before.add(BOB, T0);
    before.add(ALICE, T0.plusSeconds(1));
    database.close();
    // when
    PendingRestores after = new SqlitePendingRestores(databases.open());
    // then
    assertThat(after.members()).containsExactly(BOB, ALICE);
    assertThat(after.add(BOB, T0.plusSeconds(2))).isFalse();
  }
}
