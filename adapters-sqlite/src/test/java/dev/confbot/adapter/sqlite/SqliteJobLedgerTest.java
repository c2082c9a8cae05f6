package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.PostedJob;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.JobLedgerContract;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobLedgerTest extends JobLedgerContract {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00.123Z");
  private static final PostedJob PYLADIES =
      new PostedJob(
          JobKey.of("PyLadies e.V.", "Mentor", URI.create("https://pyladies.example/jobs/7")),
          "PyLadies e.V.",
          "Mentor",
          T0);

  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @Override
  protected JobLedger newLedger() {
    return new SqliteJobLedger(databases.open());
  }

  @Test
  void keepsPostingsAcrossARestart() {
    // given
    SqliteDatabase database = databases.open();
    new SqliteJobLedger(database).record(PYLADIES);
    database.close();
    // when
    JobLedger after = new SqliteJobLedger(databases.open());
    after.record(new PostedJob(PYLADIES.key(), "PyLadies e.V.", "Mentor", T0.plusSeconds(86_400)));
    // then
    assertThat(after.find(PYLADIES.key())).contains(PYLADIES);
    assertThat(after.all()).containsExactly(PYLADIES);
  }
}
