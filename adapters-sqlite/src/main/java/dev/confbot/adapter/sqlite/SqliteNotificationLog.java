package dev.confbot.adapter.sqlite;

import dev.confbot.core.port.NotificationLog;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link NotificationLog} in the {@code notification_log} table, keyed by (session code, channel,
 * start instant); instants are fixed-width ISO-8601 UTC text (see {@link SqliteTime}). {@link
 * #markSending} is a single {@code INSERT … ON CONFLICT DO NOTHING} in a {@code BEGIN IMMEDIATE}
 * transaction, so of two threads or processes claiming one key exactly one wins. {@link Entry#at()}
 * is when the current state was recorded.
 */
final class SqliteNotificationLog implements NotificationLog {
  private static final String COLUMNS = "session_code, channel, start_at, state, recorded_at";

  private final SqliteDatabase database;

  @Inject
  SqliteNotificationLog(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public boolean markSending(Key key, Instant now) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "INSERT INTO notification_log ("
                        + COLUMNS
                        + ") VALUES (?, ?, ?, 'SENDING', ?)"
                        + " ON CONFLICT (session_code, channel, start_at) DO NOTHING",
                    s -> bindKeyAndTime(s, key, now))
                == 1);
  }

  /** Inserts the key as {@code SENT}, or moves it there, recording {@code now} as its time. */
  @Override
  public void markSent(Key key, Instant now) {
    database.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO notification_log ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, 'SENT', ?)"
                    + " ON CONFLICT (session_code, channel, start_at) DO UPDATE"
                    + " SET state = excluded.state, recorded_at = excluded.recorded_at",
                s -> bindKeyAndTime(s, key, now)));
  }

  @Override
  public void clearSending(Key key) {
    database.write(
        c ->
            Sql.update(
                c,
                "DELETE FROM notification_log WHERE session_code = ? AND channel = ?"
                    + " AND start_at = ? AND state = 'SENDING'",
                s -> bindKey(s, key)));
  }

  @Override
  public Optional<Entry> entry(Key key) {
    return database.read(
        c ->
            Sql.queryFirst(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM notification_log"
                    + " WHERE session_code = ? AND channel = ? AND start_at = ?",
                s -> bindKey(s, key),
                SqliteNotificationLog::logEntry));
  }

  /** The entries in the state, oldest record first (then by session code, channel and start). */
  @Override
  public List<Entry> entries(State state) {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM notification_log WHERE state = ?"
                    + " ORDER BY recorded_at, session_code, channel, start_at",
                s -> s.setString(1, state.name()),
                SqliteNotificationLog::logEntry));
  }

  private static Entry logEntry(ResultSet rows) throws SQLException {
    return new Entry(
        new Key(rows.getString(1), rows.getString(2), SqliteTime.parse(rows.getString(3))),
        State.valueOf(rows.getString(4)),
        SqliteTime.parse(rows.getString(5)));
  }

  private static void bindKey(PreparedStatement statement, Key key) throws SQLException {
    statement.setString(1, key.sessionCode());
    statement.setString(2, key.channel());
    statement.setString(3, SqliteTime.format(key.start()));
  }

  private static void bindKeyAndTime(PreparedStatement statement, Key key, Instant recordedAt)
      throws SQLException {
    bindKey(statement, key);
    statement.setString(4, SqliteTime.format(recordedAt));
  }
}
