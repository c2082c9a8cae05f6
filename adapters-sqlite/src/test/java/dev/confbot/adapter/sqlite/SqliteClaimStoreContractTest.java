package dev.confbot.adapter.sqlite;

import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.testing.ClaimStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The shared {@link ClaimStoreContract} on a SQLite database in a temporary directory. */
class SqliteClaimStoreContractTest extends ClaimStoreContract {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @Override
  protected ClaimStore newStore() {
    return new SqliteClaimStore(databases.open());
  }
}
