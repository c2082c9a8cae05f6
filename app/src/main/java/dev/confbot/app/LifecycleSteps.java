package dev.confbot.app;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.adapter.discord.Registrar;
import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.programme.ProgrammeService;
import dev.confbot.core.registration.OrderLookup;
import dev.confbot.core.registration.ReconcileReport;
import dev.confbot.core.registration.SpeakerRoleSync;
import dev.confbot.core.registration.TicketLifecycle;
import dev.confbot.core.registration.TicketSyncService;
import dev.confbot.core.remind.ReminderScheduler;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.topics.RoomTopicUpdater;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running confbot, in the order they start: the store, the threads, the ticket index
 * (from the saved snapshot, so registration works before pretix answers), Discord, the background
 * sync and reconcile, the programme (notifications, speaker roles, room topics) and the session
 * reminders. {@link Lifecycle} stops them in reverse: reminders and notifications end before
 * Discord goes offline, and the store closes last.
 */
final class LifecycleSteps {
  private static final Logger log = LoggerFactory.getLogger(LifecycleSteps.class);

  /**
   * Unconfirmed reservations older than this were left by a crash or an outage between reserve and
   * confirm (a registration in flight takes seconds); younger ones are left alone.
   */
  private static final Duration UNFINISHED_GRACE = Duration.ofMinutes(2);

  /** How often unfinished reservations and failed role restores are reconciled. */
  private static final Duration RECONCILE_EVERY = Duration.ofMinutes(1);

  private LifecycleSteps() {}

  /** The embedded database: opened (and migrated) first, closed last. */
  @Singleton
  static final class Store implements Lifecycle.Step {
    private final SqliteDatabase database;

    @Inject
    Store(SqliteDatabase database) {
      this.database = database;
    }

    @Override
    public String name() {
      return "the store";
    }

    @Override
    public void start() {
      database.start();
    }

    @Override
    public void stop() {
      database.close();
    }
  }

  /** The timers and the command workers; stopped once nothing uses them any more. */
  @Singleton
  static final class Threads implements Lifecycle.Step {
    private final ExecutorsModule.All executors;

    @Inject
    Threads(ExecutorsModule.All executors) {
      this.executors = executors;
    }

    @Override
    public String name() {
      return "the timers and workers";
    }

    @Override
    public void start() {}

    @Override
    public void stop() {
      executors.stop();
    }
  }

  /** The ticket index from the saved snapshot; on stop, the direct pretix lookups end. */
  @Singleton
  static final class Tickets implements Lifecycle.Step {
    private final TicketSyncService sync;
    private final Provider<OrderLookup> lookups;

    @Inject
    Tickets(TicketSyncService sync, Provider<OrderLookup> lookups) {
      this.sync = sync;
      this.lookups = lookups;
    }

    @Override
    public String name() {
      return "the pretix order lookups";
    }

    @Override
    public void start() {
      sync.loadSaved();
    }

    @Override
    public void stop() {
      lookups.get().close();
    }
  }

  /**
   * The Discord connection: registration opens once it has started. Problems with the server are
   * logged, sent to the organizers' log and kept for the caller.
   */
  @Singleton
  static final class Discord implements Lifecycle.Step {
    private final DiscordBot bot;
    private final Provider<Registrar> registrar;
    private final Provider<AuditSink> audit;
    private volatile List<String> problems = List.of();
    private volatile Duration login = Duration.ZERO;

    @Inject
    Discord(DiscordBot bot, Provider<Registrar> registrar, Provider<AuditSink> audit) {
      this.bot = bot;
      this.registrar = registrar;
      this.audit = audit;
    }

    @Override
    public String name() {
      return "Discord";
    }

    @Override
    public void start() {
      long begin = System.nanoTime();
      problems = bot.start(registrar.get());
      login = Duration.ofNanos(System.nanoTime() - begin);
      for (String problem : problems) {
        log.warn("Server set-up: {}", problem);
        audit.get().record("Server set-up problem: " + problem, true);
      }
    }

    @Override
    public void stop() {
      bot.stop();
    }

    /** Problems found with the Discord server at start (empty when it is set up right). */
    List<String> problems() {
      return problems;
    }

    /** How long logging in took. */
    Duration login() {
      return login;
    }
  }

