package dev.confbot.core.remind;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.schedule.Session;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How sessions appear in reminder texts: local day and time in the event's zone. */
final class ReminderFormat {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

  private final ZoneId zone;
  private final ReminderSettings settings;

  ReminderFormat(ZoneId zone, ReminderSettings settings) {
    this.zone = zone;
    this.settings = settings;
  }

  /** The placeholders of a session: title, room, day, time, zone, relative, minutes. */
  Map<String, String> values(Session session, TextBundle bundle) {
    ZonedDateTime start = session.start().withZoneSameInstant(zone);
    return Map.of(
        "title", session.title().strip(),
        "room", session.room().name(),
        "day", DAY.withLocale(bundle.locale()).format(start),
        "time", TIME.format(start),
        "zone", ZONE.format(start),
        "relative", "<t:" + start.toEpochSecond() + ":R>",
        "minutes", Long.toString(settings.leadMinutes()),
        "session", session.code());
  }

  /** The reminder direct message. */
  String reminder(Session session, TextBundle bundle) {
    return bundle.format(TextKeys.REMINDER_DM, values(session, bundle));
  }

  /** A list line: {@code • **Title** — Room, Wed 15 Jul 10:15}. */
  String line(Session session, TextBundle bundle) {
    Map<String, String> v = values(session, bundle);
    return "• **"
        + v.get("title")
        + "** — "
        + v.get("room")
        + ", "
        + v.get("day")
        + " "
        + v.get("time");
  }

  /** An autocomplete choice: {@code Title · Wed 15 Jul 10:15 · Room}, cut to 100 characters. */
  SessionChoice choice(Session session, TextBundle bundle) {
    Map<String, String> v = values(session, bundle);
    String suffix = " · " + v.get("day") + " " + v.get("time") + " · " + v.get("room");
    String title = v.get("title");
    if (title == null || title.isBlank()) {
      title = session.code();
    }
    int room = SessionChoice.MAX - suffix.length();
    String name;
    if (room < 20) {
      name = cut(title, SessionChoice.MAX);
    } else {
      name = cut(title, room) + suffix;
    }
    return new SessionChoice(name, session.code());
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
