package dev.confbot.adapter.pretalx;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import okio.Buffer;

/**
 * Realistic synthetic schedules of any size for parser, planner and benchmark tests (shipped in
 * this module's test-jar). Talks of 25 minutes start every 30 minutes from 09:00 Europe/Berlin in
 * {@link #ROOMS} rooms, 20 per room and day, from 2025-04-22 on; the REST shape adds one coffee
 * break per room and day at 08:30 (not counted in {@code sessions}). The same seed gives the same
 * text.
 */
public final class ScheduleGenerator {

  /** Rooms per day. */
  public static final int ROOMS = 10;

  /** Talks per room and day. */
  public static final int SLOTS_PER_DAY = 20;

  /** The event zone of generated schedules. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final LocalDate FIRST_DAY = LocalDate.of(2025, 4, 22);
  private static final LocalTime FIRST_TALK = LocalTime.of(9, 0);
  private static final Duration TALK = Duration.ofMinutes(25);
  private static final List<String> WORDS =
      List.of(
          "async",
          "typing",
          "pandas",
          "packaging",
          "testing",
          "Rust",
          "WebAssembly",
          "Django",
          "data",
          "pipelines",
          "security",
          "performance",
          "GIL",
          "free-threaded",
          "notebooks",
          "education",
          "community",
          "APIs",
          "observability",
          "machine learning");
  private static final List<String> TYPES = List.of("Talk", "Talk", "Talk", "Tutorial", "Keynote");
  private static final List<String> TRACKS =
      List.of("Python Language & Ecosystem", "PyData", "Web", "DevOps", "Community");
  private static final List<String> LEVELS = List.of("Beginner", "Intermediate", "Advanced");

  private ScheduleGenerator() {}

  /** The day count needed for {@code sessions} talks. */
  public static int days(int sessions) {
    return (sessions + ROOMS * SLOTS_PER_DAY - 1) / (ROOMS * SLOTS_PER_DAY);
  }

