package dev.confbot.core.topics;

import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Test data: a small programme in Prague on 2026-07-13 (UTC+2). */
final class Programme {
  static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  static final Room FORUM = new Room("1", "Forum Hall");
  static final Room TERRACE = new Room("2", "Terrace 2A");
  static final Map<String, String> CHANNELS =
      Map.of("Forum Hall", "forum-hall", "Terrace 2A", "terrace-2a");

  private Programme() {}

  static ZonedDateTime at(String localTime) {
    return ZonedDateTime.of(LocalDateTime.parse("2026-07-13T" + localTime), PRAGUE);
  }

  static Instant instant(String localTime) {
    return at(localTime).toInstant();
  }

  static Session talk(String title, ZonedDateTime start, int minutes, Room room) {
    return session(title, start, minutes, room, false);
  }

  static Session session(
      String title, ZonedDateTime start, int minutes, Room room, boolean isBreak) {
    return new Session(
        title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
        title,
        List.of("Speaker"),
        "",
        start,
        Duration.ofMinutes(minutes),
        room,
        null,
        null,
        null,
        null,
        null,
        isBreak);
  }

  /** Forum Hall: keynote 09:00–10:00, break 10:00–10:30, two talks; Terrace: one talk at 11:00. */
  static Schedule day() {
    return new Schedule(
        "v1",
        PRAGUE,
        List.of(
            talk("Opening Keynote", at("09:00"), 60, FORUM),
            session("Coffee Break", at("10:00"), 30, FORUM, true),
            talk("Typing in Python", at("10:30"), 45, FORUM),
            talk("Async Patterns", at("11:30"), 30, FORUM),
            talk("Packaging Today", at("11:00"), 30, TERRACE),
            talk("Tomorrow's Talk", at("09:00").plusDays(1), 30, TERRACE)));
  }
}
