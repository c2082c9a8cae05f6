package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.port.GatewayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  private static int count(SqliteDatabase database, String sql) {
    return database
        .read(c -> Sql.queryFirst(c, sql, Sql.NO_PARAMETERS, rows -> rows.getInt(1)))
        .orElseThrow();
  }

  @Test
  void createsTheDataDirectoryAndAppliesEveryMigrationOnce() {
    // given
    Path nested = dataDir.resolve("state");
    SqliteSettings settings = SqliteSettings.in(nested);
    // when
    try (SqliteDatabase first = new SqliteDatabase(settings)) {
      first.start();
      first.start();
    }
    try (SqliteDatabase reopened = new SqliteDatabase(settings)) {
      // then
      assertThat(Files.exists(nested.resolve(SqliteSettings.FILE_NAME))).isTrue();
      assertThat(reopened.schemaVersion()).isEqualTo(SqliteMigrations.ALL.size());
      assertThat(count(reopened, "SELECT COUNT(*) FROM schema_migrations"))
          .isEqualTo(SqliteMigrations.ALL.size());
    }
  }

  @Test
  void usesWriteAheadLogging() {
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      String mode =
          database
              .read(
                  c ->
                      Sql.queryFirst(
                          c, "PRAGMA journal_mode", Sql.NO_PARAMETERS, rows -> rows.getString(1)))
              .orElseThrow();
      assertThat(mode).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void appliesOnlyTheMigrationsAddedLater() {
    // given
    Path file = dataDir.resolve("x.db");
    Migration one = new Migration(1, "a", List.of("CREATE TABLE a (x INTEGER)"));
    Migration two = new Migration(2, "b", List.of("CREATE TABLE b (y INTEGER)"));
    try (SqliteDatabase old = new SqliteDatabase(file, Duration.ofSeconds(5), List.of(one))) {
      old.start();
    }
    // when
    try (SqliteDatabase upgraded =
        new SqliteDatabase(file, Duration.ofSeconds(5), List.of(one, two))) {
      // then
      assertThat(upgraded.schemaVersion()).isEqualTo(2);
      assertThat(count(upgraded, "SELECT COUNT(*) FROM b")).isZero();
    }
  }

  @Test
  void rollsBackAFailedMigrationCompletely() {
    // given
    Path file = dataDir.resolve("x.db");
    Migration broken =
        new Migration(1, "broken", List.of("CREATE TABLE a (x INTEGER)", "NOT SQL AT ALL"));
    List<Migration> fixed = new ArrayList<>();
    fixed.add(new Migration(1, "fixed", List.of("CREATE TABLE a (x INTEGER)")));
    // when
    try (SqliteDatabase failing =
        new SqliteDatabase(file, Duration.ofSeconds(5), List.of(broken))) {
      assertThatThrownBy(failing::start).isInstanceOf(GatewayException.class);
    }
    // then
    try (SqliteDatabase retried = new SqliteDatabase(file, Duration.ofSeconds(5), fixed)) {
      assertThat(retried.schemaVersion()).isEqualTo(1);
    }
  }

  @Test
  void refusesADatabaseFromANewerConfbot() {
    // given
    Path file = dataDir.resolve("x.db");
    Migration one = new Migration(1, "a", List.of("CREATE TABLE a (x INTEGER)"));
    Migration two = new Migration(2, "b", List.of("CREATE TABLE b (y INTEGER)"));
    try (SqliteDatabase newer =
        new SqliteDatabase(file, Duration.ofSeconds(5), List.of(one, two))) {
      newer.start();
    }
    // when / then
    try (SqliteDatabase older = new SqliteDatabase(file, Duration.ofSeconds(5), List.of(one))) {
      assertThatThrownBy(older::start)
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("schema version 2");
    }
  }

  @Test
  void rejectsGapsInMigrationNumbers() {
    Migration three = new Migration(3, "c", List.of("SELECT 1"));
    assertThatThrownBy(
            () ->
                new SqliteDatabase(dataDir.resolve("x.db"), Duration.ofSeconds(1), List.of(three)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failsClearlyOnceClosed() {
    SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir));
    database.start();
    database.close();
    assertThatThrownBy(database::schemaVersion).hasMessageContaining("closed");
  }
}
