package dev.confbot.core.remind;

import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** Test data: a small programme in Paris on 15 July 2026 (CEST, UTC+2). */
final class Programme {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  static final LocalDate DAY = LocalDate.of(2026, 7, 15);
  static final Room HALL = new Room("1", "Forum Hall");
  static final Room TERRACE = new Room("2", "Terrace 2A");

  static final Session KEYNOTE = session("KEY", "Opening keynote", 9, 0, HALL);
  static final Session CAFE = session("CAFE", "Café-Driven Development", 10, 15, HALL);
  static final Session ASYNC = session("ASY", "Async all the way", 11, 15, TERRACE);
  static final Session LUNCH =
      new Session(
          "break-1",
          "Lunch",
          List.of(),
          "",
          ZonedDateTime.of(DAY.atTime(12, 30), PARIS),
          Duration.ofMinutes(60),
          HALL,
          null,
          null,
          null,
          null,
          null,
          true);

  static final Schedule SCHEDULE = new Schedule("v1", PARIS, List.of(KEYNOTE, CAFE, ASYNC, LUNCH));

  private Programme() {}

  static ZonedDateTime at(int hour, int minute) {
    return ZonedDateTime.of(DAY.atTime(hour, minute), PARIS);
  }

  static Session session(String code, String title, int hour, int minute, Room room) {
    return new Session(
        code,
        title,
        List.of("Speaker " + code),
        "",
        at(hour, minute),
        Duration.ofMinutes(30),
        room,
        null,
        "Talk",
        null,
        "en",
        null,
        false);
  }

  static Session moved(Session session, int hour, int minute) {
    return new Session(
        session.code(),
        session.title(),
        session.speakers(),
        session.abstractText(),
        at(hour, minute),
        session.duration(),
        session.room(),
        session.track(),
        session.type(),
        session.level(),
        session.language(),
        session.url(),
        session.isBreak());
  }
}
