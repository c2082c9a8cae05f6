package dev.confbot.adapter.pretalx;

import dev.confbot.core.schedule.Room;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the pretalx frab export: {@code schedule.conference.days[].rooms} is an object keyed by
 * room name whose values are talk lists. A talk's {@code date} is the local start with the event's
 * offset; {@code start} is the local {@code HH:MM} (before 03:00 it belongs to the next calendar
 * day); {@code duration} is {@code HH:MM} or {@code D:HH:MM}. The export has no breaks.
 */
final class FrabMapper {

  /** Talks that start before this local time are listed under the previous day. */
  private static final LocalTime DAY_CHANGE = LocalTime.of(3, 0);

  private final ParseContext context;

  FrabMapper(ParseContext context) {
    this.context = context;
  }

  /** True when the payload is a frab export. */
  static boolean matches(JsonValue root) {
    return root.get("schedule").get("conference").isObject();
  }

  /** The event zone named by {@code time_zone_name}, when present and valid. */
  Optional<ZoneId> zone(JsonValue root) {
    Optional<String> name =
        context.text(root.get("schedule").get("conference").get("time_zone_name"));
    if (name.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(name.get()));
    } catch (DateTimeException e) {
      context.warn("unknown time_zone_name '" + name.get() + "' ignored");
      return Optional.empty();
    }
  }

  List<SlotDraft> read(JsonValue root, @Nullable ZoneId zone) {
    JsonValue conference = root.get("schedule").get("conference");
    Map<String, String> roomIds = new HashMap<>();
    for (JsonValue room : conference.get("rooms").elements()) {
      Optional<String> name = context.text(room.get("name"));
      Optional<String> guid = context.text(room.get("guid"));
      if (name.isPresent() && guid.isPresent()) {
        roomIds.put(name.get(), guid.get());
      }
    }
    List<SlotDraft> drafts = new ArrayList<>();
    for (JsonValue day : conference.get("days").elements()) {
      @Nullable LocalDate date = localDate(day.get("date")).orElse(null);
      for (Map.Entry<String, JsonValue> room : day.get("rooms").members()) {
        for (JsonValue talk : room.getValue().elements()) {
          talk(talk, room.getKey(), date, zone, roomIds).ifPresent(drafts::add);
        }
      }
    }
    return drafts;
  }

  private Optional<SlotDraft> talk(
      JsonValue talk,
      String roomKey,
      @Nullable LocalDate day,
      @Nullable ZoneId zone,
      Map<String, String> roomIds) {
    Optional<String> code = context.text(talk.get("code")).or(() -> context.text(talk.get("guid")));
    code = code.or(() -> context.text(talk.get("id")));
    if (code.isEmpty()) {
      context.warn("talk in room " + roomKey + " skipped: no code, guid or id");
      return Optional.empty();
    }
    String roomName = context.text(talk.get("room")).orElse(roomKey);
    Optional<OffsetDateTime> start = ParseContext.dateTime(talk.get("date"));
    if (start.isEmpty()) {
      start = localStart(day, talk.get("start"), zone);
    }
    if (start.isEmpty() || roomName.isBlank()) {
      context.warn("talk " + code.get() + " skipped: no start or room");
      return Optional.empty();
    }
    Duration duration = duration(talk, start.get(), code.get());
    List<String> speakers = new ArrayList<>();
    for (JsonValue person : talk.get("persons").elements()) {
      context
          .text(person.get("public_name"))
          .or(() -> context.text(person.get("name")))
          .ifPresent(speakers::add);
    }
    Room room = new Room(roomIds.getOrDefault(roomName, roomName), roomName);
    return Optional.of(
        new SlotDraft(
            code.get(),
            context.text(talk.get("title")).orElse(code.get()),
            speakers,
            context.text(talk.get("abstract")).orElse(""),
            start.get(),
            duration,
            room,
            context.name(talk.get("track")).orElse(null),
            context.name(talk.get("type")).orElse(null),
            context.level(talk).orElse(null),
            context.text(talk.get("language")).orElse(null),
            context.link(talk.get("url"), code.get()).orElse(null),
            false));
  }

  /** The start from the day's date and a local {@code HH:MM}, for talks without {@code date}. */
  private static Optional<OffsetDateTime> localStart(
      @Nullable LocalDate day, JsonValue start, @Nullable ZoneId zone) {
    Optional<String> text = start.text("");
    if (day == null || text.isEmpty() || zone == null) {
      return Optional.empty();
    }
    try {
      LocalTime time = LocalTime.parse(text.get());
      LocalDate date = time.isBefore(DAY_CHANGE) ? day.plusDays(1) : day;
      return Optional.of(ZonedDateTime.of(date, time, zone).toOffsetDateTime());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private Duration duration(JsonValue talk, OffsetDateTime start, String code) {
    Optional<Duration> parsed =
        context.text(talk.get("duration")).flatMap(FrabMapper::frabDuration);
    if (parsed.isPresent()) {
      return parsed.get();
    }
    Optional<Duration> byEnd =
        ParseContext.dateTime(talk.get("end")).flatMap(end -> ParseContext.between(start, end));
    if (byEnd.isPresent()) {
      return byEnd.get();
    }
    context.warn("talk " + code + ": no valid duration, taken as 0 minutes");
    return Duration.ZERO;
  }

  /** Parses {@code HH:MM} or {@code D:HH:MM} (pretalx's {@code serialize_duration}). */
  static Optional<Duration> frabDuration(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      return Optional.empty();
    }
    try {
      long days = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
      long hours = Long.parseLong(parts[parts.length - 2]);
      long minutes = Long.parseLong(parts[parts.length - 1]);
      if (days < 0 || hours < 0 || minutes < 0 || minutes > 59) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> localDate(JsonValue value) {
    Optional<String> text = value.text("");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.get()));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
