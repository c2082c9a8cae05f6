package dev.confbot.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.notify.Labels;
import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationRenderer;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.port.Announcer;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ChannelTopics;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.PersonalData;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.privacy.ForgetService;
import dev.confbot.core.privacy.PurgeService;
import dev.confbot.core.programme.ProgrammeService;
import dev.confbot.core.registration.OrganizerGrants;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import dev.confbot.core.registration.TicketSyncService;
import dev.confbot.core.registration.TicketSyncWatch;
import dev.confbot.core.remind.ReminderScheduler;
import dev.confbot.core.remind.ReminderService;
import dev.confbot.core.remind.ReminderSettings;
import dev.confbot.core.topics.RoomTopicUpdater;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The core services of a running confbot (registration through {@link RegistrationModule}, ticket
 * sync, programme, notifications, reminders, room topics, privacy and its purge, organizer grants),
 * built over the core ports the adapters' modules bind and the settings the configuration gives.
 * Constructs; starts nothing ({@link Lifecycle} does).
 */
final class CoreServicesModule extends AbstractModule {
  /** Sync failures in a row after which organizers are alerted and /healthz reports "degraded". */
  static final int SYNC_FAILURES_BEFORE_ALERT = 3;

  private final ConfbotConfig config;

  CoreServicesModule(ConfbotConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    install(new RegistrationModule(RegistrationModule.Settings.of(config.registration())));
  }

  @Provides
  @Singleton
  RegistrationMessages registrationMessages(Texts texts) {
    return RegistrationMessages.forLanguage(
        texts.defaults(), "#" + config.registration().helpChannel().value());
  }

  @Provides
  @Singleton
  TicketSyncWatch ticketSyncWatch(AuditSink audit) {
    Duration stale = config.pretix().syncInterval().multipliedBy(SYNC_FAILURES_BEFORE_ALERT);
    Duration atLeast = Duration.ofMinutes(10);
    // the syncs run on a real-time timer, so their age is real time too (the demo's simulated
    // conference clock runs far faster and would call every sync stale)
    return new TicketSyncWatch(
        audit,
        Clock.systemUTC(),
        SYNC_FAILURES_BEFORE_ALERT,
        stale.compareTo(atLeast) < 0 ? atLeast : stale);
  }

  @Provides
  @Singleton
  TicketSyncService ticketSyncService(
      TicketIndex index,
      TicketLifecycle lifecycle,
      TicketSource source,
      TicketIndexStore store,
      TicketSyncWatch watch) {
    return new TicketSyncService(index, lifecycle, source, store, watch);
  }

  @Provides
  @Singleton
  Texts texts() {
    return Texts.configured(config.attendee().defaultLanguage(), config.attendee().textOverrides());
  }

  /** The programme; without a configured source it stays empty. */
  @Provides
  @Singleton
  ProgrammeService programme(Optional<ScheduleSource> source, Clock clock) {
    return source
        .map(s -> new ProgrammeService(s, clock))
        .orElseGet(() -> ProgrammeService.withoutSource(clock));
  }

  @Provides
  @Singleton
  NotificationScheduler notificationScheduler(
      NotificationSettings settings,
      NotificationLog ledger,
      Announcer announcer,
      AuditSink audit,
      Clock clock,
      @Named("notification-timer") ScheduledExecutorService executor,
      Texts texts) {
    return new NotificationScheduler(
        new NotificationPlanner(settings),
        new NotificationRenderer(settings, Labels.forLanguage(texts.defaults())),
        ledger,
        announcer,
        audit,
        clock,
        executor);
  }

  @Provides
  @Singleton
  RoomTopicUpdater roomTopicUpdater(
      ProgrammeService programme,
      ChannelTopics topics,
      AuditSink audit,
      Texts texts,
      Clock clock,
      @Named("topic-timer") ScheduledExecutorService executor) {
    Map<String, String> rooms = new LinkedHashMap<>();
    config
        .notifications()
        .roomChannels()
        .forEach((room, channel) -> rooms.put(room, channel.value()));
    return new RoomTopicUpdater(
        programme::latest,
        rooms,
        config.schedule().timeZone(),
        texts.defaults(),
        topics,
        audit,
        clock,
        executor);
  }

  @Provides
  @Singleton
  ForgetService forgetService(
      PersonalData data,
      ClaimStore claims,
      TicketIndex index,
      RoleMapping mapping,
      RoleGateway roles,
      AuditSink audit) {
    return new ForgetService(data, claims, index, mapping, roles, audit);
  }

  /** Deleting personal data after the retention period ({@code confbot data purge}). */
  @Provides
  @Singleton
  PurgeService purgeService(PersonalData data, Clock clock) {
    return new PurgeService(
        data, config.privacy().retainedUntil(), config.schedule().timeZone(), clock);
  }

  @Provides
  @Singleton
  ReminderSettings reminderSettings() {
    return new ReminderSettings(config.attendee().reminderLead());
  }

  @Provides
  @Singleton
  ReminderScheduler reminderScheduler(
      ReminderStore store,
      DirectMessenger messenger,
      ProgrammeService programme,
      Texts texts,
      ReminderSettings settings,
      AuditSink audit,
      Clock clock,
      @Named("reminder-timer") ScheduledExecutorService executor) {
    return new ReminderScheduler(
        store,
        messenger,
        programme::latest,
        texts,
        config.schedule().timeZone(),
        settings,
        audit,
        clock,
        executor);
  }

  @Provides
  @Singleton
  ReminderService reminderService(
      ReminderStore store,
      DirectMessenger messenger,
      ProgrammeService programme,
      Texts texts,
      ReminderSettings settings,
      Clock clock,
      ReminderScheduler scheduler) {
    return new ReminderService(
        store,
        messenger,
        programme::latest,
        texts,
        config.schedule().timeZone(),
        settings,
        clock,
        scheduler::wakeNow);
  }

  @Provides
  @Singleton
  OrganizerGrants organizerGrants(RoleGateway roles, AuditSink audit) {
    return new OrganizerGrants(config.organizers().grantableRoles(), roles, audit);
  }
}
