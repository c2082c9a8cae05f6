package dev.confbot.core.notify;

import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** Test data: sessions and schedules. */
final class Sessions {

  static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  static final Room FORUM = new Room("1", "Forum Hall");
  static final Room TERRACE = new Room("2", "Terrace 2A");
  static final Room SOUTH = new Room("3", "South Hall 2B");

  private Sessions() {}

  static ZonedDateTime at(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PRAGUE);
  }

  static Session talk(String code, ZonedDateTime start, Room room) {
    return new Session(
        code,
        "Talk " + code,
        List.of("Speaker " + code),
        "Abstract of " + code,
        start,
        Duration.ofMinutes(30),
        room,
        "Python internals",
        "Talk",
        "intermediate",
        "en",
        "https://ep.example/talk/" + code,
        false);
  }

  static Session coffeeBreak(ZonedDateTime start, Room room) {
    return new Session(
        "break-" + room.id() + "-" + start.toEpochSecond(),
        "Coffee Break",
        List.of(),
        "",
        start,
        Duration.ofMinutes(15),
        room,
        null,
        null,
        null,
        null,
        null,
        true);
  }

  static Session withType(Session s, String type) {
    return new Session(
        s.code(),
        s.title(),
        s.speakers(),
        s.abstractText(),
        s.start(),
        s.duration(),
        s.room(),
        s.track(),
        type,
        s.level(),
        s.language(),
        s.url(),
        s.isBreak());
  }

  static Session movedTo(Session s, ZonedDateTime start, Room room) {
    return new Session(
        s.code(),
        s.title(),
        s.speakers(),
        s.abstractText(),
        start,
        s.duration(),
        room,
        s.track(),
        s.type(),
        s.level(),
        s.language(),
        s.url(),
        s.isBreak());
  }

  /** The session with another title and speakers, same time and room. */
  static Session retitled(Session s, String title, List<String> speakers) {
    return new Session(
        s.code(),
        title,
        speakers,
        s.abstractText(),
        s.start(),
        s.duration(),
        s.room(),
        s.track(),
        s.type(),
        s.level(),
        s.language(),
        s.url(),
        s.isBreak());
  }

  static Schedule schedule(Session... sessions) {
    return new Schedule("v1", PRAGUE, Arrays.asList(sessions));
  }

  static Schedule schedule(ZoneId zone, List<Session> sessions) {
    return new Schedule("v1", zone, sessions);
  }
}
