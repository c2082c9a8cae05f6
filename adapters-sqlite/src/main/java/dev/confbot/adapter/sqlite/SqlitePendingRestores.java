package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.PendingRestores;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * {@link PendingRestores} in the {@code pending_restores} table: one row per member whose roles
 * could not be given back on rejoining (member id, fixed-width ISO-8601 UTC time of the first
 * failure).
 */
final class SqlitePendingRestores implements PendingRestores {
  private final SqliteDatabase database;

  @Inject
  SqlitePendingRestores(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public boolean add(MemberId member, Instant since) {
    return database.write(
            c ->
                Sql.update(
                    c,
                    "INSERT INTO pending_restores (member_id, since) VALUES (?, ?)"
                        + " ON CONFLICT (member_id) DO NOTHING",
                    s -> {
                      s.setLong(1, member.value());
                      s.setString(2, SqliteTime.format(since));
                    }))
        == 1;
  }

  @Override
  public void remove(MemberId member) {
    database.write(
        c ->
            Sql.update(
                c,
                "DELETE FROM pending_restores WHERE member_id = ?",
                s -> s.setLong(1, member.value())));
  }

  @Override
  public List<MemberId> members() {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT member_id FROM pending_restores ORDER BY since, member_id",
                s -> {},
                r -> new MemberId(r.getLong(1))));
  }
}
