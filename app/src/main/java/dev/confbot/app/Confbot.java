package dev.confbot.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.adapter.discord.RegistrationDesk;
import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.registration.OrderLookup;
import dev.confbot.core.registration.ReconcileReport;
import dev.confbot.core.registration.SpeakerRoleSync;
import dev.confbot.core.registration.TicketLifecycle;
import dev.confbot.core.registration.TicketSyncService;
import dev.confbot.core.remind.ReminderScheduler;
import dev.confbot.core.schedule.ProgrammeService;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.topics.RoomTopicUpdater;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running confbot: starts the store, the ticket index (from the saved snapshot, then pretix in
 * the background), Discord, the notification scheduler, the room channel topics (when configured)
 * and the session reminders, and stops them in reverse order. The order of start-up is the
 * product's: registration works from the saved snapshot before pretix answers.
 */
final class Confbot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Confbot.class);

  /**
   * Unconfirmed reservations older than this were left by a crash or an outage between reserve and
   * confirm (a registration in flight takes seconds); younger ones are left alone.
   */
  private static final Duration UNFINISHED_GRACE = Duration.ofMinutes(2);

  /** How often unfinished reservations and failed role restores are reconciled. */
  private static final Duration RECONCILE_EVERY = Duration.ofMinutes(1);

  private final Injector injector;
  private final ConfbotConfig config;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private List<String> guildProblems = List.of();

  private Confbot(Injector injector, ConfbotConfig config) {
    this.injector = injector;
    this.config = config;
  }

  /** Builds the object graph; {@code overrides} replace bindings (the demo's ticket source). */
  static Confbot create(ConfbotConfig config, RunOptions options, Module... overrides) {
    Module app = new AppModule(config, options);
    Module module = overrides.length == 0 ? app : Modules.override(app).with(overrides);
    return new Confbot(Guice.createInjector(module), config);
  }

  /** Starts everything; returns once registration is open. */
  void start() {
    long begin = System.nanoTime();
    injector.getInstance(SqliteDatabase.class).start();
    TicketLifecycle lifecycle = injector.getInstance(TicketLifecycle.class);
    TicketSyncService sync = injector.getInstance(TicketSyncService.class);
    sync.loadSaved();
    long beforeDiscord = System.nanoTime();
    DiscordBot bot = injector.getInstance(DiscordBot.class);
    guildProblems = bot.start(injector.getInstance(RegistrationDesk.class));
    long afterDiscord = System.nanoTime();
    AuditSink audit = injector.getInstance(AuditSink.class);
    for (String problem : guildProblems) {
      log.warn("Server set-up: {}", problem);
      audit.record("Server set-up problem: " + problem, true);
    }
    ScheduledExecutorService executor = injector.getInstance(ScheduledExecutorService.class);
    executor.scheduleWithFixedDelay(
        sync::sync, 0, config.pretix().syncInterval().toMillis(), TimeUnit.MILLISECONDS);
    SpeakerRoleSync speakers = injector.getInstance(SpeakerRoleSync.class);
    executor.scheduleWithFixedDelay(
        () -> {
          reconcile(lifecycle);
          retrySpeakerRoles(speakers);
        },
        0,
        RECONCILE_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    startNotifications(executor);
    injector.getInstance(ReminderScheduler.class).start();
    Duration ready = Duration.ofNanos(System.nanoTime() - begin);
    Duration login = Duration.ofNanos(afterDiscord - beforeDiscord);
    log.info(
        "confbot ready in {} ms ({} ms of it logging in to Discord); registration is open",
        ready.toMillis(),
        login.toMillis());
  }

  /** One reconcile run on the timer; never throws (that would cancel the timer). */
  private static void reconcile(TicketLifecycle lifecycle) {
    try {
      ReconcileReport report = lifecycle.reconcile(UNFINISHED_GRACE);
      if (!report.quiet()) {
        log.info(
            "Reconciled claims: {} confirmed, {} roles re-applied, {} released, {} waiting,"
                + " {} rejoined members' roles restored",
            report.confirmed().size(),
            report.regranted().size(),
            report.released().size(),
            report.waiting().size(),
            report.restored().size());
      }
    } catch (RuntimeException e) {
      log.warn("Reconciling claims failed, retrying in a minute: {}", e.getMessage());
    }
  }

  /** Speaker roles of a first or changed schedule; never throws (the refresh must go on). */
  private static void speakerRoles(SpeakerRoleSync sync, Schedule schedule) {
    try {
      SpeakerRoleSync.Report report = sync.scheduleChanged(schedule);
      if (!report.granted().isEmpty() || !report.failed().isEmpty()) {
        log.info(
            "Speaker roles: {} registered speakers got them, {} failed (retried every minute)",
            report.granted().size(),
            report.failed().size());
      }
    } catch (RuntimeException e) {
      log.warn("Giving speakers their roles failed: {}", e.getMessage());
    }
  }

  /** Speaker roles whose grant failed, again; never throws (that would cancel the timer). */
  private static void retrySpeakerRoles(SpeakerRoleSync sync) {
    try {
      SpeakerRoleSync.Report report = sync.retry();
      if (!report.granted().isEmpty()) {
        log.info("Speaker roles given on a retry: {}", report.granted().size());
      }
    } catch (RuntimeException e) {
      log.warn("Retrying speaker roles failed: {}", e.getMessage());
    }
  }

  private void startNotifications(ScheduledExecutorService executor) {
    ProgrammeService programme = injector.getInstance(ProgrammeService.class);
    if (!programme.hasSource()) {
      log.info("No [schedule] source configured: programme notifications are off");
      return;
    }
    NotificationScheduler scheduler = injector.getInstance(NotificationScheduler.class);
    ReminderScheduler reminders = injector.getInstance(ReminderScheduler.class);
    SpeakerRoleSync speakers = injector.getInstance(SpeakerRoleSync.class);
    programme.attach(
        List.of(
            ProgrammeService.Listener.onEach(schedule -> speakerRoles(speakers, schedule)),
            scheduler.programmeListener(),
            ProgrammeService.Listener.onEach(schedule -> reminders.wakeNow())));
    executor.scheduleWithFixedDelay(
        programme::refreshQuietly,
        0,
        config.schedule().refreshInterval().toMillis(),
        TimeUnit.MILLISECONDS);
    if (config.notifications().roomTopics()) {
      injector.getInstance(RoomTopicUpdater.class).start();
      log.info("Room channel topics show Now / Next");
    }
  }

  /** Stops a timer executor, waiting briefly for a running task (e.g. a DM being sent). */
  private void stopTimer(Key<ScheduledExecutorService> key) {
    ScheduledExecutorService executor = injector.getInstance(key);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One shutdown step; a failing step is logged and the next one still runs. */
  private static void step(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      log.warn("Could not {} cleanly: {}", what, e.getMessage());
    }
  }

  /** Problems found with the Discord server at start (empty when it is set up right). */
  List<String> guildProblems() {
    return guildProblems;
  }

  Injector injector() {
    return injector;
  }

  Optional<Instant> lastTicketSync() {
    return injector.getInstance(TicketSyncService.class).lastSuccess();
  }

  Optional<Instant> lastScheduleRefresh() {
    return injector.getInstance(ProgrammeService.class).lastChange();
  }

  /**
   * Stops taking registrations, lets those in flight finish, marks registration offline, stops the
   * timers and closes the store. Idempotent.
   */
  @Override
  public void close() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    log.info("confbot stopping");
    // reminders and topics first: no new DM or topic edit starts while Discord goes offline
    step("stop the session reminders", () -> injector.getInstance(ReminderScheduler.class).close());
    if (config.notifications().roomTopics()) {
      step(
          "stop the room channel topics",
          () -> injector.getInstance(RoomTopicUpdater.class).close());
    }
    step("stop Discord", () -> injector.getInstance(DiscordBot.class).stop());
    step("stop the pretix order lookups", () -> injector.getInstance(OrderLookup.class).close());
    step(
        "stop the notification scheduler",
        () -> injector.getInstance(NotificationScheduler.class).close());
    step(
        "stop the command workers",
        () -> injector.getInstance(AppModule.ORGANIZER_WORKERS).shutdownNow());
    step("stop the timers", () -> stopTimer(Key.get(ScheduledExecutorService.class)));
    step("stop the notification timer", () -> stopTimer(AppModule.NOTIFICATION_TIMER));
    step("stop the reminder timer", () -> stopTimer(AppModule.REMINDER_TIMER));
    if (config.notifications().roomTopics()) {
      step("stop the room topic timer", () -> stopTimer(AppModule.TOPIC_TIMER));
    }
    step("close the store", () -> injector.getInstance(SqliteDatabase.class).close());
    log.info("confbot stopped");
  }
}