  /** A REST schedule in the expanded ({@code expand=slots,…}) shape. */
  public static String restExpanded(int sessions, long seed) {
    Random random = new Random(seed);
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("id").value(1);
      json.name("version").value("bench-" + seed);
      json.name("published").value("2025-04-01T12:00:00+02:00");
      json.name("slots").beginArray();
      int slotId = 1;
      for (int day = 0; day < days(sessions); day++) {
        for (int room = 0; room < ROOMS; room++) {
          ZonedDateTime coffee =
              ZonedDateTime.of(FIRST_DAY.plusDays(day), LocalTime.of(8, 30), ZONE);
          json.beginObject();
          json.name("id").value(slotId++);
          room(json, room);
          times(json, coffee, Duration.ofMinutes(15));
          json.name("submission").nullValue();
          json.name("description").beginObject().name("en").value("Coffee Break").endObject();
          json.endObject();
        }
      }
      for (int index = 0; index < sessions; index++) {
        json.beginObject();
        json.name("id").value(slotId++);
        room(json, roomOf(index));
        times(json, startOf(index), TALK);
        json.name("submission").beginObject();
        json.name("code").value(code(index));
        json.name("title").value(title(random));
        json.name("speakers").beginArray();
        for (int speaker = 0; speaker <= random.nextInt(3); speaker++) {
          json.beginObject();
          json.name("code").value("SP" + index + "X" + speaker);
          json.name("name").value("Speaker " + index + "-" + speaker);
          json.name("biography").value("");
          json.name("avatar_url").nullValue();
          json.endObject();
        }
        json.endArray();
        json.name("submission_type").beginObject().name("id").value(1);
        json.name("name").beginObject().name("en").value(pick(random, TYPES)).endObject();
        json.endObject();
        json.name("track").beginObject().name("id").value(2);
        json.name("name").beginObject().name("en").value(pick(random, TRACKS)).endObject();
        json.endObject();
        json.name("state").value("confirmed");
        json.name("abstract").value(abstractText(random));
        json.name("duration").value(TALK.toMinutes());
        json.name("content_locale").value("en");
        json.name("answers").beginArray().beginObject();
        json.name("question").beginObject().name("id").value(7);
        json.name("question").beginObject().name("en").value("Expected audience level");
        json.endObject().endObject();
        json.name("answer").value(pick(random, LEVELS));
        json.endObject().endArray();
        json.endObject();
        json.endObject();
      }
      json.endArray();
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /** A frab export ({@code schedule.json}) with the same talks as {@link #restExpanded}. */
  public static String frab(int sessions, long seed) {
    Random random = new Random(seed);
    Buffer buffer = new Buffer();
    try (JsonWriter json = JsonWriter.of(buffer)) {
      json.beginObject();
      json.name("$schema").value("https://c3voc.de/schedule/schema.json");
      json.name("schedule").beginObject();
      json.name("version").value("bench-" + seed);
      json.name("conference").beginObject();
      json.name("acronym").value("bench");
      json.name("title").value("Benchmark Conference");
      json.name("time_zone_name").value(ZONE.getId());
      json.name("rooms").beginArray();
      for (int room = 0; room < ROOMS; room++) {
        json.beginObject().name("name").value(roomName(room));
        json.name("guid").value("00000000-0000-4000-8000-00000000000" + room).endObject();
      }
      json.endArray();
      json.name("days").beginArray();
      for (int day = 0; day < days(sessions); day++) {
        json.beginObject();
        json.name("index").value(day + 1);
        json.name("date").value(FIRST_DAY.plusDays(day).toString());
        json.name("rooms").beginObject();
        for (int room = 0; room < ROOMS; room++) {
          json.name(roomName(room)).beginArray();
          for (int slot = 0; slot < SLOTS_PER_DAY; slot++) {
            int index = (day * ROOMS + room) * SLOTS_PER_DAY + slot;
            if (index < sessions) {
              frabTalk(json, index, random);
            }
          }
          json.endArray();
        }
        json.endObject();
        json.endObject();
      }
      json.endArray();
      json.endObject();
      json.endObject();
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  private static void frabTalk(JsonWriter json, int index, Random random) throws IOException {
    ZonedDateTime start = startOf(index);
    json.beginObject();
    json.name("guid").value("10000000-0000-4000-8000-" + String.format("%012d", index));
    json.name("code").value(code(index));
    json.name("id").value(index + 1);
    json.name("date").value(start.toOffsetDateTime().toString());
    json.name("start").value(start.toLocalTime().toString());
    json.name("duration").value("00:25");
    json.name("room").value(roomName(roomOf(index)));
    json.name("url").value("https://pretalx.example.org/bench/talk/" + code(index) + "/");
    json.name("title").value(title(random));
    json.name("subtitle").value("");
    json.name("track").value(pick(random, TRACKS));
    json.name("type").value(pick(random, TYPES));
    json.name("language").value("en");
    json.name("abstract").value(abstractText(random));
    json.name("persons").beginArray();
    json.beginObject().name("code").value("SP" + index);
    json.name("public_name").value("Speaker " + index).endObject();
    json.endArray();
    json.endObject();
  }

  /** The code of the talk with the given index: {@code T00000}, {@code T00001}… */
  public static String code(int index) {
    return String.format("T%05d", index);
  }

  /** Talk {@code index} runs in room {@code (index / SLOTS_PER_DAY) % ROOMS}. */
  static int roomOf(int index) {
    return (index / SLOTS_PER_DAY) % ROOMS;
  }

  /** The start of talk {@code index}. */
  static ZonedDateTime startOf(int index) {
    int day = index / (ROOMS * SLOTS_PER_DAY);
    int slot = index % SLOTS_PER_DAY;
    return ZonedDateTime.of(FIRST_DAY.plusDays(day), FIRST_TALK, ZONE).plusMinutes(30L * slot);
  }

  private static String roomName(int room) {
    return room == 0 ? "Forum Hall" : "Room " + (char) ('A' + room - 1);
  }

  private static void room(JsonWriter json, int room) throws IOException {
    json.name("room").beginObject();
    json.name("id").value(100 + room);
    json.name("name").beginObject().name("en").value(roomName(room)).endObject();
    json.endObject();
  }

  private static void times(JsonWriter json, ZonedDateTime start, Duration duration)
      throws IOException {
    DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    json.name("start").value(iso.format(start));
    json.name("end").value(iso.format(start.plus(duration)));
    json.name("duration").value(duration.toMinutes());
  }

  private static String title(Random random) {
    return pick(random, WORDS) + " and " + pick(random, WORDS) + ": lessons from production";
  }

  private static String abstractText(Random random) {
    StringBuilder text = new StringBuilder();
    while (text.length() < 400) {
      text.append(pick(random, WORDS)).append(' ');
    }
    return text.toString().strip() + '.';
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
