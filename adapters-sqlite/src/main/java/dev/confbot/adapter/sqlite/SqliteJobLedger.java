package dev.confbot.adapter.sqlite;

import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.PostedJob;
import dev.confbot.core.port.JobLedger;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link JobLedger} in the {@code posted_jobs} table, keyed by the {@link JobKey} hex value.
 * Recording uses {@code INSERT OR IGNORE}, so the first posting (and its time) is kept even when
 * two threads or processes record one offer at once.
 */
final class SqliteJobLedger implements JobLedger {
  private static final String COLUMNS = "job_key, company, title, posted_at";

  private final SqliteDatabase database;

  @Inject
  SqliteJobLedger(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public Optional<PostedJob> find(JobKey key) {
    return database.read(
        c ->
            Sql.queryFirst(
                c,
                "SELECT " + COLUMNS + " FROM posted_jobs WHERE job_key = ?",
                s -> s.setString(1, key.value()),
                SqliteJobLedger::posting));
  }

  @Override
  public void record(PostedJob posted) {
    database.write(
        c ->
            Sql.update(
                c,
                "INSERT OR IGNORE INTO posted_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?)",
                s -> {
                  s.setString(1, posted.key().value());
                  s.setString(2, posted.company());
                  s.setString(3, posted.title());
                  s.setString(4, SqliteTime.format(posted.postedAt()));
                }));
  }

  /** Every posting, oldest first (ties by key, as the in-memory ledger). */
  @Override
  public List<PostedJob> all() {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT " + COLUMNS + " FROM posted_jobs ORDER BY posted_at, job_key",
                Sql.NO_PARAMETERS,
                SqliteJobLedger::posting));
  }

  private static PostedJob posting(ResultSet rows) throws SQLException {
    return new PostedJob(
        new JobKey(rows.getString(1)),
        rows.getString(2),
        rows.getString(3),
        SqliteTime.parse(rows.getString(4)));
  }
}
