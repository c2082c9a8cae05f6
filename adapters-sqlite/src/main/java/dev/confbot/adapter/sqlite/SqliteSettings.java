package dev.confbot.adapter.sqlite;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database lives and how long a writer waits for another one (thread or process).
 *
 * @param dataDirectory confbot's data directory; the database is {@code confbot.db} inside it
 * @param busyTimeout how long a statement waits for a lock held by another connection
 */
public record SqliteSettings(Path dataDirectory, Duration busyTimeout) {
  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "confbot.db";

  public SqliteSettings {
    if (busyTimeout.isNegative() || busyTimeout.isZero()) {
      throw new IllegalArgumentException("busy timeout must be positive, was " + busyTimeout);
    }
  }

  /** Settings with a 10 s busy timeout. */
  public static SqliteSettings in(Path dataDirectory) {
    return new SqliteSettings(dataDirectory, Duration.ofSeconds(10));
  }

  /** The database file. */
  public Path databaseFile() {
    return dataDirectory.resolve(FILE_NAME);
  }
}
