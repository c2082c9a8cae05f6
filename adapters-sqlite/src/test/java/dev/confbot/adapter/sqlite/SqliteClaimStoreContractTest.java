package dev.confbot.adapter.sqlite;

import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.testing.ClaimStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared {@link ClaimStoreContract} on a SQLite database in a temporary directory. */
class SqliteClaimStoreContractTest extends ClaimStoreContract {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  private final List<SqliteDatabase> opened = new ArrayList<>();

  @Override
  protected ClaimStore newStore() {
    SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir));
    opened.add(database);
    return new SqliteClaimStore(database);
  }

  @AfterEach
  void closeDatabases() {
    opened.forEach(SqliteDatabase::close);
  }
}
