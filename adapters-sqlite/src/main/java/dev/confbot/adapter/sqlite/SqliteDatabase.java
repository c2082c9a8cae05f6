package dev.confbot.adapter.sqlite;

import dev.confbot.core.port.GatewayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * confbot's SQLite database file: WAL journal, a busy timeout for waiting on other connections, and
 * one connection per instance used by one thread at a time (so one writer per process; other
 * processes are kept in line by SQLite's file locks, every write being a {@code BEGIN IMMEDIATE}
 * transaction). Opened and migrated by {@link #start()} or lazily on first use; the constructor
 * does no I/O. Failures surface as {@link GatewayException} with system {@code "sqlite"}.
 */
public final class SqliteDatabase implements AutoCloseable {
  static final String SYSTEM = "sqlite";
  private static final int SQLITE_BUSY = 5;
  private static final long MAX_BUSY_PAUSE_MILLIS = 50;

  private static final Logger log = LoggerFactory.getLogger(SqliteDatabase.class);

  /** Work on the connection; may throw {@link SQLException}. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Duration busyTimeout;
  private final List<Migration> migrations;
  private final ReentrantLock lock = new ReentrantLock();
  private @Nullable Connection connection;
  private boolean closed;

  /** A database in the settings' data directory with {@link SqliteMigrations#ALL}. */
  public SqliteDatabase(SqliteSettings settings) {
    this(settings.databaseFile(), settings.busyTimeout(), SqliteMigrations.ALL);
  }

  SqliteDatabase(Path file, Duration busyTimeout, List<Migration> migrations) {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException(
            "migrations must be numbered 1.." + migrations.size() + " in order");
      }
    }
    this.file = file;
    this.busyTimeout = busyTimeout;
    this.migrations = List.copyOf(migrations);
  }

  /**
   * Opens the file (creating the data directory and database if needed) and applies pending
   * migrations. Idempotent; safe when several processes start at once.
   */
  public void start() {
    read(connection -> Boolean.TRUE);
  }

  /** The highest applied migration version. */
  public int schemaVersion() {
    return read(SqliteDatabase::appliedVersion);
  }

  /** Runs read-only work in a read transaction (one consistent view of the database). */
  <T> T read(SqlWork<T> work) {
    return transaction("BEGIN DEFERRED", "read", work);
  }

  /**
   * Runs work in a {@code BEGIN IMMEDIATE} transaction: it holds the database's write lock from the
   * start, so check-then-write sequences are atomic across threads and processes. Commits if the
   * work returns, rolls back if it throws.
   */
  <T> T write(SqlWork<T> work) {
    return transaction("BEGIN IMMEDIATE", "write", work);
  }

  /**
   * Runs the work in a transaction, again after a short pause when SQLite answers {@code
   * SQLITE_BUSY} without waiting. In WAL mode it does so, despite the busy timeout, while another
   * connection recovers the journal or cleans up after the last close — for example when two
   * processes open a new database at the same moment. The transaction was rolled back, so running
   * the work again is safe.
   */
  private <T> T transaction(String begin, String what, SqlWork<T> work) {
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return inTransaction(connection(), begin, work);
        } catch (SQLException e) {
          if (!isBusy(e) || attempt >= busyRetries()) {
            throw new GatewayException(
                SYSTEM, "database " + what + " failed: " + e.getMessage(), e);
          }
          log.debug("Database busy (attempt {}), trying again: {}", attempt, e.getMessage());
          pause(attempt);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private int busyRetries() {
    return (int) Math.max(3, busyTimeout.toMillis() / MAX_BUSY_PAUSE_MILLIS);
  }

  private static boolean isBusy(SQLException e) {
    return e instanceof SQLiteException
        && (((SQLiteException) e).getResultCode().code & 0xff) == SQLITE_BUSY;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(MAX_BUSY_PAUSE_MILLIS, 5L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(SYSTEM, "interrupted while the database was busy", e);
    }
  }

  /**
   * Rebuilds the file without free pages and empties the write-ahead log, so rows deleted before
   * (personal data after a purge) leave no bytes behind in the database files. Runs outside any
   * transaction; waits for other connections up to the busy timeout.
   */
  public void vacuum() {
    lock.lock();
    try (Statement statement = connection().createStatement()) {
      statement.execute("VACUUM");
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw new GatewayException(SYSTEM, "database vacuum failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /** Closes the connection; later calls fail. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (connection != null) {
        connection.close();
        connection = null;
      }
    } catch (SQLException e) {
      throw new GatewayException(SYSTEM, "closing the database failed", e);
    } finally {
      lock.unlock();
    }
  }

  private Connection connection() throws SQLException {
    if (closed) {
      throw new GatewayException(SYSTEM, "the database is closed", null);
    }
    Connection open = connection;
    if (open != null) {
      return open;
    }
    Path directory = file.toAbsolutePath().getParent();
    try {
      if (directory != null) {
        Files.createDirectories(directory);
      }
    } catch (IOException e) {
      throw new GatewayException(SYSTEM, "cannot create the data directory " + directory, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    config.enforceForeignKeys(true);
    Connection created = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try {
      // deleted rows (forgotten members' claims, reminders) are overwritten, not left in free pages
      try (Statement statement = created.createStatement()) {
        statement.execute("PRAGMA secure_delete = ON");
      }
      migrate(created);
    } catch (SQLException | RuntimeException e) {
      created.close();
      throw e;
    }
    connection = created;
    return created;
  }

  private void migrate(Connection c) throws SQLException {
    inTransaction(
        c,
        "BEGIN IMMEDIATE",
        tx -> {
          try (Statement statement = tx.createStatement()) {
            statement.executeUpdate(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    + " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
          }
          int applied = appliedVersion(tx);
          if (applied > migrations.size()) {
            throw new GatewayException(
                SYSTEM,
                "the database at "
                    + file
                    + " has schema version "
                    + applied
                    + ", newer than this confbot knows ("
                    + migrations.size()
                    + "); upgrade confbot",
                null);
          }
          for (Migration migration : migrations.subList(applied, migrations.size())) {
            try (Statement statement = tx.createStatement()) {
              for (String sql : migration.statements()) {
                statement.executeUpdate(sql);
              }
            }
            try (PreparedStatement insert =
                tx.prepareStatement(
                    "INSERT INTO schema_migrations (version, name, applied_at)"
                        + " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")) {
              insert.setInt(1, migration.version());
              insert.setString(2, migration.name());
              insert.executeUpdate();
            }
            log.info("Applied database migration {} ({})", migration.version(), migration.name());
          }
          return Boolean.TRUE;
        });
  }

  private static int appliedVersion(Connection c) throws SQLException {
    try (Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static <T> T inTransaction(Connection c, String begin, SqlWork<T> work)
      throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(begin);
    }
    boolean committed = false;
    try {
      T result = work.run(c);
      try (Statement statement = c.createStatement()) {
        statement.execute("COMMIT");
      }
      committed = true;
      return result;
    } finally {
      if (!committed) {
        try (Statement statement = c.createStatement()) {
          statement.execute("ROLLBACK");
        } catch (SQLException rollbackFailed) {
          log.warn("Rollback failed: {}", rollbackFailed.getMessage());
        }
      }
    }
  }
}
