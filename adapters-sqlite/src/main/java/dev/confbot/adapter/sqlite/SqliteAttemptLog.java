package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.AttemptLog;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * {@link AttemptLog} in the {@code failed_attempts} table: one row per failed registration attempt
 * (member id, fixed-width ISO-8601 UTC time), so the per-account limit survives a restart.
 */
final class SqliteAttemptLog implements AttemptLog {
  private final SqliteDatabase database;

  @Inject
  SqliteAttemptLog(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public void record(Attempt attempt) {
    database.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO failed_attempts (member_id, at) VALUES (?, ?)",
                s -> {
                  s.setLong(1, attempt.member().value());
                  s.setString(2, SqliteTime.format(attempt.at()));
                }));
  }

  @Override
  public List<Attempt> since(Instant after) {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT member_id, at FROM failed_attempts WHERE at > ? ORDER BY at, member_id",
                s -> s.setString(1, SqliteTime.format(after)),
                r -> new Attempt(new MemberId(r.getLong(1)), SqliteTime.parse(r.getString(2)))));
  }

  @Override
  public int forgetBefore(Instant cutoff) {
    return database.write(
        c ->
            Sql.update(
                c,
                "DELETE FROM failed_attempts WHERE at < ?",
                s -> s.setString(1, SqliteTime.format(cutoff))));
  }
}
