package dev.confbot.adapter.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One prepared statement at a time for the stores: prepare, bind, run, map the rows, close. Runs on
 * the connection it is given, inside the caller's {@link SqliteDatabase} transaction.
 */
final class Sql {
  /** Binds nothing, for statements without parameters. */
  static final Binder NO_PARAMETERS = statement -> {};

  /** Sets a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Turns the result set's current row into a value. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private Sql() {}

  /** Every row the query returns, mapped, in the query's order; an unmodifiable list. */
  static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      binder.bind(statement);
      List<T> found = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(mapper.map(rows));
        }
      }
      return List.copyOf(found);
    }
  }

  /** The first row the query returns, mapped; empty if it returns none. */
  static <T> Optional<T> queryFirst(Connection c, String sql, Binder binder, RowMapper<T> mapper)
      throws SQLException {
    List<T> found = query(c, sql, binder, mapper);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Runs an {@code INSERT}, {@code UPDATE} or {@code DELETE}; the number of rows it changed. */
  static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      binder.bind(statement);
      return statement.executeUpdate();
    }
  }
}
