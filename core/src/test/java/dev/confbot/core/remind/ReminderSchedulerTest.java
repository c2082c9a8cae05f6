package dev.confbot.core.remind;

import static dev.confbot.core.remind.Programme.ASYNC;
import static dev.confbot.core.remind.Programme.CAFE;
import static dev.confbot.core.remind.Programme.KEYNOTE;
import static dev.confbot.core.remind.Programme.PARIS;
import static dev.confbot.core.remind.Programme.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.ReminderStore.Subscription;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.testing.ManualExecutor;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReminderSchedulerTest {
  private static final MemberId ALICE = new MemberId(42);
  private static final MemberId BOB = new MemberId(43);

  private final TestClock clock = new TestClock(Programme.at(9, 45).toInstant());
  private final InMemoryReminderStore store = new InMemoryReminderStore();
  private final RecordingMessenger messenger = new RecordingMessenger();
  private final RecordingAuditSink alerts = new RecordingAuditSink();
  private final ManualExecutor executor = new ManualExecutor(clock);
  private final AtomicReference<Optional<Schedule>> schedule =
      new AtomicReference<>(Optional.of(SCHEDULE));

  private ReminderScheduler scheduler(Duration lead) {
    return new ReminderScheduler(
        store,
        messenger,
        schedule::get,
        Texts.bundled(),
        PARIS,
        new ReminderSettings(lead),
        alerts,
        clock,
        executor);
  }

  private void subscribe(MemberId member, String code, Locale locale) {
    store.subscribe(new Subscription(member, code, locale, clock.instant()));
  }

  @AfterEach
  void noWakeUpThrew() {
    // the executor records what a wake-up throws instead of failing the test with it
    assertThat(executor.thrown()).isEmpty();
  }

  /** Moves the clock by the pending wake-up's delay and runs it. */
  private void sleepAndWake() {
    clock.advance(executor.pendingDelay());
    executor.runNext();
  }

  @Test
  void sendsTheReminderTenMinutesBeforeInTheMembersLanguageOnce() {
    // given
    subscribe(ALICE, "CAFE", Locale.forLanguageTag("en-GB"));
    subscribe(BOB, "CAFE", Locale.FRENCH);
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    scheduler.start();
    // when: the first wake-up finds nothing due and sleeps until 10:05 Paris time
    executor.runNext();
    assertThat(messenger.sent()).isEmpty();
    assertThat(executor.pendingDelay()).isEqualTo(ReminderScheduler.MAX_SLEEP);
    while (clock.instant().isBefore(Programme.at(10, 5).toInstant())) {
      sleepAndWake();
    }
    // then
    assertThat(clock.instant()).isEqualTo(Programme.at(10, 5).toInstant());
    long unix = CAFE.startInstant().getEpochSecond();
    assertThat(messenger.to(ALICE))
        .containsExactly(
            "⏰ Reminder: **Café-Driven Development** starts <t:"
                + unix
                + ":R> in Forum Hall (10:15 CEST).");
    assertThat(messenger.to(BOB))
        .containsExactly(
            "⏰ Rappel\u00a0: **Café-Driven Development** commence <t:"
                + unix
                + ":R> dans Forum Hall (10:15 CEST).");
    // when: more wake-ups
    scheduler.wakeNow();
    executor.runNext();
    sleepAndWake();
    // then: nothing repeated
    assertThat(messenger.sent()).hasSize(2);
    assertThat(store.pending()).isEmpty();
    assertThat(scheduler.stats()).isEqualTo(new ReminderScheduler.Stats(2, 0, 0, 0));
  }

  @Test
  void wakesExactlyAtTheDueInstantWhenItIsNear() {
    // given 10:04:30
    clock.advance(Duration.ofSeconds(19 * 60 + 30));
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    scheduler.start();
    // when
    executor.runNext();
    // then
    assertThat(executor.pendingDelay()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void usesTheConfiguredLeadAndTheNewTimeOfAMovedSession() {
    // given a 20-minute lead; the session moves from 10:15 to 10:45 before its reminder is due
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    ReminderScheduler scheduler = scheduler(Duration.ofMinutes(20));
    scheduler.start();
    executor.runNext();
    schedule.set(
        Optional.of(
            new Schedule("v2", PARIS, List.of(KEYNOTE, Programme.moved(CAFE, 10, 45), ASYNC))));
    scheduler.wakeNow();
    executor.runNext();
    // when
    while (messenger.sent().isEmpty()) {
      sleepAndWake();
    }
    // then: sent at 10:25, not at 09:55
    assertThat(clock.instant()).isEqualTo(Programme.at(10, 25).toInstant());
    assertThat(messenger.to(ALICE)).singleElement().asString().contains("(10:45 CEST)");
  }

  @Test
  void afterARestartSendsWhatFellDueButDropsSessionsThatStarted() {
    // given: the bot was down from 09:45 to 10:10; reminders for 10:15 and for the keynote
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    store.subscribe(
        new Subscription(BOB, "KEY", Locale.ENGLISH, Instant.parse("2026-07-14T10:00:00Z")));
    clock.advance(Duration.ofMinutes(25));
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    // when
    scheduler.start();
    executor.runNext();
    // then
    assertThat(messenger.to(ALICE)).hasSize(1);
    assertThat(messenger.to(BOB)).isEmpty();
    assertThat(store.pending()).isEmpty();
    assertThat(scheduler.stats()).isEqualTo(new ReminderScheduler.Stats(1, 0, 1, 0));
  }

  @Test
  void neverSendsAReminderAnotherProcessAlreadyClaimed() {
    // given
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    store.markSent(ALICE, "CAFE", clock.instant());
    clock.advance(Duration.ofMinutes(21));
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    // when
    scheduler.start();
    executor.runNext();
    // then
    assertThat(messenger.sent()).isEmpty();
  }

  @Test
  void retriesAFailedDeliveryAndCountsClosedDirectMessagesWithoutRetrying() {
    // given 10:06
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    subscribe(BOB, "CAFE", Locale.ENGLISH);
    messenger.close(BOB);
    messenger.failNext(1);
    clock.advance(Duration.ofMinutes(21));
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    scheduler.start();
    // when
    executor.runNext();
    // then: Alice's delivery failed, Bob's DMs are closed
    assertThat(messenger.sent()).isEmpty();
    assertThat(store.pendingFor("CAFE")).extracting(Subscription::member).containsExactly(ALICE);
    assertThat(executor.pendingDelay()).isEqualTo(ReminderScheduler.RETRY_DELAY);
    assertThat(alerts.alerts()).singleElement().asString().contains("cannot be delivered");
    // when
    sleepAndWake();
    // then
    assertThat(messenger.to(ALICE)).hasSize(1);
    assertThat(scheduler.stats()).isEqualTo(new ReminderScheduler.Stats(1, 1, 0, 1));
    assertThat(alerts.texts()).contains("session reminders are delivered again");
  }

  @Test
  void reportsRemindersForVanishedSessionsOnceAndKeepsThem() {
    // given
    subscribe(ALICE, "GONE", Locale.ENGLISH);
    subscribe(BOB, "GONE", Locale.ENGLISH);
    subscribe(BOB, "CAFE", Locale.ENGLISH);
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    scheduler.start();
    // when
    executor.runNext();
    sleepAndWake();
    // then
    assertThat(alerts.alerts())
        .containsExactly(
            "2 session reminder(s) are for GONE, which is no longer in the programme; they are"
                + " kept in case it returns");
    assertThat(store.pendingFor("GONE")).hasSize(2);
  }

  @Test
  void survivesAFailingStoreAndWaitsBeforeTrying() {
    // given
    ReminderScheduler scheduler =
        new ReminderScheduler(
            new FailingReminderStore(),
            messenger,
            schedule::get,
            Texts.bundled(),
            PARIS,
            ReminderSettings.defaults(),
            alerts,
            clock,
            executor);
    scheduler.start();
    // when
    executor.runNext();
    // then
    assertThat(executor.pendingDelay()).isEqualTo(ReminderScheduler.RETRY_DELAY);
    assertThat(alerts.alerts()).singleElement().asString().contains("disk I/O error");
  }

  @Test
  void sleepsWithoutAProgrammeAndStopsWhenClosed() {
    // given
    schedule.set(Optional.empty());
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    scheduler.start();
    executor.runNext();
    assertThat(executor.pendingDelay()).isEqualTo(ReminderScheduler.MAX_SLEEP);
    // when
    scheduler.close();
    scheduler.wakeNow();
    executor.goDown();
    // then
    assertThat(messenger.sent()).isEmpty();
  }

  @Test
  void statsAndWakeNowDoNotWaitForASendInProgress() throws Exception {
    // given: a wake-up is stuck in a direct message that does not return
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    DirectMessenger stuck =
        (member, content) -> {
          sending.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return DirectMessenger.Delivery.DELIVERED;
        };
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    clock.advance(Duration.ofMinutes(21));
    ReminderScheduler scheduler =
        new ReminderScheduler(
            store,
            stuck,
            schedule::get,
            Texts.bundled(),
            PARIS,
            ReminderSettings.defaults(),
            alerts,
            clock,
            executor);
    scheduler.start();
    CompletableFuture<Void> wake = CompletableFuture.runAsync(executor::runNext);
    try {
      assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
      // when: /metrics and /remind call in from other threads
      ReminderScheduler.Stats stats =
          CompletableFuture.supplyAsync(scheduler::stats).get(10, TimeUnit.SECONDS);
      CompletableFuture.runAsync(scheduler::wakeNow).get(10, TimeUnit.SECONDS);
      // then: both returned while the send is still blocked
      assertThat(stats).isEqualTo(new ReminderScheduler.Stats(0, 0, 0, 0));
    } finally {
      release.countDown();
    }
    wake.get(10, TimeUnit.SECONDS);
    // then: the wakeNow() during the send is not lost: the next wake-up is immediate
    assertThat(executor.pendingDelay()).isEqualTo(Duration.ZERO);
    assertThat(scheduler.stats().sent()).isEqualTo(1);
  }

  @Test
  void neverResendsADeliveryWhoseOutcomeIsUnknown() {
    // given 10:06: the DM arrives but the answer is lost
    subscribe(ALICE, "CAFE", Locale.ENGLISH);
    messenger.uncertainNext(1);
    clock.advance(Duration.ofMinutes(21));
    ReminderScheduler scheduler = scheduler(ReminderSettings.DEFAULT_LEAD);
    scheduler.start();
    // when
    executor.runNext();
    sleepAndWake();
    sleepAndWake();
    // then: once, kept as sent, counted as failed
    assertThat(messenger.to(ALICE)).hasSize(1);
    assertThat(store.pending()).isEmpty();
    assertThat(scheduler.stats()).isEqualTo(new ReminderScheduler.Stats(0, 0, 0, 1));
  }
}
