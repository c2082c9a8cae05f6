package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.AttemptLog.Attempt;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.PersonalData;
import dev.confbot.core.port.PersonalData.Category;
import dev.confbot.core.port.PersonalData.Counts;
import dev.confbot.core.port.ReminderStore.Subscription;
import dev.confbot.core.port.TicketSource.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgetting a member and purging everything, checked by querying the tables directly (with a
 * connection of its own, as an auditor would) rather than through the stores.
 */
class SqlitePersonalDataTest {
  private static final Instant T0 = Instant.parse("2026-07-13T09:00:00Z");
  private static final MemberId ALICE = new MemberId(1120000000000000001L);
  private static final MemberId BOB = new MemberId(1120000000000000002L);
  private static final OrderCode ALICE_ORDER = new OrderCode("TYJEL");
  private static final OrderCode BOB_ORDER = new OrderCode("DLSSW");
  private static final String ALICE_NAME = "Paula Larsen";
  private static final String BOB_NAME = "José Müller-Lüdenscheidt";

  /** Every table of the schema that holds personal data, and those that hold none. */
  private static final List<String> PERSONAL =
      List.of(
          "claims",
          "pending_restores",
          "reminders",
          "failed_attempts",
          "ticket_orders",
          "ticket_positions",
          "ticket_snapshot");

  private static final List<String> NOT_PERSONAL =
      List.of("notification_log", "posted_jobs", "schema_migrations");

  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @RegisterExtension final SqliteDatabases databases = new SqliteDatabases(() -> dataDir);

  @SuppressWarnings("NullAway.Init")
  private SqliteDatabase database;

  @SuppressWarnings("NullAway.Init")
  private PersonalData data;

  @BeforeEach
  void storeDataOfTwoMembers() {
    database = databases.open();
    data = new SqlitePersonalData(database);
    SqliteClaimStore claims = new SqliteClaimStore(database);
    SqliteReminderStore reminders = new SqliteReminderStore(database);
    SqliteAttemptLog attempts = new SqliteAttemptLog(database);
    for (MemberId member : List.of(ALICE, BOB)) {
      PositionKey key = new PositionKey(member.equals(ALICE) ? ALICE_ORDER : BOB_ORDER, 1);
      claims.reserve(key, member, T0);
      claims.confirm(key, member, T0);
      reminders.subscribe(new Subscription(member, "KEY1", Locale.GERMAN, T0));
      attempts.record(new Attempt(member, T0));
      new SqlitePendingRestores(database).add(member, T0);
    }
    reminders.subscribe(new Subscription(ALICE, "TLK2", Locale.GERMAN, T0));
    attempts.record(new Attempt(ALICE, T0.plusSeconds(1)));
    attempts.record(new Attempt(ALICE, T0.plusSeconds(2)));
    new SqliteTicketIndexStore(database)
        .save(
            new Snapshot(
                List.of(order(ALICE_ORDER, ALICE_NAME), order(BOB_ORDER, BOB_NAME)), "cursor-1"));
    new SqliteNotificationLog(database)
        .markSent(new NotificationLog.Key("KEY1", "programme", T0), T0);
  }

  private static Order order(OrderCode code, String name) {
    return new Order(
        code,
        OrderStatus.PAID,
        false,
        List.of(
            new Position(
                new PositionKey(code, 1),
                Product.item(101, "Business"),
                List.of(Product.item(108, "Tutorial day")),
                name,
                false)));
  }

  @Test
  void everyTableIsClassifiedAsPersonalOrNot() throws SQLException {
    // then: a new table must be added to PersonalData (and docs/privacy.md) or to NOT_PERSONAL
    List<String> all = new ArrayList<>(PERSONAL);
    all.addAll(NOT_PERSONAL);
    assertThat(tables()).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void countsWhatIsKeptPerMemberAndInTotal() {
    // when
    Counts alice = data.countOf(ALICE);
    Counts total = data.count();
    // then
    assertThat(alice)
        .isEqualTo(
            new Counts(
                Map.of(Category.CLAIMS, 1, Category.REMINDERS, 2, Category.FAILED_ATTEMPTS, 3)));
    assertThat(total)
        .isEqualTo(
            new Counts(
                Map.of(
                    Category.CLAIMS, 2,
                    Category.REMINDERS, 3,
                    Category.FAILED_ATTEMPTS, 4,
                    Category.TICKET_SNAPSHOT, 2)));
  }

  @Test
  void forgettingAMemberDeletesEveryRowKeyedToThemAndNothingElse() throws SQLException {
    // when
    Counts deleted = data.forget(ALICE);
    // then
    assertThat(deleted)
        .isEqualTo(
            new Counts(
                Map.of(Category.CLAIMS, 1, Category.REMINDERS, 2, Category.FAILED_ATTEMPTS, 3)));
    for (String table : List.of("claims", "pending_restores", "reminders", "failed_attempts")) {
      assertThat(rows("SELECT COUNT(*) FROM " + table + " WHERE member_id = " + ALICE.value()))
          .as(table)
          .isZero();
      assertThat(rows("SELECT COUNT(*) FROM " + table + " WHERE member_id = " + BOB.value()))
          .as(table)
          .isEqualTo(1);
    }
    assertThat(rows("SELECT COUNT(*) FROM ticket_orders")).isEqualTo(2);
    assertThat(data.countOf(ALICE).total()).isZero();
    assertThat(data.forget(ALICE)).isEqualTo(Counts.none());
  }

  @Test
  void purgingDeletesAllPersonalDataAndKeepsTheRest() throws SQLException {
    // when
    Counts deleted = data.purge();
    // then
    assertThat(deleted)
        .isEqualTo(
            new Counts(
                Map.of(
                    Category.CLAIMS, 2,
                    Category.REMINDERS, 3,
                    Category.FAILED_ATTEMPTS, 4,
                    Category.TICKET_SNAPSHOT, 2)));
    for (String table : PERSONAL) {
      assertThat(rows("SELECT COUNT(*) FROM " + table)).as(table).isZero();
    }
    assertThat(rows("SELECT COUNT(*) FROM notification_log")).isEqualTo(1);
    assertThat(new SqliteTicketIndexStore(database).load()).isEmpty();
    assertThat(data.count()).isEqualTo(Counts.none());
  }

  @Test
  void afterAPurgeNoAttendeeNameIsLeftInTheDatabaseFiles() throws IOException {
    // given: the names are in the files before
    assertThat(fileText()).contains(ALICE_NAME);
    // when
    data.purge();
    // then
    assertThat(fileText()).doesNotContain(ALICE_NAME).doesNotContain(BOB_NAME);
  }

  @Test
  void theBotStartsAgainOnAPurgedDatabase() {
    // given
    data.purge();
    database.close();
    // when
    SqliteDatabase reopened = databases.open();
    // then
    assertThat(new SqliteClaimStore(reopened).all()).isEmpty();
    assertThat(new SqlitePersonalData(reopened).count().total()).isZero();
  }

  /** The database file and its write-ahead log, as text (names are stored as UTF-8). */
  private String fileText() throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path file : files.toList()) {
        text.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = connect();
        Statement statement = c.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite_%'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private int rows(String countQuery) throws SQLException {
    try (Connection c = connect();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery(countQuery)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + SqliteSettings.in(dataDir).databaseFile().toAbsolutePath());
  }
}