  /** The pretix sync, and the reconcile of claims and speaker roles, on the shared timer. */
  @Singleton
  static final class Background implements Lifecycle.Step {
    private final ConfbotConfig config;
    private final ScheduledExecutorService timer;
    private final TicketSyncService sync;
    private final TicketLifecycle tickets;
    private final SpeakerRoleSync speakers;

    @Inject
    Background(
        ConfbotConfig config,
        ScheduledExecutorService timer,
        TicketSyncService sync,
        TicketLifecycle tickets,
        SpeakerRoleSync speakers) {
      this.config = config;
      this.timer = timer;
      this.sync = sync;
      this.tickets = tickets;
      this.speakers = speakers;
    }

    @Override
    public String name() {
      return "the ticket sync";
    }

    @Override
    public void start() {
      timer.scheduleWithFixedDelay(
          sync::sync, 0, config.pretix().syncInterval().toMillis(), TimeUnit.MILLISECONDS);
      timer.scheduleWithFixedDelay(
          () -> {
            reconcile();
            retrySpeakerRoles();
          },
          0,
          RECONCILE_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    /** The tasks end with the shared timer. */
    @Override
    public void stop() {}

    /** One reconcile run on the timer; never throws (that would cancel the timer). */
    private void reconcile() {
      try {
        ReconcileReport report = tickets.reconcile(UNFINISHED_GRACE);
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

    /** Speaker roles whose grant failed, again; never throws (that would cancel the timer). */
    private void retrySpeakerRoles() {
      try {
        SpeakerRoleSync.Report report = speakers.retry();
        if (!report.granted().isEmpty()) {
          log.info("Speaker roles given on a retry: {}", report.granted().size());
        }
      } catch (RuntimeException e) {
        log.warn("Retrying speaker roles failed: {}", e.getMessage());
      }
    }
  }

  /**
   * The programme: the schedule refreshed on the shared timer, each version handed to the speaker
   * roles, the notifications and the reminders, and the room topics (with {@code room_topics}).
   */
  @Singleton
  static final class Programme implements Lifecycle.Step {
    private final ConfbotConfig config;
    private final ScheduledExecutorService timer;
    private final ProgrammeService programme;
    private final Provider<NotificationScheduler> notifications;
    private final Provider<ReminderScheduler> reminders;
    private final Provider<SpeakerRoleSync> speakers;
    private final Provider<RoomTopicUpdater> topics;
    private boolean started;

    @Inject
    Programme(
        ConfbotConfig config,
        ScheduledExecutorService timer,
        ProgrammeService programme,
        Provider<NotificationScheduler> notifications,
        Provider<ReminderScheduler> reminders,
        Provider<SpeakerRoleSync> speakers,
        Provider<RoomTopicUpdater> topics) {
      this.config = config;
      this.timer = timer;
      this.programme = programme;
      this.notifications = notifications;
      this.reminders = reminders;
      this.speakers = speakers;
      this.topics = topics;
    }

    @Override
    public String name() {
      return "the programme notifications";
    }

    @Override
    public void start() {
      if (!programme.hasSource()) {
        log.info("No [schedule] source configured: programme notifications are off");
        return;
      }
      started = true;
      ReminderScheduler reminderScheduler = reminders.get();
      SpeakerRoleSync speakerRoles = speakers.get();
      programme.attach(
          List.of(
              ProgrammeService.Listener.onEach(schedule -> speakerRoles(speakerRoles, schedule)),
              notifications.get().programmeListener(),
              ProgrammeService.Listener.onEach(schedule -> reminderScheduler.wakeNow())));
      timer.scheduleWithFixedDelay(
          programme::refreshQuietly,
          0,
          config.schedule().refreshInterval().toMillis(),
          TimeUnit.MILLISECONDS);
      if (config.notifications().roomTopics()) {
        topics.get().start();
        log.info("Room channel topics show Now / Next");
      }
    }

    @Override
    public void stop() {
      if (!started) {
        return;
      }
      if (config.notifications().roomTopics()) {
        topics.get().close();
      }
      notifications.get().close();
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
  }

  /** The session reminders' timer. */
  @Singleton
  static final class Reminders implements Lifecycle.Step {
    private final ReminderScheduler reminders;

    @Inject
    Reminders(ReminderScheduler reminders) {
      this.reminders = reminders;
    }

    @Override
    public String name() {
      return "the session reminders";
    }

    @Override
    public void start() {
      reminders.start();
    }

    @Override
    public void stop() {
      reminders.close();
    }
  }
}
