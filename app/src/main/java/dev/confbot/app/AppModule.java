package dev.confbot.app;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.confbot.adapter.discord.DiscordAnnouncer;
import dev.confbot.adapter.discord.DiscordAuditSink;
import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.adapter.discord.DiscordChannelTopics;
import dev.confbot.adapter.discord.DiscordDirectMessenger;
import dev.confbot.adapter.discord.DiscordRoleGateway;
import dev.confbot.adapter.discord.DiscordSettings;
import dev.confbot.adapter.discord.GrantCommands;
import dev.confbot.adapter.discord.GuildSetup;
import dev.confbot.adapter.discord.JobBoardCommands;
import dev.confbot.adapter.discord.OrganizerCommands;
import dev.confbot.adapter.discord.PrivacyCommands;
import dev.confbot.adapter.discord.ProgrammeCommands;
import dev.confbot.adapter.discord.RegistrationDesk;
import dev.confbot.adapter.discord.ReminderCommands;
import dev.confbot.adapter.discord.ServiceRegistrationDesk;
import dev.confbot.adapter.pretalx.FileScheduleCache;
import dev.confbot.adapter.pretalx.ScheduleSources;
import dev.confbot.adapter.pretix.PretixModule;
import dev.confbot.adapter.pretix.PretixSettings;
import dev.confbot.adapter.sqlite.SqliteModule;
import dev.confbot.adapter.sqlite.SqliteSettings;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.RegistrationConfig;
import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.RoleRef;
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
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.PersonalData;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.privacy.ForgetService;
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
import dev.confbot.core.schedule.ProgrammeService;
import dev.confbot.core.topics.RoomTopicUpdater;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The app's bindings: the configuration turned into settings, and the core services built over the
 * adapters' ports. Installs {@link SqliteModule} (claims, ticket snapshot, ledgers) and {@link
 * PretixModule} (the ticket source). Binds: {@link Clock}, {@link DiscordBot}, {@link RoleGateway},
 * {@link AuditSink}, {@link Announcer}, {@link TicketIndex}, {@link RoleMapping}, {@link
 * TicketLifecycle}, {@link RegistrationService}, {@link RegistrationDesk}, {@link
 * NotificationScheduler}, {@link DirectMessenger}, {@link ReminderService}, {@link ForgetService},
 * {@link ReminderScheduler}, {@link ChannelTopics}, {@link RoomTopicUpdater} (started by {@link
 * Confbot} only with {@code room_topics = true}), an optional {@link ScheduleSource} and the shared
 * {@link ScheduledExecutorService} (ticket sync, schedule refresh) plus one timer thread each for
 * programme notifications, reminders and room topics. No I/O happens here; {@link Confbot} starts
 * things.
 */
final class AppModule extends AbstractModule {
  private final ConfbotConfig config;
  private final RunOptions options;

  AppModule(ConfbotConfig config, RunOptions options) {
    this.config = config;
    this.options = options;
  }

  @Override
  protected void configure() {
    install(new SqliteModule());
    install(new PretixModule());
    bind(ConfbotConfig.class).toInstance(config);
    bind(Clock.class).toInstance(options.clock());
    bind(SqliteSettings.class).toInstance(Wiring.sqliteSettings(config));
    bind(PretixSettings.class).toInstance(Wiring.pretixSettings(config.pretix()));
    bind(NotificationSettings.class).toInstance(Wiring.notificationSettings(config));
    bind(OrderLookup.Settings.class).toInstance(OrderLookup.Settings.defaults());
  }

