package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.ReminderStore;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO reminders ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?)"
                      + " ON CONFLICT (member_id, session_code) DO NOTHING")) {
            insert.setLong(1, subscription.member().value());
            insert.setString(2, subscription.sessionCode());
            insert.setString(3, subscription.locale().toLanguageTag());
            insert.setString(4, SqliteTime.format(subscription.created()));
            return insert.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Subscription> byMember(MemberId member) {
    return database.read(
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM reminders WHERE member_id = ? AND sent_at IS NULL"
                      + " ORDER BY created_at, session_code")) {
            query.setLong(1, member.value());
            return subscriptions(query);
          }
        });
  }

  @Override
  public boolean remove(MemberId member, String sessionCode) {
    return database.write(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM reminders WHERE member_id = ? AND session_code = ?")) {
            delete.setLong(1, member.value());
            delete.setString(2, sessionCode);
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Subscription> pendingFor(String sessionCode) {
    return database.read(
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM reminders WHERE session_code = ? AND sent_at IS NULL"
                      + PENDING_ORDER)) {
            query.setString(1, sessionCode);
            return subscriptions(query);
          }
        });
  }

  @Override
  public List<Subscription> pending() {
    return database.read(
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM reminders WHERE sent_at IS NULL" + PENDING_ORDER)) {
            return subscriptions(query);
          }
        });
  }

  @Override
  public boolean markSent(MemberId member, String sessionCode, Instant at) {
    return database.write(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE reminders SET sent_at = ?"
                      + " WHERE member_id = ? AND session_code = ? AND sent_at IS NULL")) {
            update.setString(1, SqliteTime.format(at));
            update.setLong(2, member.value());
            update.setString(3, sessionCode);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void clearSent(MemberId member, String sessionCode) {
    database.write(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE reminders SET sent_at = NULL WHERE member_id = ? AND session_code = ?")) {
            update.setLong(1, member.value());
            update.setString(2, sessionCode);
            return update.executeUpdate();
          }
        });
  }

  private static List<Subscription> subscriptions(PreparedStatement query) throws SQLException {
    List<Subscription> found = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        found.add(
            new Subscription(
                new MemberId(rows.getLong(1)),
                rows.getString(2),
                Locale.forLanguageTag(rows.getString(3)),
                SqliteTime.parse(rows.getString(4))));
      }
    }
    return List.copyOf(found);
  }
}
