package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /now} and {@code /next} through real JDA against fake-discord, on a small hand-built
 * schedule (Paris time, 15 July 2026) with the clock fixed at 09:45 local time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeCommandsEndToEndTest {
  private static final TextBundle ENGLISH = Texts.bundled().forLanguage(Language.ENGLISH);
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate DAY = LocalDate.of(2026, 7, 15);
  private static final Room HALL = new Room("1", "Forum Hall");
  private static final Room TERRACE = new Room("2", "Terrace 2A");
  private static final String HALL_STREAM = "https://stream.example.org/forum-hall/1";
  private static final Schedule SCHEDULE =
      new Schedule(
          "v1",
          PARIS,
          List.of(
              session("KEY", "Opening keynote", 9, 0, 60, HALL),
              session("WS1", "Packaging workshop", 9, 30, 90, TERRACE),
              session("T2", "Typing in practice", 10, 15, 30, HALL),
              session("T3", "Async all the way", 11, 15, 45, TERRACE)));

  private final AtomicReference<Optional<Schedule>> schedule =
      new AtomicReference<>(Optional.of(SCHEDULE));
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(50));
  private Conference conference;

  @BeforeAll
  void start() {
    ProgrammeCommands commands = commandsAt(9, 45);
    conference = new Conference(3, ProgrammeCommands.commands(), List.of(commands));
    conference.start();
  }

  @AfterAll
  void stop() {
    conference.close();
    workers.shutdownNow();
  }

  @Test
  void registersNowAndNextForEveryone() {
    // then
    assertThat(conference.fake.commands()).containsKeys("now", "next");
  }

  @Test
  void nowListsTheSessionsRunningWithTheirRoomsTimesAndLivestream() {
    // when
    String answer = run("now", Map.of());
    // then
    assertThat(answer)
        .isEqualTo(
            "**Now**\n"
                + "• **Opening keynote** — Forum Hall, 09:00–10:00 · Livestream: <"
                + HALL_STREAM
                + ">\n"
                + "• **Packaging workshop** — Terrace 2A, 09:30–11:00");
  }

  @Test
  void nextListsTheNextSessionOfEachRoom() {
    // when
    String answer = run("next", Map.of());
    // then
    assertThat(answer)
        .isEqualTo(
            "**Next**\n"
                + "• **Typing in practice** — Forum Hall, Wed 15 Jul 10:15–10:45 · Livestream: <"
                + HALL_STREAM
                + ">\n"
                + "• **Async all the way** — Terrace 2A, Wed 15 Jul 11:15–12:00");
  }

  @Test
  void answersInTheMembersLocale() {
    // when
    String answer = run("next", Map.of("room", "Forum Hall"), "fr");
    // then
    assertThat(answer)
        .isEqualTo(
            "**Ensuite** dans Forum Hall\n"
                + "• **Typing in practice** — Forum Hall, mer. 15 juil. 10:15–10:45"
                + " · Diffusion en direct: <"
                + HALL_STREAM
                + ">");
  }

  @Test
  void nowForOneRoomIgnoresCaseAndShowsOnlyThatRoom() {
    // when
    String answer = run("now", Map.of("room", "terrace 2a"));
    // then
    assertThat(answer)
        .isEqualTo("**Now** in Terrace 2A\n• **Packaging workshop** — Terrace 2A, 09:30–11:00");
  }

  @Test
  void unknownRoomIsAnsweredWithTheRoomsThereAre() {
    // when
    String answer = run("next", Map.of("room", "Kitchen"));
    // then
    assertThat(answer)
        .isEqualTo(
            "There is no room called “Kitchen” in the programme. Rooms: Forum Hall, Terrace 2A.");
  }

  @Test
  void withoutScheduleSaysTheProgrammeIsNotAvailable() {
    // given
    schedule.set(Optional.empty());
    try {
      // when
      String answer = run("now", Map.of());
      // then
      assertThat(answer)
          .isEqualTo("The programme is not available yet. Please try again in a few minutes.");
    } finally {
      schedule.set(Optional.of(SCHEDULE));
    }
  }

  @Test
  void betweenSessionsNothingIsRunningInTheRoom() {
    // given 10:05: the keynote is over, the next talk starts at 10:15
    ProgrammeCommands commands = commandsAt(10, 5);
    // when
    String answer = commands.answer(true, Optional.of("Forum Hall"), ENGLISH);
    // then
    assertThat(answer).isEqualTo("Nothing is running in Forum Hall right now. Try `/next`.");
  }

  @Test
  void afterTheLastSessionNothingIsNext() {
    // given
    ProgrammeCommands commands = commandsAt(12, 0);
    // when
    String now = commands.answer(true, Optional.empty(), ENGLISH);
    String next = commands.answer(false, Optional.empty(), ENGLISH);
    // then
    assertThat(now).isEqualTo("Nothing is running right now. Try `/next`.");
    assertThat(next).isEqualTo("No more sessions are scheduled.");
  }

  @Test
  void aSessionEndingNowIsNoLongerRunning() {
    // given 11:00: the workshop ends, nothing else has started in the terrace
    ProgrammeCommands commands = commandsAt(11, 0);
    // when
    String answer = commands.answer(true, Optional.of("Terrace 2A"), ENGLISH);
    // then
    assertThat(answer).startsWith("Nothing is running in Terrace 2A");
  }

  private String run(String command, Map<String, String> options) {
    return run(command, options, "en-US");
  }

  private String run(String command, Map<String, String> options, String locale) {
    FakeMember member = conference.fake.member("member0");
    InteractionHandle handle = conference.fake.runSlashCommand(member, command, options, locale);
    FakeMessage answer =
        handle.awaitAnswer(Conference.WAIT).orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    assertThat(handle.callbackType()).contains(5);
    return answer.content();
  }

  private ProgrammeCommands commandsAt(int hour, int minute) {
    Clock clock = Clock.fixed(ZonedDateTime.of(DAY.atTime(hour, minute), PARIS).toInstant(), PARIS);
    return new ProgrammeCommands(
        schedule::get,
        clock,
        Map.of("Forum Hall", Map.of(DAY, HALL_STREAM, DAY.plusDays(1), "https://other")),
        PARIS,
        Texts.bundled(),
        workers);
  }

  private static Session session(
      String code, String title, int hour, int minute, int minutes, Room room) {
    return new Session(
        code,
        title,
        List.of("Speaker " + code),
        "",
        ZonedDateTime.of(DAY.atTime(hour, minute), PARIS),
        Duration.ofMinutes(minutes),
        room,
        null,
        "Talk",
        null,
        "en",
        null,
        false);
  }
}
