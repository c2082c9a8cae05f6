package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClaimStore} in the {@code claims} table. The primary key (order code, position) makes a
 * position claimable once; every change runs in a {@code BEGIN IMMEDIATE} transaction, so two
 * threads or two processes reserving one position cannot both win. {@link Claim#at()} is the
 * confirmation time of a confirmed claim and the reservation time of an unconfirmed one.
 */
final class SqliteClaimStore implements ClaimStore {
  private static final Logger log = LoggerFactory.getLogger(SqliteClaimStore.class);
  private static final String COLUMNS =
      "order_code, position, member_id, reserved_at, confirmed_at";

  private final SqliteDatabase database;

  @Inject
  SqliteClaimStore(SqliteDatabase database) {
    this.database = database;
  }

  @Override
  public Reservation reserve(PositionKey position, MemberId member, Instant now) {
    return database.write(
        c -> {
          int inserted =
              Sql.update(
                  c,
                  "INSERT INTO claims (order_code, position, member_id, reserved_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (order_code, position) DO NOTHING",
                  s -> {
                    bindKey(s, position);
                    s.setLong(3, member.value());
                    s.setString(4, SqliteTime.format(now));
                  });
          if (inserted == 1) {
            return Reservation.RESERVED;
          }
          Optional<Claim> existing = find(c, position);
          return existing.isPresent() && existing.get().member().equals(member)
              ? Reservation.ALREADY_HELD
              : Reservation.HELD_BY_OTHER;
        });
  }

  /**
   * Confirms the member's reservation (keeping the first confirmation time when called again). A
   * reservation released meanwhile stays released, and a position another member holds is left
   * alone (a warning is logged): a release between reserve and confirm wins.
   */
  @Override
  public boolean confirm(PositionKey position, MemberId member, Instant now) {
    Optional<Claim> after =
        database.write(
            c -> {
              Sql.update(
                  c,
                  "UPDATE claims SET confirmed_at = ? WHERE order_code = ? AND position = ?"
                      + " AND member_id = ? AND confirmed_at IS NULL",
                  s -> {
                    s.setString(1, SqliteTime.format(now));
                    s.setString(2, position.order().value());
                    s.setInt(3, position.position());
                    s.setLong(4, member.value());
                  });
              return find(c, position);
            });
    boolean confirmed =
        after.isPresent() && after.get().member().equals(member) && after.get().confirmed();
    if (!confirmed) {
      log.warn(
          "Not confirming position {} for member {}: {}",
          position,
          member.value(),
          after.isPresent() ? "another member holds it" : "it was released meanwhile");
    }
    return confirmed;
  }

  @Override
  public Optional<Claim> release(PositionKey position) {
    return database.write(
        c -> {
          Optional<Claim> existing = find(c, position);
          if (existing.isPresent()) {
            Sql.update(
                c,
                "DELETE FROM claims WHERE order_code = ? AND position = ?",
                s -> bindKey(s, position));
          }
          return existing;
        });
  }

  @Override
  public Optional<Claim> claimOf(PositionKey position) {
    return database.read(c -> find(c, position));
  }

  @Override
  public List<Claim> claimsOf(MemberId member) {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM claims WHERE member_id = ? AND confirmed_at IS NOT NULL"
                    + " ORDER BY order_code, position",
                s -> s.setLong(1, member.value()),
                SqliteClaimStore::claim));
  }

  @Override
  public List<Claim> all() {
    return database.read(
        c ->
            Sql.query(
                c,
                "SELECT " + COLUMNS + " FROM claims ORDER BY order_code, position",
                Sql.NO_PARAMETERS,
                SqliteClaimStore::claim));
  }

  private static Optional<Claim> find(Connection c, PositionKey position) throws SQLException {
    return Sql.queryFirst(
        c,
        "SELECT " + COLUMNS + " FROM claims WHERE order_code = ? AND position = ?",
        s -> bindKey(s, position),
        SqliteClaimStore::claim);
  }

  private static Claim claim(ResultSet rows) throws SQLException {
    String confirmedAt = rows.getString(5);
    return new Claim(
        new PositionKey(new OrderCode(rows.getString(1)), rows.getInt(2)),
        new MemberId(rows.getLong(3)),
        SqliteTime.parse(confirmedAt == null ? rows.getString(4) : confirmedAt),
        confirmedAt != null);
  }

  private static void bindKey(PreparedStatement statement, PositionKey position)
      throws SQLException {
    statement.setString(1, position.order().value());
    statement.setInt(2, position.position());
  }
}
