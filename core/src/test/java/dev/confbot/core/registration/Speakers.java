package dev.confbot.core.registration;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.schedule.Speaker;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Test data: schedules with speakers, and positions with e-mail addresses. */
final class Speakers {
  static final ZoneId ZONE = ZoneId.of("Europe/Prague");
  private static final Room FORUM = new Room("1", "Forum Hall");

  private Speakers() {}

  /** A session in the given state (null: the source gives none) with these speakers. */
  static Session session(String code, @Nullable String state, Speaker... speakers) {
    return new Session(
        code,
        "Talk " + code,
        Arrays.stream(speakers).map(Speaker::name).toList(),
        "",
        ZonedDateTime.of(2026, 7, 14, 10, 0, 0, 0, ZONE),
        Duration.ofMinutes(30),
        FORUM,
        null,
        "Talk",
        null,
        null,
        null,
        false,
        List.of(speakers),
        state);
  }

  static Schedule schedule(Session... sessions) {
    return new Schedule("1", ZONE, List.of(sessions));
  }

  static Position position(String code, String name, String email, Product product) {
    return new Position(
        new PositionKey(new OrderCode(code), 1), product, List.of(), name, false, email);
  }

  static Order paid(Position position) {
    return new Order(position.key().order(), OrderStatus.PAID, false, List.of(position));
  }
}
