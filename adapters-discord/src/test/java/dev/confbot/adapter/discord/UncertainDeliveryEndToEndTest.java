package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationRenderer;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.InMemoryNotificationLog;
import dev.confbot.core.testing.ManualExecutor;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.TestClock;
import dev.confbot.fakediscord.Fault;
import dev.confbot.fakediscord.RecordedRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A programme notification whose delivery is in doubt, through the notification scheduler, real JDA
 * and fake-discord: it is never posted twice, and never lost when Discord did not store it.
 */
class UncertainDeliveryEndToEndTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final Room SOUTH = new Room("3", "South Hall");

  private final Conference conference = new Conference(0);
  private final TestClock clock = new TestClock(at("09:50").toInstant());
  private final ManualExecutor executor = new ManualExecutor(clock);
  private final InMemoryNotificationLog ledger = new InMemoryNotificationLog();
  private final RecordingAuditSink alerts = new RecordingAuditSink();
  private final Schedule schedule =
      new Schedule("v1", PRAGUE, List.of(session("KEY", "Opening keynote", at("10:00"))));

  @BeforeEach
  void start() {
    conference.start();
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
    conference.close();
  }

  @Test
  void postsOnceWhenDiscordStoredTheMessageButTheAnswerWasLost() {
    // given: Discord stores the 09:55 notification, then its answer is lost (a 500)
    conference.fake.failNext("POST channels/*/messages", Fault.responseLost(500));
    // when
    run(NotificationSettings.defaults());
    // then: exactly one message, found by reading the channel, recorded as sent
    assertThat(conference.fake.messages("programme")).hasSize(1);
    assertThat(programmePosts()).extracting(RecordedRequest::status).containsExactly(500);
    assertThat(conference.fake.requests("GET channels/*/messages")).isNotEmpty();
    assertThat(ledger.entries(NotificationLog.State.SENT)).hasSize(1);
    assertThat(alerts.alerts()).isEmpty();
  }

  @Test
  void postsAgainAfterTheCheckWhenDiscordStoredNothing() {
    // given: Discord fails with a 500 before storing the message
    conference.fake.failNext("POST channels/*/messages", Fault.status(500));
    // when
    run(NotificationSettings.defaults());
    // then: the check finds nothing, the second attempt posts it: one message
    assertThat(conference.fake.messages("programme")).hasSize(1);
    assertThat(programmePosts()).extracting(RecordedRequest::status).containsExactly(500, 200);
    assertThat(ledger.entries(NotificationLog.State.SENT)).hasSize(1);
    assertThat(alerts.alerts()).isEmpty();
  }

  @Test
  void neverResendsToAWebhookWhoseAnswerWasLostAndAlertsInstead() {
    // given: the programme channel is served by a webhook, which stores and loses its answer
    String hook = conference.fake.createWebhook(conference.fake.channel("programme"), "programme");
    conference.fake.failNext("POST webhooks/*/*", Fault.responseLost(500));
    // when
    run(NotificationSettings.defaults(), Map.of("programme", hook));
    // then: one message, never resent blind; the organizers are asked to check
    assertThat(conference.fake.messages("programme")).hasSize(1);
    assertThat(alerts.alerts())
        .singleElement()
        .asString()
        .contains("programme (KEY)")
        .contains("please check the channel");
    assertThat(ledger.entries(NotificationLog.State.SENDING)).isEmpty();
  }

  /** The create-message requests for the programme channel (not the registration message). */
  private List<RecordedRequest> programmePosts() {
    String path = "channels/" + conference.fake.channel("programme").id() + "/messages";
    return conference.fake.requests("POST channels/*/messages").stream()
        .filter(r -> r.path().endsWith(path))
        .toList();
  }

  private void run(NotificationSettings settings) {
    run(settings, Map.of());
  }

  private void run(NotificationSettings settings, Map<String, String> webhooks) {
    NotificationScheduler scheduler =
        new NotificationScheduler(
            new NotificationPlanner(settings),
            new NotificationRenderer(settings),
            ledger,
            new DiscordAnnouncer(conference.bot()::jda, conference.fake.guildId(), webhooks),
            alerts,
            clock,
            executor);
    scheduler.start(schedule);
    executor.runUntil(at("10:10").toInstant());
    scheduler.close();
    assertThat(executor.thrown()).isEmpty();
  }

  private static ZonedDateTime at(String time) {
    return ZonedDateTime.of(LocalDateTime.parse("2026-07-13T" + time), PRAGUE);
  }

  private static Session session(String code, String title, ZonedDateTime start) {
    return new Session(
        code,
        title,
        List.of("Speaker " + code),
        "What " + title + " is about.",
        start,
        Duration.ofMinutes(30),
        SOUTH,
        "Python",
        "Talk",
        "beginner",
        "en",
        "https://pycon.example/talk/" + code,
        false);
  }
}
