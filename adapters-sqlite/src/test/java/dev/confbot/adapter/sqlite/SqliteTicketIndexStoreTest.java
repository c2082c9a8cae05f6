package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.TicketSource.Snapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTicketIndexStoreTest {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  private static final OrderCode GROUP = new OrderCode("MWM3A");
  private static final Order GROUP_ORDER =
      new Order(
          GROUP,
          OrderStatus.PAID,
          false,
          List.of(
              new Position(
                  new PositionKey(GROUP, 1),
                  Product.item(101, "Business"),
                  List.of(Product.item(108, "Tutorial day"), new Product(110, "Dinner", 7L, "Veg")),
                  "Ingrid Bergström",
                  false,
                  "ingrid@example.org"),
              new Position(
                  new PositionKey(GROUP, 2),
                  new Product(106, "Sponsor", 1061L, "Gold"),
                  List.of(),
                  "",
                  true)));
  private static final Order TEST_ORDER =
      new Order(
          new OrderCode("V0JT3"),
          OrderStatus.CANCELED,
          true,
          List.of(
              new Position(
                  new PositionKey(new OrderCode("V0JT3"), 1),
                  Product.item(101, "Business"),
                  List.of(),
                  "Tina Testmode",
                  false)));
  private static final Order EMPTY_ORDER =
      new Order(new OrderCode("EMPTY"), OrderStatus.EXPIRED, false, List.of());

  private SqliteTicketIndexStore store(SqliteDatabase database) {
    return new SqliteTicketIndexStore(database);
  }

  @Test
  void hasNoSnapshotBeforeTheFirstSave() {
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      assertThat(store(database).load()).isEmpty();
    }
  }

  @Test
  void roundTripsASnapshotAcrossARestart() {
    // given
    Snapshot snapshot =
        new Snapshot(List.of(GROUP_ORDER, TEST_ORDER, EMPTY_ORDER), "2026-03-01T08:00:00+00:00");
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      store(database).save(snapshot);
    }
    // when
    try (SqliteDatabase reopened = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      // then
      assertThat(store(reopened).load()).contains(snapshot);
    }
  }

  @Test
  void replacesTheEarlierSnapshot() {
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      // given
      SqliteTicketIndexStore store = store(database);
      store.save(new Snapshot(List.of(GROUP_ORDER, TEST_ORDER), "one"));
      // when
      store.save(new Snapshot(List.of(EMPTY_ORDER), "two"));
      // then
      assertThat(store.load()).contains(new Snapshot(List.of(EMPTY_ORDER), "two"));
    }
  }

  @Test
  void roundTripsTwentyThousandTickets() {
    // given
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      OrderCode code = new OrderCode(String.format("T%05d", i));
      orders.add(
          new Order(
              code,
              i % 7 == 0 ? OrderStatus.PENDING : OrderStatus.PAID,
              false,
              List.of(
                  new Position(
                      new PositionKey(code, 1),
                      Product.item(101, "Business"),
                      List.of(Product.item(108, "Tutorial day")),
                      "Attendee " + i,
                      false),
                  new Position(
                      new PositionKey(code, 2),
                      new Product(107, "Volunteer", 1071L, "On-site"),
                      List.of(),
                      "Guest " + i,
                      i % 13 == 0))));
    }
    Snapshot snapshot = new Snapshot(orders, "cursor");
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      // when
      store(database).save(snapshot);
      // then
      assertThat(store(database).load()).contains(snapshot);
    }
  }
}
