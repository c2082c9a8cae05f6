package dev.confbot.benchmarks;

import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationRenderer;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.notify.PlannedNotification;
import dev.confbot.core.notify.RenderedMessage;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.ScheduleChange;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.InMemoryNotificationLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plans and renders the programme notifications of a generated 1,000-session schedule (5 days, 10
 * rooms, 20 slots a day, 30-minute sessions, realistic text lengths): the work the scheduler does
 * on each wake-up and the preview command does once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NotificationPlanningBenchmark {

  private static final ZoneId ZONE = ZoneId.of("Europe/Prague");
  private static final int DAYS = 5;
  private static final int ROOMS = 10;
  private static final int SLOTS = 20;

  private Schedule schedule = new Schedule("", ZONE, List.of());
  private Schedule moved = schedule;
  private NotificationPlanner planner = new NotificationPlanner(NotificationSettings.defaults());
  private NotificationRenderer renderer = new NotificationRenderer(NotificationSettings.defaults());
  private InMemoryNotificationLog halfSent = new InMemoryNotificationLog();
  private Instant midConference = Instant.EPOCH;

  /** Builds the schedule, settings with a channel per room, and a ledger holding half the plan. */
  @Setup
  public void setUp() {
    List<Session> sessions = new ArrayList<>();
    List<Session> shifted = new ArrayList<>();
    Map<String, String> channels = new HashMap<>();
    Map<String, Map<LocalDate, String>> streams = new HashMap<>();
    for (int room = 0; room < ROOMS; room++) {
      channels.put("Room " + room, "room-" + room);
      Map<LocalDate, String> perDay = new HashMap<>();
      for (int day = 0; day < DAYS; day++) {
        perDay.put(LocalDate.of(2023, 7, 17 + day), "https://youtube.example/live/" + room + day);
      }
      streams.put("Room " + room, perDay);
    }
    for (int day = 0; day < DAYS; day++) {
      for (int slot = 0; slot < SLOTS; slot++) {
        ZonedDateTime start =
            ZonedDateTime.of(2023, 7, 17 + day, 9, 0, 0, 0, ZONE).plusMinutes(30L * slot);
        for (int room = 0; room < ROOMS; room++) {
          Session session = session(day * 1000 + slot * ROOMS + room, start, room);
          sessions.add(session);
          shifted.add(slot % 7 == 0 ? shift(session) : session);
        }
      }
    }
    schedule = new Schedule("v1", ZONE, sessions);
    moved = new Schedule("v2", ZONE, shifted);
    NotificationSettings settings =
        NotificationSettings.defaults()
            .withRoomChannels(channels)
            .withLivestreams(streams)
            .withUrlTemplates(
                "https://ep2023.example/session/{code}/{slug}", "https://qa.example/{room}/{code}");
    planner = new NotificationPlanner(settings);
    renderer = new NotificationRenderer(settings);
    midConference = ZonedDateTime.of(2023, 7, 19, 12, 58, 0, 0, ZONE).toInstant();
    for (PlannedNotification n : planner.plan(schedule, Instant.EPOCH, midConference)) {
      n.keys().forEach(key -> halfSent.markSent(key, Instant.EPOCH));
    }
  }

  /** Every notification of the conference (the preview's plan). */
  @Benchmark
  public List<PlannedNotification> planWholeConference() {
    return planner.plan(schedule, Instant.EPOCH, Instant.MAX);
  }

  /** Plan and render every notification of the conference. */
  @Benchmark
  public int planAndRenderWholeConference() {
    int messages = 0;
    for (PlannedNotification n : planner.plan(schedule, Instant.EPOCH, Instant.MAX)) {
      List<RenderedMessage> rendered = renderer.render(n);
      messages += rendered.size();
    }
    return messages;
  }

  /** One scheduler wake-up mid-conference: what is due now and when to wake next. */
  @Benchmark
  public Optional<Instant> wakeUpMidConference() {
    List<PlannedNotification> due = planner.due(schedule, halfSent::isRecorded, midConference);
    for (PlannedNotification n : due) {
      renderer.render(n);
    }
    return planner.nextDueInstant(schedule, halfSent::isRecorded, midConference);
  }

  /** Diff two versions of the schedule (every seventh slot moved). */
  @Benchmark
  public List<ScheduleChange> diffSchedules() {
    return ScheduleChange.between(schedule, moved);
  }

  private static Session session(int number, ZonedDateTime start, int room) {
    String code = "S" + Integer.toString(number, 36).toUpperCase(Locale.ROOT);
    return new Session(
        code,
        "Session " + number + ": what's new in asyncio, typing and packaging",
        List.of("Speaker " + number, "Co-speaker " + number),
        ("An abstract of realistic length that describes the talk in some detail, with enough"
                + " words to be cut at a word boundary. ")
            .repeat(4),
        start,
        Duration.ofMinutes(30),
        new Room(Integer.toString(room), "Room " + room),
        "Track " + (number % 6),
        "Talk",
        number % 3 == 0 ? "beginner" : "intermediate",
        "en",
        "https://pretalx.example/talk/" + code,
        false);
  }

  private static Session shift(Session s) {
    return new Session(
        s.code(),
        s.title(),
        s.speakers(),
        s.abstractText(),
        s.start().plusMinutes(15),
        s.duration(),
        s.room(),
        s.track(),
        s.type(),
        s.level(),
        s.language(),
        s.url(),
        s.isBreak());
  }
}
