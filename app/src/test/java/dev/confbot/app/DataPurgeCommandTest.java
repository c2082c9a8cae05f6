package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.adapter.sqlite.SqliteSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot data purge} on a database with personal data: refused before the retention period
 * is over, deleting after it (or with {@code --now}), and only counting with {@code --dry-run}; the
 * tables are checked with a connection of the test's own. No tokens are needed.
 */
class DataPurgeCommandTest {
  private static final String BASE =
      "[discord]\nguild_id = 1120774557394014208\n\n"
          + "[pretix]\norganizer = \"pyconxx\"\nevent = \"2026\"\n\n"
          + "[schedule]\ntime_zone = \"Europe/Prague\"\n\n"
          + "[runtime]\ndata_dir = \"data\"\n";
  private static final List<String> PERSONAL =
      List.of(
          "claims",
          "reminders",
          "failed_attempts",
          "ticket_orders",
          "ticket_positions",
          "ticket_snapshot");

  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path directory;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void databaseWithPersonalData() throws SQLException {
    // the schema as the bot creates it
    try (SqliteDatabase bot = new SqliteDatabase(SqliteSettings.in(directory.resolve("data")))) {
      bot.start();
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO claims (order_code, position, member_id, reserved_at, confirmed_at) VALUES"
              + " ('TYJEL', 1, 1120000000000000001, '2026-07-13T09:00:00.000000000Z',"
              + " '2026-07-13T09:00:01.000000000Z'),"
              + " ('DLSSW', 1, 1120000000000000002, '2026-07-13T09:00:00.000000000Z', NULL)");
      s.executeUpdate(
          "INSERT INTO reminders (member_id, session_code, locale, created_at) VALUES"
              + " (1120000000000000001, 'KEY1', 'de', '2026-07-13T09:00:00.000000000Z')");
      s.executeUpdate(
          "INSERT INTO failed_attempts (member_id, at) VALUES"
              + " (1120000000000000003, '2026-07-13T09:00:00.000000000Z')");
      s.executeUpdate("INSERT INTO ticket_snapshot (id, cursor) VALUES (1, 'c1')");
      s.executeUpdate(
          "INSERT INTO ticket_orders (seq, code, status, test_mode) VALUES"
              + " (1, 'TYJEL', 'PAID', 0), (2, 'DLSSW', 'PAID', 0), (3, 'KKQEW', 'PAID', 0)");
      s.executeUpdate(
          "INSERT INTO ticket_positions (order_seq, position, addon_seq, item_id, item_name,"
              + " attendee_name, canceled) VALUES (1, 1, 0, 101, 'Business', 'Paula Larsen', 0),"
              + " (2, 1, 0, 101, 'Business', 'José Müller', 0), (3, 1, 0, 103, 'Student',"
              + " 'Đorđe Petrović', 0)");
      s.executeUpdate(
          "INSERT INTO notification_log (session_code, channel, start_at, state, recorded_at)"
              + " VALUES ('KEY1', 'programme', '2026-07-13T09:00:00.000000000Z', 'SENT',"
              + " '2026-07-13T08:55:00.000000000Z')");
    }
  }

  @Test
  void refusesBeforeTheRetentionPeriodIsOverAndDeletesNothing() throws Exception {
    // given
    writeConfig("[privacy]\nkeep_until = 2999-12-31\n");
    // when
    int exit = run("data", "purge");
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(err.toString())
        .contains(
            "confbot: the retention period is not over: personal data is kept until the end of"
                + " 2999-12-31 (privacy.keep_until), so it can be purged from 3000-01-01 00:00"
                + " Europe/Prague. Pass --now to delete it earlier.")
        .contains("Nothing was deleted; the database holds 7 items of personal data");
    assertThat(out.toString()).isEmpty();
    assertThat(rows("claims")).isEqualTo(2);
    assertThat(rows("ticket_positions")).isEqualTo(3);
  }

  @Test
  void refusesWithoutARetentionDateNamingTheKey() throws Exception {
    // given
    writeConfig("");
    // when
    int exit = run("data", "purge");
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(err.toString())
        .startsWith("confbot: privacy.keep_until is not set")
        .contains("pass --now");
    assertThat(rows("claims")).isEqualTo(2);
  }

  @Test
  void purgesOnceTheRetentionPeriodIsOverAndPrintsWhatItDeleted() throws Exception {
    // given
    writeConfig("[privacy]\nkeep_until = 2000-01-31\n");
    // when
    int exit = run("data", "purge");
    // then
    assertThat(err.toString()).isEmpty();
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Deleted from " + database() + ":")
        .contains(String.format("  %-36s %6d%n", "ticket claims", 2))
        .contains(String.format("  %-36s %6d%n", "session reminders", 1))
        .contains(String.format("  %-36s %6d%n", "failed registration attempts", 1))
        .contains(String.format("  %-36s %6d%n", "orders in the ticket snapshot", 3))
        .contains("Personal data purged.");
    for (String table : PERSONAL) {
      assertThat(rows(table)).as(table).isZero();
    }
    assertThat(rows("notification_log")).as("not personal data").isEqualTo(1);
    assertThat(new String(Files.readAllBytes(database()), StandardCharsets.UTF_8))
        .doesNotContain("Paula Larsen");
  }

  @Test
  void purgesEarlyWithNow() throws Exception {
    // given
    writeConfig("[privacy]\nkeep_until = 2999-12-31\n");
    // when
    int exit = run("data", "purge", "--now");
    // then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("(before the retention period was over, --now):")
        .contains(String.format("  %-36s %6d%n", "ticket claims", 2));
    for (String table : PERSONAL) {
      assertThat(rows(table)).as(table).isZero();
    }
  }

  @Test
  void aDryRunCountsAndDeletesNothing() throws Exception {
    // given: the period is over, so a real purge would delete
    writeConfig("[privacy]\nkeep_until = 2000-01-31\n");
    // when
    int exit = run("data", "purge", "--dry-run");
    // then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Personal data in " + database() + ":")
        .contains(String.format("  %-36s %6d%n", "ticket claims", 2))
        .contains(String.format("  %-36s %6d%n", "orders in the ticket snapshot", 3))
        .contains("Dry run: nothing was deleted.")
        .contains("The retention period is over (privacy.keep_until = 2000-01-31)");
    assertThat(rows("claims")).isEqualTo(2);
    assertThat(rows("reminders")).isEqualTo(1);
    assertThat(rows("failed_attempts")).isEqualTo(1);
    assertThat(rows("ticket_positions")).isEqualTo(3);
  }

  @Test
  void aDryRunBeforeTheDateSaysWhenThePurgeIsPossible() throws Exception {
    // given
    writeConfig("[privacy]\nkeep_until = 2999-12-31\n");
    // when
    int exit = run("data", "purge", "--dry-run", "--now");
    // then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("'confbot data purge' deletes it from 3000-01-01 00:00 Europe/Prague");
    assertThat(rows("claims")).isEqualTo(2);
  }

  @Test
  void reportsAnInvalidRetentionDateWithItsKey() throws Exception {
    // given
    writeConfig("[privacy]\nkeep_until = 30\n");
    // when
    int exit = run("data", "purge");
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(err.toString())
        .contains("privacy.keep_until: expected the last day personal data is kept");
    assertThat(rows("claims")).isEqualTo(2);
  }

  private void writeConfig(String privacy) throws IOException {
    Files.writeString(directory.resolve("config.toml"), BASE + "\n" + privacy);
  }

  private int run(String... args) {
    String[] full = new String[args.length + 2];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--config";
    full[args.length + 1] = directory.resolve("config.toml").toString();
    return Main.commandLine(Map.of())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(full);
  }

  private Path database() {
    return SqliteSettings.in(directory.resolve("data")).databaseFile().toAbsolutePath().normalize();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + database());
  }

  private int rows(String table) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getInt(1);
    }
  }
}