  @Provides
  @Singleton
  ScheduledExecutorService executor() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newScheduledThreadPool(
        2,
        runnable -> {
          Thread thread = new Thread(runnable, "confbot-timer-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * The programme notifications' own timer thread: a hung pretix sync or a slow schedule refresh on
   * the shared timer never delays a due notification.
   */
  static final Key<ScheduledExecutorService> NOTIFICATION_TIMER =
      Key.get(ScheduledExecutorService.class, Names.named("notification-timer"));

  /** The session reminders' own timer thread: their DMs never delay programme notifications. */
  static final Key<ScheduledExecutorService> REMINDER_TIMER =
      Key.get(ScheduledExecutorService.class, Names.named("reminder-timer"));

  /** The room topics' own timer thread: topic edits never delay programme notifications. */
  static final Key<ScheduledExecutorService> TOPIC_TIMER =
      Key.get(ScheduledExecutorService.class, Names.named("topic-timer"));

  @Provides
  @Singleton
  @Named("notification-timer")
  ScheduledExecutorService notificationTimer() {
    return singleTimer("confbot-notifications");
  }

  @Provides
  @Singleton
  @Named("reminder-timer")
  ScheduledExecutorService reminderTimer() {
    return singleTimer("confbot-reminders");
  }

  @Provides
  @Singleton
  @Named("topic-timer")
  ScheduledExecutorService topicTimer() {
    return singleTimer("confbot-topics");
  }

  private static ScheduledExecutorService singleTimer(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, threadName);
          thread.setDaemon(true);
          return thread;
        });
  }

  /** The bounded pool organizer and programme commands run on (JDA's threads never block). */
  static final Key<ExecutorService> ORGANIZER_WORKERS =
      Key.get(ExecutorService.class, Names.named("organizer-workers"));

