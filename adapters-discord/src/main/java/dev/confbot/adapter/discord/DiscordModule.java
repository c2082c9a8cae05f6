package dev.confbot.adapter.discord;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.port.Announcer;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ChannelTopics;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.privacy.ForgetService;
import dev.confbot.core.programme.ProgrammeService;
import dev.confbot.core.registration.ClaimAdministration;
import dev.confbot.core.registration.OrganizerGrants;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import dev.confbot.core.registration.TicketSyncService;
import dev.confbot.core.remind.ReminderService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.jspecify.annotations.Nullable;

/**
 * The Discord side of a running confbot: the {@link DiscordBot} with its slash commands, and the
 * core ports Discord implements ({@link RoleGateway}, {@link AuditSink}, {@link Announcer}, {@link
 * ChannelTopics}, {@link DirectMessenger}) plus the {@link Registrar} the form answers through.
 *
 * <p>Needs {@link Settings}, {@link Clock}, {@link Texts}, the worker pool under {@link
 * #COMMAND_WORKERS} and the core services the commands call, all bound elsewhere. The ports reach
 * the guild through the bot lazily, so nothing here connects: {@link DiscordBot#start} does.
 */
public final class DiscordModule extends AbstractModule {

  /** The bounded pool slash commands run on (JDA's threads never block); bound by the app. */
  public static final Key<ExecutorService> COMMAND_WORKERS =
      Key.get(ExecutorService.class, Names.named("command-workers"));

  /**
   * What the Discord side needs from the configuration.
   *
   * @param connection token, guild id and (tests, demo) REST and gateway URLs
   * @param guild the roles and channels the guild must have
   * @param organizers who may use organizer commands, and what {@code /stats} counts
   * @param channels where the bot logs, sends attendees for help, and which webhooks it posts with
   * @param event the conference's zone, schedule and livestreams
   * @param jobBoard the job board's channel and file
   */
  public record Settings(
      DiscordSettings connection,
      GuildSetup guild,
      Organizers organizers,
      Channels channels,
      Event event,
      JobBoard jobBoard) {

    long guildId() {
      return connection.guildId();
    }
  }

  /**
   * @param roles who may use organizer commands
   * @param countedRoles the roles {@code /stats} counts (mapped, extra, speaker and grantable)
   */
  public record Organizers(Set<RoleRef> roles, List<RoleRef> countedRoles) {
    public Organizers {
      roles = Set.copyOf(roles);
      countedRoles = List.copyOf(countedRoles);
    }
  }

  /**
   * @param log the organizers' log channel
   * @param help the channel attendees are sent to when something goes wrong
   * @param webhooks webhook aliases by channel purpose, for notifications
   */
  public record Channels(String log, String help, Map<String, String> webhooks) {
    public Channels {
      webhooks = Map.copyOf(webhooks);
    }
  }

  /**
   * @param zone the conference's time zone
   * @param scheduleLocation the schedule's URL or file, empty when there is no schedule
   * @param livestreams room → day → stream URL
   */
  public record Event(
      ZoneId zone,
      Optional<String> scheduleLocation,
      Map<String, Map<LocalDate, String>> livestreams) {
    public Event {
      livestreams = Map.copyOf(livestreams);
    }
  }

  /**
   * @param channel the job board's channel
   * @param csv the job board's CSV file, null when there is none
   */
  public record JobBoard(String channel, @Nullable Path csv) {}

  private final Supplier<Settings> source;
  private @Nullable Settings settings;

  public DiscordModule(Settings settings) {
    this(() -> settings);
  }

  /**
   * A module whose settings are made when the Discord side is first built: one-shot commands that
   * never reach Discord need no token.
   */
  public DiscordModule(Supplier<Settings> settings) {
    this.source = settings;
  }

  @Override
  protected void configure() {
    bind(Settings.class).toProvider((com.google.inject.Provider<Settings>) this::settings);
  }

  private synchronized Settings settings() {
    Settings made = settings;
    if (made == null) {
      made = source.get();
      settings = made;
    }
    return made;
  }

  /** The bot with every slash command; the ports below reach its guild once it is started. */
  @Provides
  @Singleton
  DiscordBot discordBot(
      OrganizerCommands organizer,
      ProgrammeCommands programme,
      JobBoardCommands jobBoard,
      ReminderCommands reminders,
      PrivacyCommands privacy,
      GrantCommands grants,
      OrganizerGrants grantable,
      Texts texts) {
    List<CommandData> commands = new ArrayList<>(OrganizerCommands.commands());
    commands.addAll(GrantCommands.commands(grantable.grantable()));
    commands.addAll(ProgrammeCommands.commands());
    commands.addAll(JobBoardCommands.commands());
    commands.addAll(ReminderCommands.commands());
    commands.addAll(PrivacyCommands.commands());
    return new DiscordBot(
        settings().connection(),
        settings().guild(),
        commands,
        List.of(organizer, programme, jobBoard, reminders, privacy, grants),
        texts);
  }

