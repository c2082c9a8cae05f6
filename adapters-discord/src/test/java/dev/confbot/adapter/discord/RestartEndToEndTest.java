package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationRenderer;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.port.Announcer;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.InMemoryNotificationLog;
import dev.confbot.core.testing.ManualExecutor;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.TestClock;
import dev.confbot.fakediscord.FakeEmbed;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A bot restarted between registrations and between programme notifications. */
class RestartEndToEndTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final Room FORUM = new Room("1", "Forum Hall");
  private static final Room TERRACE = new Room("2", "Terrace 2A");

  @Test
  void keepsClaimsAndEditsTheSameRegistrationMessageAcrossARestart() {
    try (Conference conference = new Conference(3)) {
      // given
      conference.start();
      FakeMember alice = conference.fake.member("member0");
      FakeMember bob = conference.fake.member("member1");
      long messageId = conference.bot().registrationMessageId().orElseThrow();
      assertThat(conference.register(alice, "TYJEL", "Paula Larsen"))
          .startsWith("You're registered");
      // when: the bot stops
      conference.bot().stop();
      // then: registration is marked offline in the same message
      assertThat(conference.fake.messages(Conference.REGISTRATION))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.id()).isEqualTo(messageId);
                assertThat(m.content()).isEqualTo(Texts.bundled().defaults().get(TextKeys.OFFLINE));
              });
      // when: a new bot starts against the same server and stores
      assertThat(conference.startBot()).isEmpty();
      // then: the same message is online again, nothing reposted, no claim doubled
      assertThat(conference.bot().registrationMessageId()).contains(messageId);
      assertThat(conference.fake.messages(Conference.REGISTRATION))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.id()).isEqualTo(messageId);
                assertThat(m.content()).isEqualTo(Texts.bundled().defaults().get(TextKeys.ONLINE));
                assertThat(m.buttonCustomIds()).containsExactly(RegistrationListener.BUTTON_ID);
                assertThat(m.edited()).isTrue();
              });
      assertThat(conference.register(bob, "TYJEL", "Paula Larsen"))
          .startsWith("This ticket is already registered to another Discord account.");
      assertThat(conference.register(alice, "TYJEL", "Paula Larsen"))
          .startsWith("You are already registered with this ticket");
      assertThat(conference.claims.all())
          .singleElement()
          .satisfies(c -> assertThat(c.member().value()).isEqualTo(alice.id()));
      assertThat(conference.fake.roleNamesOf(bob)).isEmpty();
    }
  }

  @Test
  void postsProgrammeNotificationsOnTimeAndNeverRepeatsThemAfterARestart() {
    try (Conference conference = new Conference(0)) {
      // given
      conference.start();
      Session keynote = session("KEY", "Opening keynote", at("10:00"), FORUM);
      Session workshop = session("WS1", "Packaging workshop", at("10:00"), TERRACE);
      Session later = session("T2", "Async in practice", at("10:30"), FORUM);
      Schedule schedule = new Schedule("v1", PRAGUE, List.of(keynote, workshop, later));
      NotificationSettings settings =
          NotificationSettings.defaults()
              .withRoomChannels(Map.of("Forum Hall", "forum-hall", "Terrace 2A", "terrace-2a"));
      TestClock clock = new TestClock(at("09:50").toInstant());
      ManualExecutor executor = new ManualExecutor(clock);
      InMemoryNotificationLog ledger = new InMemoryNotificationLog();
      RecordingAuditSink alerts = new RecordingAuditSink();
      List<String> sent = new CopyOnWriteArrayList<>();
      try {
        NotificationScheduler first =
            scheduler(conference, settings, ledger, alerts, clock, executor, sent);
        // when: the morning runs until just after the room notifications
        first.start(schedule);
        executor.runUntil(at("09:54:59").toInstant());
        assertThat(conference.fake.messages("programme")).isEmpty();
        executor.runUntil(at("09:58:30").toInstant());
        // and the bot restarts within the late grace of the room notifications
        first.close();
        conference.restartBot();
        NotificationScheduler second =
            scheduler(conference, settings, ledger, alerts, clock, executor, sent);
        second.start(schedule);
        executor.runUntil(at("10:40").toInstant());
        second.close();
      } finally {
        executor.shutdownNow();
      }
      // then
      assertThat(executor.thrown()).isEmpty();
      assertThat(sent)
          .containsExactly(
              "programme@09:55",
              "forum-hall@09:58",
              "terrace-2a@09:58",
              "programme@10:25",
              "forum-hall@10:28");
      List<FakeMessage> programme = conference.fake.messages("programme");
      assertThat(programme).hasSize(2);
      assertThat(programme.get(0).embeds())
          .extracting(FakeEmbed::title)
          .containsExactly("Opening keynote", "Packaging workshop");
      assertThat(programme.get(0).embeds().get(0).url())
          .isEqualTo("https://pycon.example/talk/KEY");
      assertThat(programme.get(1).embeds())
          .extracting(FakeEmbed::title)
          .containsExactly("Async in practice");
      assertThat(conference.fake.messages("forum-hall")).hasSize(2);
      assertThat(conference.fake.messages("terrace-2a")).hasSize(1);
      assertThat(alerts.alerts()).isEmpty();
    }
  }

  private static NotificationScheduler scheduler(
      Conference conference,
      NotificationSettings settings,
      InMemoryNotificationLog ledger,
      RecordingAuditSink alerts,
      TestClock clock,
      ManualExecutor executor,
      List<String> sent) {
    DiscordAnnouncer discord =
        new DiscordAnnouncer(conference.bot()::jda, conference.fake.guildId(), Map.of());
    Announcer timed =
        new Announcer() {
          @Override
          public Delivery send(OutgoingMessage message, String nonce) {
            Delivery delivery = discord.send(message, nonce);
            sent.add(message.channel() + "@" + clock.instant().atZone(PRAGUE).toLocalTime());
            return delivery;
          }

          @Override
          public Presence find(OutgoingMessage message, String nonce) {
            return discord.find(message, nonce);
          }
        };
    return new NotificationScheduler(
        new NotificationPlanner(settings),
        new NotificationRenderer(settings),
        ledger,
        timed,
        alerts,
        clock,
        executor);
  }

  private static ZonedDateTime at(String time) {
    return ZonedDateTime.of(LocalDateTime.parse("2026-07-13T" + time), PRAGUE);
  }

  private static Session session(String code, String title, ZonedDateTime start, Room room) {
    return new Session(
        code,
        title,
        List.of("Speaker " + code),
        "What " + title + " is about.",
        start,
        Duration.ofMinutes(30),
        room,
        "Python",
        "Talk",
        "beginner",
        "en",
        "https://pycon.example/talk/" + code,
        false);
  }
}