  @Provides
  @Singleton
  @Named("organizer-workers")
  ExecutorService organizerWorkers() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(
        2,
        2,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(100),
        runnable -> {
          Thread thread = new Thread(runnable, "confbot-organizer-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @Provides
  @Singleton
  DiscordBot discordBot(
      ClaimStore claims,
      TicketIndex index,
      RoleMapping mapping,
      Clock clock,
      Provider<TicketSyncService> sync,
      Provider<ProgrammeService> programme,
      NotificationSettings notificationSettings,
      NotificationLog ledger,
      Provider<NotificationScheduler> scheduler,
      @Named("organizer-workers") ExecutorService organizerWorkers,
      Provider<ReminderService> reminders,
      Texts texts,
      JobLedger jobLedger,
      Provider<ForgetService> forget) {
    RegistrationConfig registration = config.registration();
    Map<String, String> channels = new LinkedHashMap<>();
    Wiring.postedChannels(config).forEach(c -> channels.put(c.purpose(), c.value()));
    Set<RoleRef> roles = new LinkedHashSet<>(mapping.allRoles());
    roles.addAll(Wiring.grantedRoles(config));
    DiscordSettings settings =
        new DiscordSettings(
            config.discord().token().reveal(),
            config.discord().guildId(),
            options.discordRestUrl(),
            options.discordGatewayUrl(),
            config.discord().messageContentIntent());
    AtomicReference<@Nullable DiscordBot> self = new AtomicReference<>();
    Supplier<Guild> guild = () -> Objects.requireNonNull(self.get(), "bot").guild();
    Optional<OrganizerCommands.Programme> schedule =
        config
            .schedule()
            .location()
            .map(
                location ->
                    new OrganizerCommands.Programme(
                        new NotificationPlanner(notificationSettings),
                        () -> programme.get().latest(),
                        ledger,
                        () -> scheduler.get().stats(),
                        () ->
                            "source "
                                + location
                                + programme
                                    .get()
                                    .lastChange()
                                    .map(at -> ", last changed " + at)
                                    .orElse(", not loaded yet"),
                        () -> Wiring.reloadAnswer(programme.get().reload())));
    OrganizerCommands organizer =
        new OrganizerCommands(
            new OrganizerCommands.Settings(
                config.discord().guildId(),
                Set.copyOf(config.organizers().roles()),
                List.copyOf(roles),
                config.schedule().timeZone(),
                config.discord().messageContentIntent()),
            claims,
            index,
            mapping,
            new DiscordRoleGateway(guild),
            new DiscordAuditSink(guild, registration.logChannel().value()),
            () -> sync.get().full(),
            schedule,
            clock,
            organizerWorkers);
    ProgrammeCommands programmeCommands =
        new ProgrammeCommands(
            () -> programme.get().latest(),
            clock,
            config.livestreams().byRoom(),
            config.schedule().timeZone(),
            texts,
            organizerWorkers);
    JobBoardCommands jobBoard =
        new JobBoardCommands(
            new JobBoardCommands.Settings(
                config.discord().guildId(),
                Set.copyOf(config.organizers().roles()),
                config.jobBoard().channel().value(),
                config.jobBoard().csv()),
            jobLedger,
            clock,
            organizerWorkers);
    GrantCommands grants =
        new GrantCommands(
            new GrantCommands.Settings(
                config.discord().guildId(), Set.copyOf(config.organizers().roles())),
            new OrganizerGrants(
                config.organizers().grantableRoles(),
                new DiscordRoleGateway(guild),
                new DiscordAuditSink(guild, registration.logChannel().value())),
            organizerWorkers);
    List<CommandData> commands = new ArrayList<>(OrganizerCommands.commands());
    commands.addAll(GrantCommands.commands(config.organizers().grantableRoles()));
    commands.addAll(ProgrammeCommands.commands());
    commands.addAll(JobBoardCommands.commands());
    commands.addAll(ReminderCommands.commands());
    commands.addAll(PrivacyCommands.commands());
    PrivacyCommands privacyCommands =
        new PrivacyCommands(
            new PrivacyCommands.Settings(
                config.discord().guildId(), Set.copyOf(config.organizers().roles())),
            forget::get,
            texts,
            organizerWorkers);
    ReminderCommands reminderCommands =
        new ReminderCommands(reminders::get, texts, organizerWorkers);
    DiscordBot bot =
        new DiscordBot(
            settings,
            new GuildSetup(
                registration.channel().value(),
                channels,
                roles,
                registration.setNickname(),
                Wiring.topicChannels(config)),
            commands,
            List.of(
                organizer, programmeCommands, jobBoard, reminderCommands, privacyCommands, grants),
            texts);
    self.set(bot);
    return bot;
  }

  @Provides
  @Singleton
  RoleGateway roleGateway(DiscordBot bot) {
    return new DiscordRoleGateway(bot::guild);
  }

  @Provides
  @Singleton
  AuditSink auditSink(DiscordBot bot) {
    return new DiscordAuditSink(bot::guild, config.registration().logChannel().value());
  }

  @Provides
  @Singleton
  Announcer announcer(DiscordBot bot) {
    return new DiscordAnnouncer(bot::jda, config.discord().guildId(), Wiring.webhooks(config));
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
    return RegistrationMessages.forLanguage(texts.defaults(), helpMention());
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

  /** Sync failures in a row after which organizers are alerted and /healthz reports "degraded". */
  static final int SYNC_FAILURES_BEFORE_ALERT = 3;

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

  /** Direct pretix lookups on their own bounded executor; {@link Confbot#close} stops it. */
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

  @Provides
  @Singleton
  RegistrationDesk registrationDesk(
      RegistrationService service, TicketLifecycle lifecycle, Texts texts) {
    String help = helpMention();
    Map<Language, RegistrationMessages> byLanguage = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      byLanguage.put(language, RegistrationMessages.forLanguage(texts.forLanguage(language), help));
    }
    return new ServiceRegistrationDesk(
        service,
        lifecycle,
        locale -> Objects.requireNonNull(byLanguage.get(texts.forLocale(locale).language())));
  }

  private String helpMention() {
    return "#" + config.registration().helpChannel().value();
  }

  @Provides
  @Singleton
  Optional<ScheduleSource> scheduleSource(Clock clock, AuditSink audit) {
    return Wiring.pretalxSettings(config.schedule())
        .map(
            settings ->
                ScheduleSources.create(
                    settings,
                    new OkHttpClient(),
                    clock,
                    audit,
                    new FileScheduleCache(
                        config.runtime().dataDir().resolve("schedule-cache.json"))));
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
  ChannelTopics channelTopics(DiscordBot bot) {
    return new DiscordChannelTopics(bot::jda, config.discord().guildId());
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
  DirectMessenger directMessenger(DiscordBot bot) {
    return new DiscordDirectMessenger(bot::jda);
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
}
