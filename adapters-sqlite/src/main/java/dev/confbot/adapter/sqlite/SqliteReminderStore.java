package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.ReminderStore;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@link ReminderStore} in the {@code reminders} table, keyed by (member id, session code); a
 * reminder is pending while {@code sent_at} is null. {@link #markSent} is one {@code UPDATE … WHERE
 * sent_at IS NULL} in a {@code BEGIN IMMEDIATE} transaction, so of two threads or processes exactly
 * one wins. Locales are stored as language tags, instants as fixed-width ISO-8601 UTC text.
 */
final class SqliteReminderStore implements ReminderStore {
  private static final String COLUMNS = "member_id, session_code, locale, created_at";
  private static final String PENDING_ORDER = " ORDER BY session_code, created_at, member_id";

  private final SqliteDatabase database;

  @Inject
  SqliteReminderStore(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public boolean subscribe(Subscription subscription) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "INSERT INTO reminders ("
                        + COLUMNS
                        + ") VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (member_id, session_code) DO NOTHING",
                    s -> {
                      s.setLong(1, subscription.member().value());
                      s.setString(2, subscription.sessionCode());
                      s.setString(3, subscription.locale().toLanguageTag());
                      s.setString(4, SqliteTime.format(subscription.created()));
                    })
                == 1);
  }

  @Override
  public List<Subscription> byMember(MemberId member) {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM reminders WHERE member_id = ? AND sent_at IS NULL"
                    + " ORDER BY created_at, session_code",
                s -> s.setLong(1, member.value()),
                SqliteReminderStore::subscription));
  }

  @Override
  public boolean remove(MemberId member, String sessionCode) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "DELETE FROM reminders WHERE member_id = ? AND session_code = ?",
                    s -> bindKey(s, 1, member, sessionCode))
                == 1);
  }

  @Override
  public List<Subscription> pendingFor(String sessionCode) {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM reminders WHERE session_code = ? AND sent_at IS NULL"
                    + PENDING_ORDER,
                s -> s.setString(1, sessionCode),
                SqliteReminderStore::subscription));
  }

  @Override
  public List<Subscription> pending() {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT " + COLUMNS + " FROM reminders WHERE sent_at IS NULL" + PENDING_ORDER,
                Sql.NO_PARAMETERS,
                SqliteReminderStore::subscription));
  }

  @Override
  public boolean markSent(MemberId member, String sessionCode, Instant at) {
    return database.write(
        c ->
            Sql.update(
                    c,
                    "UPDATE reminders SET sent_at = ?"
                        + " WHERE member_id = ? AND session_code = ? AND sent_at IS NULL",
                    s -> {
                      s.setString(1, SqliteTime.format(at));
                      bindKey(s, 2, member, sessionCode);
                    })
                == 1);
  }

  @Override
  public void clearSent(MemberId member, String sessionCode) {
    database.write(
        c ->
            Sql.update(
                c,
                "UPDATE reminders SET sent_at = NULL WHERE member_id = ? AND session_code = ?",
                s -> bindKey(s, 1, member, sessionCode)));
  }

  private static Subscription subscription(ResultSet rows) throws SQLException {
    return new Subscription(
        new MemberId(rows.getLong(1)),
        rows.getString(2),
        Locale.forLanguageTag(rows.getString(3)),
        SqliteTime.parse(rows.getString(4)));
  }

  /** Binds the (member id, session code) key to the parameters from {@code first} on. */
  private static void bindKey(
      PreparedStatement statement, int first, MemberId member, String sessionCode)
      throws SQLException {
    statement.setLong(first, member.value());
    statement.setString(first + 1, sessionCode);
  }
}
