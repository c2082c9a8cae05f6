package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.PersonalData;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link PersonalData} over the tables that hold it: {@code claims}, {@code reminders} and {@code
 * failed_attempts} (keyed by {@code member_id}), {@code pending_restores} (members whose roles are
 * still to be restored after a rejoin: part of their claims, deleted with them), and the ticket
 * snapshot ({@code ticket_orders}, {@code ticket_positions} with attendee names, {@code
 * ticket_snapshot} with the sync cursor). Counting and deleting run in one transaction each. The
 * other tables ({@code notification_log}, {@code posted_jobs}, {@code schema_migrations}) hold no
 * personal data.
 *
 * <p>Deleting marks the pages free but leaves their bytes in the file until SQLite reuses them; a
 * purge therefore also runs {@code VACUUM} (outside the transaction), so the names are gone from
 * the file itself, not only from the tables.
 */
final class SqlitePersonalData implements PersonalData {
  private final SqliteDatabase database;

  @Inject
  SqlitePersonalData(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public Counts countOf(MemberId member) {
    return database.read(c -> memberCounts(c, member));
  }

  @Override
  public Counts forget(MemberId member) {
    Counts deleted =
        database.write(
            c -> {
              Map<Category, Integer> counts = new EnumMap<>(Category.class);
              counts.put(Category.CLAIMS, deleteOf(c, "claims", member));
              deleteOf(c, "pending_restores", member);
              counts.put(Category.REMINDERS, deleteOf(c, "reminders", member));
              counts.put(Category.FAILED_ATTEMPTS, deleteOf(c, "failed_attempts", member));
              return new Counts(counts);
            });
    return deleted;
  }

  @Override
  public Counts count() {
    return database.read(
        c -> {
          Map<Category, Integer> counts = new EnumMap<>(Category.class);
          counts.put(Category.CLAIMS, count(c, "claims"));
          counts.put(Category.REMINDERS, count(c, "reminders"));
          counts.put(Category.FAILED_ATTEMPTS, count(c, "failed_attempts"));
          counts.put(Category.TICKET_SNAPSHOT, count(c, "ticket_orders"));
          return new Counts(counts);
        });
  }

  @Override
  public Counts purge() {
    Counts deleted =
        database.write(
            c -> {
              Map<Category, Integer> counts = new EnumMap<>(Category.class);
              counts.put(Category.CLAIMS, Sql.update(c, "DELETE FROM claims", Sql.NO_PARAMETERS));
              Sql.update(c, "DELETE FROM pending_restores", Sql.NO_PARAMETERS);
              counts.put(
                  Category.REMINDERS, Sql.update(c, "DELETE FROM reminders", Sql.NO_PARAMETERS));
              counts.put(
                  Category.FAILED_ATTEMPTS,
                  Sql.update(c, "DELETE FROM failed_attempts", Sql.NO_PARAMETERS));
              Sql.update(c, "DELETE FROM ticket_positions", Sql.NO_PARAMETERS);
              counts.put(
                  Category.TICKET_SNAPSHOT,
                  Sql.update(c, "DELETE FROM ticket_orders", Sql.NO_PARAMETERS));
              Sql.update(c, "DELETE FROM ticket_snapshot", Sql.NO_PARAMETERS);
              return new Counts(counts);
            });
    database.vacuum();
    return deleted;
  }

  private static Counts memberCounts(Connection c, MemberId member) throws SQLException {
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    counts.put(Category.CLAIMS, countOf(c, "claims", member));
    counts.put(Category.REMINDERS, countOf(c, "reminders", member));
    counts.put(Category.FAILED_ATTEMPTS, countOf(c, "failed_attempts", member));
    return new Counts(counts);
  }

  /** {@code table} is one of the fixed names above, never input. */
  private static int countOf(Connection c, String table, MemberId member) throws SQLException {
    return Sql.queryFirst(
            c,
            "SELECT COUNT(*) FROM " + table + " WHERE member_id = ?",
            s -> s.setLong(1, member.value()),
            r -> r.getInt(1))
        .orElse(0);
  }

  private static int deleteOf(Connection c, String table, MemberId member) throws SQLException {
    return Sql.update(
        c, "DELETE FROM " + table + " WHERE member_id = ?", s -> s.setLong(1, member.value()));
  }

  private static int count(Connection c, String table) throws SQLException {
    return Sql.queryFirst(c, "SELECT COUNT(*) FROM " + table, Sql.NO_PARAMETERS, r -> r.getInt(1))
        .orElse(0);
  }
}
