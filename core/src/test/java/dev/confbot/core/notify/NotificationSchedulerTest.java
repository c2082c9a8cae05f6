package dev.confbot.core.notify;

import static dev.confbot.core.notify.Sessions.FORUM;
import static dev.confbot.core.notify.Sessions.SOUTH;
import static dev.confbot.core.notify.Sessions.TERRACE;
import static dev.confbot.core.notify.Sessions.at;
import static dev.confbot.core.notify.Sessions.movedTo;
import static dev.confbot.core.notify.Sessions.schedule;
import static dev.confbot.core.notify.Sessions.talk;
import static dev.confbot.core.port.NotificationLog.State.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.port.Announcer;
import dev.confbot.core.port.Announcer.Delivery;
import dev.confbot.core.port.Announcer.Presence;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.NotificationLog.Key;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.InMemoryNotificationLog;
import dev.confbot.core.testing.ManualExecutor;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.time.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationSchedulerTest {

  private static final NotificationSettings SETTINGS =
      NotificationSettings.defaults()
          .withRoomChannels(Map.of("Forum Hall", "forum-hall", "Terrace 2A", "terrace-2a"))
          .withUpdatesChannel("schedule-updates");

  private final TestClock clock = new TestClock(at("2023-07-19T08:00").toInstant());
  private final ManualExecutor executor = new ManualExecutor(clock);
  private final InMemoryNotificationLog ledger = new InMemoryNotificationLog();
  private final RecordingAnnouncer announcer = new RecordingAnnouncer(clock);
  private final RecordingAudit audit = new RecordingAudit();

  @AfterEach
  void shutDown() {
    executor.shutdownNow();
  }

  @Test
  void sendsEveryNotificationOfTheDayOnceAtItsDueInstant() {
    // given
    Schedule day = day();
    NotificationScheduler scheduler = scheduler(clock);
    // when
    scheduler.start(day);
    executor.runUntil(at("2023-07-19T20:00").toInstant());
    // then
    List<PlannedNotification> plan =
        new NotificationPlanner(SETTINGS).plan(day, Instant.EPOCH, Instant.MAX);
    assertThat(announcer.sent).hasSize(plan.size());
    for (int i = 0; i < plan.size(); i++) {
      Sent sent = announcer.sent.get(i);
      assertThat(sent.at()).isEqualTo(plan.get(i).due());
      assertThat(sent.message().channel()).isEqualTo(plan.get(i).channel());
      assertThat(sent.message().embeds()).hasSize(plan.get(i).sessions().size());
    }
    assertThat(ledger.entries(NotificationLog.State.SENT))
        .hasSize(plan.stream().mapToInt(n -> n.sessions().size()).sum());
    assertThat(scheduler.stats()).isEqualTo(new NotificationScheduler.Stats(plan.size(), 0, 0, 0));
    assertThat(audit.alerts()).isEmpty();
  }

  @Test
  void wakesAtDueInstantsInsteadOfPolling() {
    // given
    NotificationScheduler scheduler = scheduler(clock);
    // when
    scheduler.start(day());
    executor.runUntil(at("2023-07-19T20:00").toInstant());
    // then: 12 hours with 7 notifications; at most one wake-up per notification plus the
    // MAX_SLEEP safety wake-ups, nowhere near one per second
    assertThat(executor.runs()).isLessThan(7 + 12 * 6 + 5);
    assertThat(scheduler.nextWakeUp()).isPresent();
  }

  @Test
  void neitherRepeatsNorLosesNotificationsAcrossTwoRestarts() {
    // given: the bot is down from 11:58:30 to 12:01:30 and restarted again at 15:00
    Session x = talk("X", at("2023-07-19T12:03"), FORUM);
    Session y = talk("Y", at("2023-07-19T12:02"), TERRACE);
    Session z = talk("Z", at("2023-07-19T12:01"), FORUM);
    Session later = talk("L", at("2023-07-19T16:00"), FORUM);
    Schedule schedule = schedule(x, y, z, later, talk("E", at("2023-07-19T10:00"), FORUM));
    NotificationScheduler first = scheduler(clock);
    first.start(schedule);
    executor.runUntil(at("2023-07-19T11:58:30").toInstant());
    first.close();
    executor.runUntil(at("2023-07-19T12:01:30").toInstant());
    // when
    NotificationScheduler second = scheduler(clock);
    second.start(schedule);
    executor.runUntil(at("2023-07-19T15:00").toInstant());
    second.close();
    NotificationScheduler third = scheduler(clock);
    third.start(schedule);
    executor.runUntil(at("2023-07-19T20:00").toInstant());
    // then
    List<Key> sent = announcer.keys();
    assertThat(sent).doesNotHaveDuplicates();
    assertThat(sent)
        .containsExactlyInAnyOrder(
            key(schedule, "E", "programme"),
            key(schedule, "E", "forum-hall"),
            key(schedule, "Z", "programme"), // due 11:56
            key(schedule, "Y", "programme"), // due 11:57
            key(schedule, "X", "programme"), // due 11:58
            key(schedule, "Y", "terrace-2a"), // due 12:00, sent late at 12:01:30
            key(schedule, "X", "forum-hall"), // due 12:01, sent late at 12:01:30
            key(schedule, "L", "programme"),
            key(schedule, "L", "forum-hall"));
    // Z's room message was due 11:59 and is dropped: its grace ended at 12:01, before the restart
  }

  @Test
  void sendsAFullConferenceDayExactlyOnceAcrossTwoRestarts() {
    // given: 10 rooms with a channel each, 16 sessions per room, restarts at 11:07 and 15:31
    List<Session> sessions = new ArrayList<>();
    Map<String, String> channels = new HashMap<>();
    for (int room = 0; room < 10; room++) {
      Room r = new Room("r" + room, "Room " + room);
      channels.put(r.name(), "room-" + room);
      for (int slot = 0; slot < 16; slot++) {
        sessions.add(
            talk("S" + room + "-" + slot, at("2023-07-19T09:00").plusMinutes(35L * slot), r));
      }
    }
    Schedule day = Sessions.schedule(Sessions.PRAGUE, sessions);
    NotificationSettings settings = SETTINGS.withRoomChannels(channels);
    List<Instant> restarts =
        List.of(at("2023-07-19T11:07").toInstant(), at("2023-07-19T15:31").toInstant());
    // when
    NotificationScheduler running = scheduler(settings);
    running.start(day);
    for (Instant restart : restarts) {
      executor.runUntil(restart);
      running.close();
      running = scheduler(settings);
      running.start(day);
    }
    executor.runUntil(at("2023-07-19T20:00").toInstant());
    // then
    List<Key> expected =
        new NotificationPlanner(settings)
            .plan(day, Instant.EPOCH, Instant.MAX).stream()
                .flatMap(n -> n.keys().stream())
                .toList();
    assertThat(expected).hasSize(2 * 160);
    assertThat(announcer.keys())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(announcer.sent)
        .allSatisfy(s -> assertThat(s.message().embeds()).hasSizeLessThanOrEqualTo(10));
  }

  @Test
  void treatsANotificationInterruptedWhileSendingAsSentAndReportsIt() {
    // given: a crash left the main message of A in SENDING
    Session a = talk("A", at("2023-07-19T10:30"), FORUM);
    ledger.markSending(PlannedNotification.key(a, "programme"), at("2023-07-19T10:25").toInstant());
    clock.set(at("2023-07-19T10:26").toInstant());
    // when
    scheduler(clock).start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then
    assertThat(announcer.keys()).containsExactly(PlannedNotification.key(a, "forum-hall"));
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("treated as sent")
        .contains("A in programme");
  }

  @Test
  void retriesAFailedDeliveryWithinTheGraceAndAlertsOnce() {
    // given: Discord fails twice
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    announcer.failNext(2);
    NotificationScheduler scheduler = scheduler(clock);
    // when
    scheduler.start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then
    assertThat(announcer.sent)
        .singleElement()
        .satisfies(
            s -> assertThat(s.at()).isEqualTo(at("2023-07-19T10:25").toInstant().plusSeconds(40)));
    assertThat(audit.alerts()).singleElement().asString().contains("cannot be delivered");
    assertThat(audit.lines).contains("programme notifications are delivered again");
    assertThat(scheduler.stats()).isEqualTo(new NotificationScheduler.Stats(1, 1, 2, 0));
    assertThat(ledger.entries(NotificationLog.State.SENDING)).isEmpty();
  }

  @Test
  void checksTheChannelInsteadOfResendingWhenTheOutcomeIsUnknownAndTheMessageArrived() {
    // given: Discord stores the message but the response is lost
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    announcer.uncertainNext(1, true);
    NotificationScheduler scheduler = scheduler(clock);
    // when
    scheduler.start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then: one message, a check, no second send
    Key key = PlannedNotification.key(a, "programme");
    String nonce = NotificationScheduler.nonceOf(List.of(key));
    assertThat(announcer.sent).hasSize(1);
    assertThat(announcer.calls).containsExactly("send " + nonce, "find " + nonce);
    assertThat(ledger.entry(key)).hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(SENT));
    assertThat(audit.alerts()).isEmpty();
    assertThat(scheduler.stats().sent()).isEqualTo(1);
  }

  @Test
  void resendsAnUncertainDeliveryOnlyAfterTheCheckFindsItAbsent() {
    // given: the send times out before Discord stored anything
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    announcer.uncertainNext(1, false);
    // when
    scheduler(clock).start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then: send, check, the same message again with the same nonce
    String nonce = NotificationScheduler.nonceOf(List.of(PlannedNotification.key(a, "programme")));
    assertThat(announcer.calls).containsExactly("send " + nonce, "find " + nonce, "send " + nonce);
    assertThat(announcer.sent)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.at())
                    .isEqualTo(
                        at("2023-07-19T10:25")
                            .toInstant()
                            .plus(NotificationScheduler.CHECK_DELAY)));
    assertThat(ledger.entries(NotificationLog.State.SENDING)).isEmpty();
    assertThat(audit.alerts()).isEmpty();
  }

  @Test
  void treatsAnUncertainDeliveryToAnUncheckableChannelAsSentAndAlerts() {
    // given: a webhook channel (no history to read) and an unknown outcome
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    announcer.uncertainNext(1, false);
    announcer.presence = Presence.UNCHECKABLE;
    // when
    scheduler(clock).start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then: never sent again, recorded so that a restart does not send it either
    assertThat(announcer.calls).hasSize(2).last().asString().startsWith("find ");
    Key key = PlannedNotification.key(a, "programme");
    assertThat(ledger.entry(key)).hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(SENT));
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("programme (A)")
        .contains("please check the channel");
  }

  @Test
  void keepsCheckingWhileTheCheckFailsAndNeverResendsBlind() {
    // given: the outcome is unknown and reading the channel fails until the session starts
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    announcer.uncertainNext(1, false);
    announcer.presence = Presence.UNKNOWN;
    // when
    scheduler(clock).start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then: one send, checks until the late grace ended, then one alert
    assertThat(announcer.calls.stream().filter(c -> c.startsWith("send "))).hasSize(1);
    assertThat(announcer.calls.stream().filter(c -> c.startsWith("find "))).hasSizeGreaterThan(1);
    assertThat(audit.alerts()).singleElement().asString().contains("could not be checked");
    assertThat(ledger.entries(NotificationLog.State.SENDING)).isEmpty();
  }

  @Test
  void skipsAnUncertainDeliveryFoundAbsentAfterTheLateGrace() {
    // given: no late grace, so an absent message cannot be sent again
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    announcer.uncertainNext(1, false);
    NotificationScheduler scheduler = scheduler(SETTINGS.withLateGrace(Duration.ZERO));
    // when
    scheduler.start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then
    assertThat(announcer.calls).hasSize(2);
    assertThat(announcer.sent).isEmpty();
    assertThat(audit.alerts()).singleElement().asString().contains("too late");
    assertThat(ledger.isRecorded(PlannedNotification.key(a, "programme"))).isFalse();
  }

  @Test
  void givesTheSameMessageTheSameNonceOfAtMost25Characters() {
    Key one = new Key("A", "programme", Instant.parse("2023-07-19T08:30:00Z"));
    Key two = new Key("B", "programme", Instant.parse("2023-07-19T08:30:00Z"));
    assertThat(NotificationScheduler.nonceOf(List.of(one, two)))
        .hasSize(25)
        .startsWith("cb")
        .isEqualTo(NotificationScheduler.nonceOf(List.of(two, one)))
        .isNotEqualTo(NotificationScheduler.nonceOf(List.of(one)));
  }

  @Test
  void givesUpAFailingDeliveryWhenTheGraceEndsAndGoesOn() {
    // given: Discord fails for 3 minutes
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    Session b = talk("B", at("2023-07-19T11:00"), SOUTH);
    announcer.failUntil(at("2023-07-19T10:28").toInstant());
    // when
    scheduler(clock).start(schedule(a, b));
    executor.runUntil(at("2023-07-19T12:00").toInstant());
    // then
    assertThat(announcer.keys()).containsExactly(PlannedNotification.key(b, "programme"));
    assertThat(audit.alerts()).hasSize(1);
    assertThat(ledger.isRecorded(PlannedNotification.key(a, "programme"))).isFalse();
  }

  @Test
  void skipsAMalformedSessionButSendsTheRestOfItsSlot() {
    // given: a room without a name cannot be rendered
    Session broken = talk("BROKEN", at("2023-07-19T10:30"), new Room("9", " "));
    Session fine = talk("FINE", at("2023-07-19T10:30"), FORUM);
    Session next = talk("NEXT", at("2023-07-19T11:00"), FORUM);
    // when
    scheduler(clock).start(schedule(broken, fine, next));
    executor.runUntil(at("2023-07-19T12:00").toInstant());
    // then
    assertThat(announcer.keys())
        .containsExactly(
            PlannedNotification.key(fine, "programme"),
            PlannedNotification.key(fine, "forum-hall"),
            PlannedNotification.key(next, "programme"),
            PlannedNotification.key(next, "forum-hall"));
    assertThat(audit.alerts()).singleElement().asString().contains("BROKEN");
  }

  @Test
  void survivesAnUnexpectedErrorWhileSending() {
    // given: the announcer throws something that is not a GatewayException for B
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    Session b = talk("B", at("2023-07-19T11:00"), SOUTH);
    Session c = talk("C", at("2023-07-19T11:30"), SOUTH);
    announcer.explodeOn = m -> m.embeds().stream().anyMatch(e -> e.title().equals("Talk B"));
    // when
    scheduler(clock).start(schedule(a, b, c));
    executor.runUntil(at("2023-07-19T12:00").toInstant());
    // then
    assertThat(announcer.keys())
        .containsExactly(
            PlannedNotification.key(a, "programme"), PlannedNotification.key(c, "programme"));
    assertThat(audit.alerts()).singleElement().asString().contains("failed and is skipped");
  }

  @Test
  void keepsWakingUpAfterAnError() {
    // given: the announcer throws an Error for A
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    Session b = talk("B", at("2023-07-19T11:00"), SOUTH);
    announcer.explodeOn =
        m -> {
          if (m.embeds().get(0).title().equals("Talk A")) {
            throw new StackOverflowError("deep");
          }
          return false;
        };
    // when
    scheduler(clock).start(schedule(a, b));
    executor.runUntil(at("2023-07-19T12:00").toInstant());
    // then
    assertThat(executor.thrown()).singleElement().isInstanceOf(StackOverflowError.class);
    assertThat(announcer.keys()).containsExactly(PlannedNotification.key(b, "programme"));
  }

  @Test
  void survivesAFailingLedger() {
    // given: the store fails once
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    FlakyLog flaky = new FlakyLog(1);
    NotificationScheduler scheduler =
        new NotificationScheduler(
            new NotificationPlanner(SETTINGS),
            new NotificationRenderer(SETTINGS),
            flaky,
            announcer,
            audit,
            clock,
            executor);
    clock.set(at("2023-07-19T10:25").toInstant());
    // when
    scheduler.start(schedule(a));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then: retried 20 s later, within the grace
    assertThat(announcer.sent)
        .singleElement()
        .satisfies(s -> assertThat(s.at()).isEqualTo(at("2023-07-19T10:25:20").toInstant()));
    assertThat(audit.alerts()).hasSize(1);
  }

  @Test
  void retriesWhenTheLedgerCannotRecordAClaim() {
    // given: the store accepts the claim of A, then fails on B of the same message
    Session a = talk("A", at("2023-07-19T10:30"), SOUTH);
    Session b = talk("B", at("2023-07-19T10:30"), new Room("4", "Club B"));
    FlakyLog flaky = new FlakyLog(0);
    flaky.claimFailAfter = 1;
    NotificationScheduler scheduler =
        new NotificationScheduler(
            new NotificationPlanner(SETTINGS),
            new NotificationRenderer(SETTINGS),
            flaky,
            announcer,
            audit,
            clock,
            executor);
    // when
    scheduler.start(schedule(a, b));
    executor.runUntil(at("2023-07-19T11:00").toInstant());
    // then: one message with both sessions, 20 s late
    assertThat(announcer.sent).hasSize(1);
    assertThat(announcer.sent.get(0).at()).isEqualTo(at("2023-07-19T10:25:20").toInstant());
    assertThat(announcer.sent.get(0).message().embeds()).hasSize(2);
    assertThat(audit.alerts()).singleElement().asString().contains("ledger failed");
  }

  @Test
  void followsAChangedScheduleAndAnnouncesEachChangeOnce() {
    // given
    Session a = talk("A", at("2023-07-19T10:30"), FORUM);
    Session gone = talk("GONE", at("2023-07-19T14:00"), FORUM);
    Schedule published = schedule(a, gone);
    NotificationScheduler scheduler = scheduler(clock);
    scheduler.start(published);
    executor.runUntil(at("2023-07-19T09:00").toInstant());
    Session moved = movedTo(a, at("2023-07-19T11:30"), TERRACE);
    Session added = talk("NEW", at("2023-07-19T10:00"), FORUM);
    Schedule changed = schedule(moved, added);
    // when
    scheduler.scheduleChanged(changed);
    executor.runUntil(at("2023-07-19T09:01").toInstant());
    scheduler.scheduleChanged(changed);
    executor.runUntil(at("2023-07-19T20:00").toInstant());
    // then
    assertThat(
            announcer.sent.stream().filter(s -> s.message().channel().equals("schedule-updates")))
        .extracting(s -> s.message().content().substring(0, 12))
        .containsExactly("🆕 Added: **", "📅 Moved: **", "❌ Cancelled:");
    assertThat(announcer.keys())
        .filteredOn(k -> !k.channel().equals("schedule-updates"))
        .containsExactly(
            PlannedNotification.key(added, "programme"),
            PlannedNotification.key(added, "forum-hall"),
            PlannedNotification.key(moved, "programme"),
            PlannedNotification.key(moved, "terrace-2a"));
  }

  @Test
  void announcesAtStartWhatChangedWhileTheBotWasDownOnceAndOnlyForSessionsToCome() {
    // given: the previous run left this schedule in force and announced nothing
    Session moved = talk("MOVED", at("2023-07-19T11:00"), FORUM);
    Session renamed = talk("RENAMED", at("2023-07-19T12:00"), FORUM);
    Session over = talk("OVER", at("2023-07-19T07:00"), FORUM);
    Session gone = talk("GONE", at("2023-07-19T14:00"), TERRACE);
    Schedule previousRun = schedule(moved, renamed, over, gone);
    Schedule now =
        schedule(
            movedTo(moved, at("2023-07-19T11:30"), TERRACE),
            Sessions.retitled(renamed, "A better title", List.of("Ada Lovelace")),
            Sessions.retitled(over, "Renamed after it ended", over.speakers()));
    // when: the bot starts at 08:00, and again (a second restart, same schedules)
    NotificationScheduler scheduler = scheduler(clock);
    scheduler.start(now, previousRun);
    executor.runUntil(at("2023-07-19T08:01").toInstant());
    scheduler.close();
    NotificationScheduler again = scheduler(clock);
    again.start(now, previousRun);
    executor.runUntil(at("2023-07-19T08:02").toInstant());
    // then: the move, the new title and speakers, the cancellation, once each; nothing about the
    // session that is over
    List<String> updates =
        announcer.sent.stream()
            .filter(s -> s.message().channel().equals("schedule-updates"))
            .map(s -> s.message().content())
            .toList();
    assertThat(updates).hasSize(3);
    assertThat(updates.get(0)).startsWith("📅 Moved: **");
    assertThat(updates.get(1))
        .startsWith("✏️ Changed: **A better title**")
        .contains("title was “Talk RENAMED”")
        .contains("speakers now Ada Lovelace (was ");
    assertThat(updates.get(2)).startsWith("❌ Cancelled:");
    assertThat(updates).noneMatch(u -> u.contains("Renamed after it ended"));
  }

  @Test
  void convertsSimulatedWaitsIntoRealDelays() {
    // given: a rehearsal at 60x starting 08:00 event time
    TestClock real = new TestClock(Instant.parse("2026-11-26T07:00:00Z"));
    ManualExecutor realExecutor = new ManualExecutor(real);
    SimulatedClock simulated = new SimulatedClock(at("2023-07-19T08:00").toInstant(), 60, real);
    RecordingAnnouncer rehearsal = new RecordingAnnouncer(simulated);
    NotificationScheduler scheduler =
        new NotificationScheduler(
            new NotificationPlanner(SETTINGS),
            new NotificationRenderer(SETTINGS),
            ledger,
            rehearsal,
            audit,
            simulated,
            realExecutor);
    // when
    scheduler.start(day());
    realExecutor.runUntil(Instant.parse("2026-11-26T07:03:00Z"));
    // then: sleeps of at most MAX_SLEEP (10 simulated minutes = 10 real seconds) until 10:20,
    // then 5 simulated minutes (5 real seconds) to the first due instant, 10:25
    assertThat(realExecutor.delays()).allMatch(d -> d.compareTo(Duration.ofSeconds(10)) <= 0);
    assertThat(realExecutor.delays()).contains(Duration.ofSeconds(5));
    assertThat(rehearsal.sent).isNotEmpty();
    assertThat(rehearsal.sent.get(0).at()).isEqualTo(at("2023-07-19T10:25").toInstant());
    realExecutor.runUntil(Instant.parse("2026-11-26T07:15:00Z"));
    assertThat(rehearsal.sent).hasSize(7);
    realExecutor.shutdownNow();
  }

  @Test
  void stopsQuietlyWhenTheExecutorIsShutDown() {
    // given
    NotificationScheduler scheduler = scheduler(clock);
    scheduler.start(day());
    executor.goDown();
    // when
    executor.runUntil(at("2023-07-19T20:00").toInstant());
    // then
    assertThat(scheduler.nextWakeUp()).isEmpty();
    assertThat(announcer.sent).isEmpty();
  }

  private NotificationScheduler scheduler(NotificationSettings settings) {
    return new NotificationScheduler(
        new NotificationPlanner(settings),
        new NotificationRenderer(settings),
        ledger,
        announcer,
        audit,
        clock,
        executor);
  }

  private NotificationScheduler scheduler(Clock schedulerClock) {
    return new NotificationScheduler(
        new NotificationPlanner(SETTINGS),
        new NotificationRenderer(SETTINGS),
        ledger,
        announcer,
        audit,
        schedulerClock,
        executor);
  }

  /** 7 notifications: 10:30 (2 sessions), 11:00, 14:00 (+ South Hall without a channel). */
  private static Schedule day() {
    return schedule(
        talk("A", at("2023-07-19T10:30"), FORUM),
        talk("B", at("2023-07-19T10:30"), TERRACE),
        talk("C", at("2023-07-19T11:00"), FORUM),
        talk("D", at("2023-07-19T14:00"), TERRACE),
        talk("E", at("2023-07-19T14:00"), SOUTH));
  }

  private static Key key(Schedule schedule, String code, String channel) {
    Session session =
        schedule.sessions().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    return PlannedNotification.key(session, channel);
  }

  record Sent(OutgoingMessage message, Instant at) {}

  /** Records deliveries with the clock's time; can fail on demand. */
  static final class RecordingAnnouncer implements Announcer {
    final List<Sent> sent = new ArrayList<>();
    private final Clock clock;
    private int failures;
    private Instant failUntil = Instant.MIN;
    Predicate<OutgoingMessage> explodeOn = m -> false;

    RecordingAnnouncer(Clock clock) {
      this.clock = clock;
    }

    void failNext(int count) {
      failures = count;
    }

    void failUntil(Instant until) {
      failUntil = until;
    }

    /**
     * The next {@code count} sends end with an unknown outcome; {@code stored} says whether the
     * platform kept the message anyway (the response was lost) or dropped it.
     */
    void uncertainNext(int count, boolean stored) {
      uncertain = count;
      storeUncertain = stored;
    }

    /** What {@link #find} answers instead of looking (null: look at what was stored). */
    @org.jspecify.annotations.Nullable Presence presence;

    private int uncertain;
    private boolean storeUncertain;
    final List<String> nonces = new ArrayList<>();

    /** Every call in order: "send <nonce>" or "find <nonce>". */
    final List<String> calls = new ArrayList<>();

    @Override
    public Delivery send(OutgoingMessage message, String nonce) {
      calls.add("send " + nonce);
      if (failures > 0 || clock.instant().isBefore(failUntil)) {
        failures--;
        throw new GatewayException("discord", "HTTP 503", null);
      }
      if (explodeOn.test(message)) {
        throw new IllegalStateException("unexpected");
      }
      if (uncertain > 0) {
        uncertain--;
        if (storeUncertain) {
          sent.add(new Sent(message, clock.instant()));
          nonces.add(nonce);
        }
        return Delivery.UNCERTAIN;
      }
      sent.add(new Sent(message, clock.instant()));
      nonces.add(nonce);
      return Delivery.DELIVERED;
    }

    @Override
    public Presence find(OutgoingMessage message, String nonce) {
      calls.add("find " + nonce);
      if (presence != null) {
        return presence;
      }
      return nonces.contains(nonce) ? Presence.FOUND : Presence.ABSENT;
    }

    /** One ledger-style key per announced session (or change) in send order. */
    List<Key> keys() {
      List<Key> keys = new ArrayList<>();
      for (Sent s : sent) {
        if (s.message().channel().equals("schedule-updates")) {
          keys.add(new Key(s.message().content(), s.message().channel(), s.at()));
          continue;
        }
        s.message()
            .embeds()
            .forEach(
                e ->
                    keys.add(
                        new Key(
                            codeOf(e.title()),
                            s.message().channel(),
                            startOf(e.fields().get(0).value()))));
      }
      return keys;
    }

    private static String codeOf(String title) {
      return title.substring("Talk ".length());
    }

    private static Instant startOf(String discordTimestamp) {
      return Instant.ofEpochSecond(
          Long.parseLong(discordTimestamp.substring(3, discordTimestamp.length() - 3)));
    }
  }

  /** Records audit lines. */
  static final class RecordingAudit implements AuditSink {
    final List<String> lines = new ArrayList<>();
    final Set<String> alertLines = new HashSet<>();

    @Override
    public void record(String line, boolean alert) {
      lines.add(line);
      if (alert) {
        alertLines.add(line);
      }
    }

    List<String> alerts() {
      return lines.stream().filter(alertLines::contains).toList();
    }
  }

  /** A ledger whose first lookups, or one claim, fail. */
  static final class FlakyLog implements NotificationLog {
    private final InMemoryNotificationLog delegate = new InMemoryNotificationLog();
    private int failures;
    int claimFailAfter = -1;
    private int claims;

    FlakyLog(int failures) {
      this.failures = failures;
    }

    @Override
    public boolean markSending(Key key, Instant now) {
      if (claimFailAfter >= 0 && claims++ == claimFailAfter) {
        throw new GatewayException("sqlite", "disk I/O error", null);
      }
      return delegate.markSending(key, now);
    }

    @Override
    public void markSent(Key key, Instant now) {
      delegate.markSent(key, now);
    }

    @Override
    public void clearSending(Key key) {
      delegate.clearSending(key);
    }

    @Override
    public java.util.Optional<Entry> entry(Key key) {
      if (failures > 0) {
        failures--;
        throw new GatewayException("sqlite", "database is locked", null);
      }
      return delegate.entry(key);
    }

    @Override
    public List<Entry> entries(State state) {
      return delegate.entries(state);
    }
  }
}
