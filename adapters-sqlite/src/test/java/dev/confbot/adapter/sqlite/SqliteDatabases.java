package dev.confbot.adapter.sqlite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens {@link SqliteDatabase}s on the test's data directory (usually its {@code @TempDir}) and
 * closes every one after each test. Register it with {@code @RegisterExtension}; databases on one
 * directory share its file, as two bot processes would.
 */
final class SqliteDatabases implements AfterEachCallback {
  private final Supplier<Path> dataDir;
  private final List<SqliteDatabase> opened = new ArrayList<>();

  /** The directory is asked for on each {@link #open()}, once JUnit has created it. */
  SqliteDatabases(Supplier<Path> dataDir) {
    this.dataDir = dataDir;
  }

  /** A new database (own connection) on the data directory's file, closed after the test. */
  SqliteDatabase open() {
    SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir.get()));
    opened.add(database);
    return database;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    opened.forEach(SqliteDatabase::close);
    opened.clear();
  }
}
