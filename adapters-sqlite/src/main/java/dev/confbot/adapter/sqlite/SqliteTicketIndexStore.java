package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource.Snapshot;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link TicketIndexStore} as rows: one per order and one per position or add-on (add-ons carry
 * {@code addon_seq} 1..n under their position, which has 0). Saving replaces the whole snapshot in
 * one transaction; loading reads two ordered queries, fast enough for tens of thousands of tickets.
 */
final class SqliteTicketIndexStore implements TicketIndexStore {
  private final SqliteDatabase database;

  @Inject
  SqliteTicketIndexStore(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public Optional<Snapshot> load() {
    return database.read(
        c -> {
          Optional<String> cursor = cursor(c);
          if (cursor.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(new Snapshot(orders(c), cursor.get()));
        });
  }

  @Override
  public void save(Snapshot snapshot) {
    database.write(
        c -> {
          try (Statement clear = c.createStatement()) {
            clear.executeUpdate("DELETE FROM ticket_positions");
            clear.executeUpdate("DELETE FROM ticket_orders");
            clear.executeUpdate("DELETE FROM ticket_snapshot");
          }
          Sql.update(
              c,
              "INSERT INTO ticket_snapshot (id, cursor) VALUES (1, ?)",
              s -> s.setString(1, snapshot.cursor()));
          try (PreparedStatement orders =
                  c.prepareStatement(
                      "INSERT INTO ticket_orders (seq, code, status, test_mode)"
                          + " VALUES (?, ?, ?, ?)");
              PreparedStatement positions =
                  c.prepareStatement(
                      "INSERT INTO ticket_positions (order_seq, position, addon_seq, item_id,"
                          + " item_name, variation_id, variation_name, attendee_name, canceled,"
                          + " attendee_email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (Order order : snapshot.orders()) {
              seq++;
              orders.setInt(1, seq);
              orders.setString(2, order.code().value());
              orders.setString(3, order.status().name());
              orders.setInt(4, order.testMode() ? 1 : 0);
              orders.addBatch();
              for (Position position : order.positions()) {
                bindPosition(positions, seq, position.key().position(), 0, position.product());
                positions.setString(8, position.attendeeName());
                positions.setInt(9, position.canceled() ? 1 : 0);
                if (position.email().isEmpty()) {
                  positions.setNull(10, Types.VARCHAR);
                } else {
                  positions.setString(10, position.email());
                }
                positions.addBatch();
                int addOn = 0;
                for (Product product : position.addOns()) {
                  bindPosition(positions, seq, position.key().position(), ++addOn, product);
                  positions.setNull(8, Types.VARCHAR);
                  positions.setNull(9, Types.INTEGER);
                  positions.setNull(10, Types.VARCHAR);
                  positions.addBatch();
                }
              }
            }
            orders.executeBatch();
            positions.executeBatch();
          }
          return Boolean.TRUE;
        });
  }

  private static Optional<String> cursor(Connection c) throws SQLException {
    return Sql.queryFirst(
        c,
        "SELECT cursor FROM ticket_snapshot WHERE id = 1",
        Sql.NO_PARAMETERS,
        rows -> rows.getString(1));
  }

  private static List<Order> orders(Connection c) throws SQLException {
    List<OrderRow> orders =
        Sql.query(
            c,
            "SELECT seq, code, status, test_mode FROM ticket_orders ORDER BY seq",
            Sql.NO_PARAMETERS,
            rows ->
                new OrderRow(
                    rows.getInt(1),
                    new OrderCode(rows.getString(2)),
                    OrderStatus.valueOf(rows.getString(3)),
                    rows.getInt(4) != 0));
    List<Order> result = new ArrayList<>(orders.size());
    try (Statement query = c.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT order_seq, position, addon_seq, item_id, item_name, variation_id,"
                    + " variation_name, attendee_name, canceled, attendee_email FROM ticket_positions"
                    + " ORDER BY order_seq, position, addon_seq")) {
      boolean more = rows.next();
      for (OrderRow order : orders) {
        List<Position> positions = new ArrayList<>();
        while (more && rows.getInt(1) == order.seq()) {
          int number = rows.getInt(2);
          Product product = product(rows);
          String attendee = rows.getString(8);
          boolean canceled = rows.getInt(9) != 0;
          String email = rows.getString(10);
          List<Product> addOns = new ArrayList<>();
          more = rows.next();
          while (more
              && rows.getInt(1) == order.seq()
              && rows.getInt(2) == number
              && rows.getInt(3) > 0) {
            addOns.add(product(rows));
            more = rows.next();
          }
          positions.add(
              new Position(
                  new PositionKey(order.code(), number),
                  product,
                  addOns,
                  attendee == null ? "" : attendee,
                  canceled,
                  email == null ? "" : email));
        }
        result.add(new Order(order.code(), order.status(), order.testMode(), positions));
      }
    }
    return result;
  }

  private static Product product(ResultSet rows) throws SQLException {
    long variationId = rows.getLong(6);
    @Nullable Long variation = rows.wasNull() ? null : variationId;
    return new Product(rows.getLong(4), rows.getString(5), variation, rows.getString(7));
  }

  private static void bindPosition(
      PreparedStatement statement, int orderSeq, int position, int addOnSeq, Product product)
      throws SQLException {
    statement.setInt(1, orderSeq);
    statement.setInt(2, position);
    statement.setInt(3, addOnSeq);
    statement.setLong(4, product.itemId());
    statement.setString(5, product.itemName());
    Long variationId = product.variationId();
    if (variationId == null) {
      statement.setNull(6, Types.INTEGER);
    } else {
      statement.setLong(6, variationId);
    }
    statement.setString(7, product.variationName());
  }

  private record OrderRow(int seq, OrderCode code, OrderStatus status, boolean testMode) {}
}
