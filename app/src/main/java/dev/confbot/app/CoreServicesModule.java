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
import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ChannelTopics;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.PersonalData;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.privacy.ForgetService;
import dev.confbot.core.programme.ProgrammeService;
import dev.confbot.core.registration.OrderLookup;
import dev.confbot.core.registration.OrganizerGrants;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.SpeakerRoleSync;
import dev.confbot.core.registration.SpeakerRoles;
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
 * The core services of a running confbot (registration, ticket sync, programme, notifications,
 * reminders, room topics, privacy, organizer grants), built over the core ports the adapters'
 * modules bind and the settings the configuration gives. Constructs; starts nothing ({@link
 * Lifecycle} does).
 */
final class CoreServicesModule extends AbstractModule {
  /** Sync failures in a row after which organizers are alerted and /healthz reports "degraded". */
  static final int SYNC_FAILURES_BEFORE_ALERT = 3;

  private final ConfbotConfig config;

  CoreServicesModule(ConfbotConfig config) {
    this.config = config;
  }

  @Provides
  @Singleton
  TicketIndex ticketIndex() {
    return new TicketIndex();
  }

  @Provides
  @Singleton
  RoleMapping roleMapping(SpeakerRoles speakers) {
    return Wiring.roleMapping(config.registration()).withSpeakerRoles(speakers);
  }

  /** Who is a speaker: follows the schedule ({@link SpeakerRoleSync} updates it). */
  @Provides
  @Singleton
  SpeakerRoles speakerRoles() {
    return new SpeakerRoles(config.registration().speakerRoles());
  }

  @Provides
  @Singleton
  SpeakerRoleSync speakerRoleSync(
      SpeakerRoles speakers,
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      AuditSink audit) {
    return new SpeakerRoleSync(
        speakers,
        index,
        claims,
        roles,
        audit,
        Wiring.registrationSettings(config.registration()).allowedStates());
  }

  @Provides
  @Singleton
  RegistrationMessages registrationMessages(Texts texts) {
    return RegistrationMessages.forLanguage(
        texts.defaults(), "#" + config.registration().helpChannel().value());
  }

  @Provides
  @Singleton
  TicketLifecycle ticketLifecycle(
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      Clock clock,
      PendingRestores pendingRestores) {
    return new TicketLifecycle(
        index,
        claims,
        roles,
        mapping,
        audit,
        clock,
        Wiring.cancellationPolicy(config.registration()),
        Wiring.registrationSettings(config.registration()).allowedStates(),
        pendingRestores);
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

  /** Direct pretix lookups on their own bounded executor; the lifecycle stops it. */
  @Provides
  @Singleton
  OrderLookup orderLookup(
      TicketIndex index, TicketSource source, Clock clock, OrderLookup.Settings settings) {
    return OrderLookup.start(index, source, clock, settings);
  }

  @Provides
  @Singleton
  RegistrationService registrationService(
      OrderLookup orders,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      AttemptLog attempts,
      Clock clock,
      RegistrationMessages messages) {
    return new RegistrationService(
        orders,
        claims,
        roles,
        mapping,
        audit,
        attempts,
        clock,
        Wiring.registrationSettings(config.registration()),
        messages);
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