  /** The conference guild of the running bot, looked up on each use (fresh after reconnects). */
  private static Guild guild(Provider<DiscordBot> bot) {
    return bot.get().guild();
  }

  private static JDA jda(Provider<DiscordBot> bot) {
    return bot.get().jda();
  }

  @Provides
  @Singleton
  RoleGateway roleGateway(Provider<DiscordBot> bot) {
    return new DiscordRoleGateway(() -> guild(bot));
  }

  @Provides
  @Singleton
  AuditSink auditSink(Provider<DiscordBot> bot) {
    return new DiscordAuditSink(() -> guild(bot), settings().channels().log());
  }

  @Provides
  @Singleton
  Announcer announcer(Provider<DiscordBot> bot) {
    return new DiscordAnnouncer(
        () -> jda(bot), settings().guildId(), settings().channels().webhooks());
  }

  @Provides
  @Singleton
  ChannelTopics channelTopics(Provider<DiscordBot> bot) {
    return new DiscordChannelTopics(() -> jda(bot), settings().guildId());
  }

  @Provides
  @Singleton
  DirectMessenger directMessenger(Provider<DiscordBot> bot) {
    return new DiscordDirectMessenger(() -> jda(bot));
  }

  /** Answers each member in the language of their Discord client. */
  @Provides
  @Singleton
  Registrar registrar(RegistrationService service, TicketLifecycle lifecycle, Texts texts) {
    String help = "#" + settings().channels().help();
    Map<Language, RegistrationMessages> byLanguage = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      byLanguage.put(language, RegistrationMessages.forLanguage(texts.forLanguage(language), help));
    }
    return new ServiceRegistrar(
        service,
        lifecycle,
        locale -> Objects.requireNonNull(byLanguage.get(texts.forLocale(locale).language())));
  }

  @Provides
  @Singleton
  OrganizerCommands organizerCommands(
      ClaimStore claims,
      TicketIndex index,
      ClaimAdministration admin,
      Provider<TicketSyncService> sync,
      Optional<OrganizerCommands.Programme> programme,
      Clock clock,
      @Named("command-workers") ExecutorService workers) {
    return new OrganizerCommands(
        new OrganizerCommands.Settings(
            settings().guildId(),
            settings().organizers().roles(),
            settings().organizers().countedRoles(),
            settings().event().zone(),
            settings().connection().messageContentIntent()),
        claims,
        index,
        admin,
        () -> sync.get().full(),
        programme,
        clock,
        workers);
  }

  /** {@code /schedule}'s view of the programme; empty when no schedule is configured. */
  @Provides
  @Singleton
  Optional<OrganizerCommands.Programme> schedule(
      NotificationSettings notifications,
      Provider<ProgrammeService> programme,
      NotificationLog ledger,
      Provider<NotificationScheduler> scheduler) {
    return settings()
        .event()
        .scheduleLocation()
        .map(
            location ->
                new OrganizerCommands.Programme(
                    new NotificationPlanner(notifications),
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
                    () -> OrganizerScheduleCommands.reloadAnswer(programme.get().reload())));
  }

  @Provides
  @Singleton
  ProgrammeCommands programmeCommands(
      Provider<ProgrammeService> programme,
      Clock clock,
      Texts texts,
      @Named("command-workers") ExecutorService workers) {
    return new ProgrammeCommands(
        () -> programme.get().latest(),
        clock,
        settings().event().livestreams(),
        settings().event().zone(),
        texts,
        workers);
  }

  @Provides
  @Singleton
  JobBoardCommands jobBoardCommands(
      JobLedger ledger, Clock clock, @Named("command-workers") ExecutorService workers) {
    return new JobBoardCommands(
        new JobBoardCommands.Settings(
            settings().guildId(),
            settings().organizers().roles(),
            settings().jobBoard().channel(),
            settings().jobBoard().csv()),
        ledger,
        clock,
        workers);
  }

  @Provides
  @Singleton
  GrantCommands grantCommands(
      OrganizerGrants grants, @Named("command-workers") ExecutorService workers) {
    return new GrantCommands(
        new GrantCommands.Settings(settings().guildId(), settings().organizers().roles()),
        grants,
        workers);
  }

  @Provides
  @Singleton
  PrivacyCommands privacyCommands(
      Provider<ForgetService> forget,
      Texts texts,
      @Named("command-workers") ExecutorService workers) {
    return new PrivacyCommands(
        new PrivacyCommands.Settings(settings().guildId(), settings().organizers().roles()),
        forget::get,
        texts,
        workers);
  }

  @Provides
  @Singleton
  ReminderCommands reminderCommands(
      Provider<ReminderService> reminders,
      Texts texts,
      @Named("command-workers") ExecutorService workers) {
    return new ReminderCommands(reminders::get, texts, workers);
  }
}
