package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.remind.InMemoryReminderStore;
import dev.confbot.core.remind.ReminderScheduler;
import dev.confbot.core.remind.ReminderService;
import dev.confbot.core.remind.ReminderSettings;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.TestClock;
import dev.confbot.fakediscord.FakeChoice;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.Fault;
import dev.confbot.fakediscord.InteractionHandle;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /remind} and {@code /reminders} through real JDA against fake-discord: autocomplete, the
 * confirmation DM, the reminder DM ten minutes before (the test moves the clock), closed DMs,
 * listing and removing, and a French member.
 */
class ReminderCommandsEndToEndTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final LocalDate DAY = LocalDate.of(2026, 7, 15);
  private static final Room HALL = new Room("1", "Forum Hall");
  private static final Session CAFE = session("CAFE", "Café-Driven Development", 10, 15);
  private static final Session ASYNC = session("ASY", "Async all the way", 11, 15);
  private static final Schedule SCHEDULE = new Schedule("v1", PARIS, List.of(CAFE, ASYNC));

  private final TestClock clock = new TestClock(at(9, 45).toInstant());
  private final InMemoryReminderStore store = new InMemoryReminderStore();
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(50));
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private Conference conference;
  private ReminderScheduler scheduler;
  private ReminderService service;

  @BeforeEach
  void start() {
    conference =
        new Conference(
            3,
            ReminderCommands.commands(),
            List.of(new ReminderCommands(() -> service, Texts.bundled(), workers)));
    DiscordDirectMessenger messenger = new DiscordDirectMessenger(() -> conference.bot().jda());
    scheduler =
        new ReminderScheduler(
            store,
            messenger,
            () -> Optional.of(SCHEDULE),
            Texts.bundled(),
            PARIS,
            ReminderSettings.defaults(),
            new RecordingAuditSink(),
            clock,
            timer);
    service =
        new ReminderService(
            store,
            messenger,
            () -> Optional.of(SCHEDULE),
            Texts.bundled(),
            PARIS,
            ReminderSettings.defaults(),
            clock,
            scheduler::wakeNow);
    conference.start();
    scheduler.start();
  }

  @AfterEach
  void stop() {
    scheduler.close();
    conference.close();
    workers.shutdownNow();
    timer.shutdownNow();
  }

  @Test
  void registersRemindAndRemindersWithAutocomplete() {
    assertThat(conference.fake.commands()).containsKeys("remind", "reminders");
    assertThat(conference.fake.commands().get("remind")).contains("\"autocomplete\":true");
  }

  @Test
  void suggestsUpcomingSessionsIgnoringCaseAndAccents() {
    // when
    InteractionHandle handle =
        conference.fake.autocomplete(
            member(), "remind", Map.of("session", "CAFE"), "session", "en-US");
    // then
    assertThat(handle.awaitChoices(Conference.WAIT).orElseThrow())
        .containsExactly(
            new FakeChoice("Café-Driven Development · Wed 15 Jul 10:15 · Forum Hall", "CAFE"));
  }

  @Test
  void remindsByDirectMessageTenMinutesBeforeExactlyOnce() {
    // given
    FakeMember alice = member();
    // when
    String answer = run(alice, "remind", Map.of("session", "CAFE"), "en-US");
    // then
    assertThat(answer)
        .isEqualTo(
            "⏰ Reminder set: I'll send you a direct message 10 minutes before **Café-Driven"
                + " Development** starts (Wed 15 Jul, 10:15, Forum Hall).");
    Conference.eventually("confirmation DM", () -> dms(alice).size() == 1);
    assertThat(dms(alice).get(0)).startsWith("✅ Reminder set for **Café-Driven Development**");
    // when: 10:04 nothing yet, 10:05 the reminder
    clock.advance(Duration.ofMinutes(19));
    scheduler.wakeNow();
    pause();
    assertThat(dms(alice)).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    scheduler.wakeNow();
    // then
    Conference.eventually("reminder DM", () -> dms(alice).size() == 2);
    assertThat(dms(alice).get(1))
        .isEqualTo(
            "⏰ Reminder: **Café-Driven Development** starts <t:"
                + CAFE.startInstant().getEpochSecond()
                + ":R> in Forum Hall (10:15 CEST).");
    // when: more wake-ups
    clock.advance(Duration.ofMinutes(2));
    scheduler.wakeNow();
    pause();
    // then
    assertThat(dms(alice)).hasSize(2);
    assertThat(scheduler.stats().sent()).isEqualTo(1);
  }

  @Test
  void tellsMembersWithClosedDirectMessagesHowToOpenThem() {
    // given
    FakeMember bob = conference.fake.member("member1");
    conference.fake.closeDirectMessages(bob);
    // when
    String answer = run(bob, "remind", Map.of("session", "ASY"), "en-US");
    // then
    assertThat(answer)
        .startsWith("⏰ Reminder set")
        .contains("I can't send you direct messages", "**Privacy Settings**");
    assertThat(conference.fake.directMessages(bob)).isEmpty();
    assertThat(store.byMember(new MemberId(bob.id()))).hasSize(1);
    // when: the reminder falls due while DMs are still closed
    clock.advance(Duration.ofMinutes(80));
    scheduler.wakeNow();
    Conference.eventually("closed DM counted", () -> scheduler.stats().closed() == 1);
    // then
    assertThat(conference.fake.directMessages(bob)).isEmpty();
  }

  @Test
  void listsAndRemovesReminders() {
    // given
    FakeMember carol = conference.fake.member("member2");
    run(carol, "remind", Map.of("session", "ASY"), "en-US");
    run(carol, "remind", Map.of("session", "Café-Driven Development"), "en-US");
    // when
    String list = run(carol, "reminders", Map.of(), "en-US");
    InteractionHandle suggestions =
        conference.fake.autocomplete(
            carol, "reminders", Map.of("remove", "async"), "remove", "en-US");
    // then
    assertThat(list)
        .isEqualTo(
            "**Your reminders**\n"
                + "• **Café-Driven Development** — Forum Hall, Wed 15 Jul 10:15\n"
                + "• **Async all the way** — Forum Hall, Wed 15 Jul 11:15\n"
                + "To remove one, run `/reminders` with the `remove` option and pick it.");
    assertThat(suggestions.awaitChoices(Conference.WAIT).orElseThrow())
        .extracting(FakeChoice::value)
        .containsExactly("ASY");
    // when
    String removed = run(carol, "reminders", Map.of("remove", "ASY"), "en-US");
    // then
    assertThat(removed)
        .startsWith("Reminder for **Async all the way** removed.\n\n**Your reminders**\n")
        .doesNotContain("• **Async");
  }

  @Test
  void answersAFrenchMemberInFrench() {
    // given
    FakeMember francois = conference.fake.member("member0");
    // when
    String answer = run(francois, "remind", Map.of("session", "ASY"), "fr");
    // then
    assertThat(answer)
        .isEqualTo(
            "⏰ Rappel enregistré\u00a0: je vous enverrai un message privé 10 minutes avant"
                + " **Async all the way** (mer. 15 juil., 11:15, Forum Hall).");
    Conference.eventually("confirmation DM", () -> dms(francois).size() == 1);
    assertThat(dms(francois).get(0)).startsWith("✅ Rappel enregistré pour **Async all the way**");
  }

  @Test
  void directMessengerTellsClosedFromFailed() {
    // given
    DiscordDirectMessenger messenger = new DiscordDirectMessenger(() -> conference.bot().jda());
    FakeMember dora = conference.fake.member("member1");
    MemberId doraId = new MemberId(dora.id());
    // when / then: delivered, refused for a reason worth retrying, closed
    assertThat(messenger.send(doraId, "hello")).isEqualTo(DirectMessenger.Delivery.DELIVERED);
    conference.fake.failNext(
        "POST channels/*/messages", Fault.error(403, 50013, "Missing Permissions"));
    assertThatThrownBy(() -> messenger.send(doraId, "again"))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("refused");
    conference.fake.closeDirectMessages(dora);
    assertThat(messenger.send(doraId, "closed")).isEqualTo(DirectMessenger.Delivery.CLOSED);
    assertThat(messenger.send(new MemberId(12345), "nobody"))
        .isEqualTo(DirectMessenger.Delivery.CLOSED);
    assertThat(dms(dora)).containsExactly("hello");
  }

  @Test
  void directMessengerTellsUncertainFromCertainFailures() {
    // given
    DiscordDirectMessenger messenger = new DiscordDirectMessenger(() -> conference.bot().jda());
    FakeMember erin = conference.fake.member("member2");
    MemberId erinId = new MemberId(erin.id());
    // when / then: opening the DM channel failed, so nothing was sent: a certain failure
    conference.fake.failNext(
        "POST users/@me/channels", Fault.error(403, 50013, "Missing Permissions"));
    assertThatThrownBy(() -> messenger.send(erinId, "first"))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("channel");
    // when / then: Discord keeps failing the send with a server error: it may have arrived
    for (int i = 0; i < 8; i++) {
      conference.fake.failNext("POST channels/*/messages", Fault.status(500));
    }
    assertThat(messenger.send(erinId, "second")).isEqualTo(DirectMessenger.Delivery.UNCERTAIN);
  }

  private FakeMember member() {
    return conference.fake.member("member0");
  }

  private List<String> dms(FakeMember member) {
    return conference.fake.directMessages(member).stream().map(FakeMessage::content).toList();
  }

  private String run(FakeMember member, String command, Map<String, ?> options, String locale) {
    InteractionHandle handle = conference.fake.runSlashCommand(member, command, options, locale);
    FakeMessage answer =
        handle.awaitAnswer(Conference.WAIT).orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    assertThat(handle.callbackType()).contains(5);
    return answer.content();
  }

  /** Lets a wake-up that should send nothing run (there is no event to wait for). */
  private static void pause() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ZonedDateTime at(int hour, int minute) {
    return ZonedDateTime.of(DAY.atTime(hour, minute), PARIS);
  }

  private static Session session(String code, String title, int hour, int minute) {
    return new Session(
        code,
        title,
        List.of("Speaker " + code),
        "",
        at(hour, minute),
        Duration.ofMinutes(30),
        HALL,
        null,
        "Talk",
        null,
        "en",
        null,
        false);
  }
}
