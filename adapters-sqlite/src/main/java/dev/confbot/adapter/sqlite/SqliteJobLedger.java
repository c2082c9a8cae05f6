package dev.confbot.adapter.sqlite;

import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.JobLedger;
import dev.confbot.core.jobs.PostedJob;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        c -> {
          try (PreparedStatement query =
              c.prepareStatement("SELECT " + COLUMNS + " FROM posted_jobs WHERE job_key = ?")) {
            query.setString(1, key.value());
            List<PostedJob> found = postings(query);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
          }
        });
  }

  @Override
  public void record(PostedJob posted) {
    database.write(
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO posted_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
            insert.setString(1, posted.key().value());
            insert.setString(2, posted.company());
            insert.setString(3, posted.title());
            insert.setString(4, SqliteTime.format(posted.postedAt()));
            return insert.executeUpdate();
          }
        });
  }

  /** Every posting, oldest first (ties by key, as the in-memory ledger). */
  @Override
  public List<PostedJob> all() {
    return database.read(
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM posted_jobs ORDER BY posted_at, job_key")) {
            return postings(query);
          }
        });
  }

  private static List<PostedJob> postings(PreparedStatement query) throws SQLException {
    List<PostedJob> postings = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        postings.add(
            new PostedJob(
                new JobKey(rows.getString(1)),
                rows.getString(2),
                rows.getString(3),
                SqliteTime.parse(rows.getString(4))));
      }
    }
    return List.copyOf(postings);
  }
}
