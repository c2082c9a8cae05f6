package dev.confbot.adapter.discord;

import dev.confbot.core.model.RoleRef;
import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.registration.ClaimAdministration;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.schedule.Schedule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * The organizer slash commands ({@code /ping}, {@code /participants}, {@code /stats}, {@code
 * /registration lookup|release|resync}, {@code /export members}, {@code /schedule
 * next|status|reload}) and the {@code $ping} text command: one listener that routes each command
 * family to its class ({@link OrganizerStatsCommands}, {@link OrganizerRegistrationCommands},
 * {@link OrganizerExportCommands}, {@link OrganizerScheduleCommands}) through a {@link
 * CommandRouter}.
 *
 * <p>Every command and button first checks the member with {@link OrganizerGuard}, whatever
 * Discord's command permissions say. Commands are acknowledged at once (ephemeral, deferred); the
 * work runs on the bounded executor passed in and answers by editing the deferred reply, so JDA's
 * event thread never blocks ({@link DeferredWork}). Every failure is answered with a message, never
 * a stack trace.
 */
public final class OrganizerCommands extends OrganizerListener {
  static final String RELEASE_BUTTON = "confbot:release:";
  static final String CANCEL_BUTTON = "confbot:release-cancel:";
  static final String BUSY = "The bot is busy right now; please try again in a minute.";
  static final String FAILED =
      "Sorry, that did not work because of an internal error; the details are in the bot's log.";
  static final String NO_PROGRAMME = "Programme notifications are not configured.";
  static final int NEXT_COUNT = 5;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  /**
   * What the organizer commands need to know about the conference.
   *
   * @param guildId commands from other guilds are ignored
   * @param organizerRoles roles whose holders may use the commands (by name or id; resolved to role
   *     ids once the guild is loaded)
   * @param countedRoles the roles {@code /participants} counts, in the order shown (the roles of
   *     the ticket mapping and the extra roles of the configuration)
   * @param zone the event's time zone, for times shown and the chart's buckets
   * @param textPing whether {@code $ping} is answered (needs the message-content intent)
   */
  public record Settings(
      long guildId,
      Set<RoleRef> organizerRoles,
      List<RoleRef> countedRoles,
      ZoneId zone,
      boolean textPing) {
    public Settings {
      organizerRoles = Set.copyOf(organizerRoles);
      countedRoles = List.copyOf(countedRoles);
    }
  }

  /**
   * The programme notification side of {@code /schedule}.
   *
   * @param planner plans the notifications of a schedule
   * @param schedule the schedule in use, empty before the first successful load
   * @param ledger the notification ledger (counts of sent and in-doubt entries)
   * @param stats the running scheduler's counters
   * @param sourceStatus one line: where the schedule comes from and when it was last refreshed
   * @param reload fetches the schedule now and returns one line saying what changed; throws on
   *     failure
   */
  public record Programme(
      NotificationPlanner planner,
      Supplier<Optional<Schedule>> schedule,
      NotificationLog ledger,
      Supplier<NotificationScheduler.Stats> stats,
      Supplier<String> sourceStatus,
      Supplier<String> reload) {}

  private final Settings settings;
  private final OrganizerStatsCommands stats;
  private final OrganizerRegistrationCommands registration;
  private final CommandRouter router;

  /**
   * Organizer commands; register {@link #commands()} with the bot and this object as a listener.
   *
   * @param settings guild, organizer roles, counted roles, zone, text ping switch
   * @param claims the claim store (stats, export)
   * @param index the ticket index (its size after a resync)
   * @param admin looks up and releases claims, counts the tickets sold
   * @param fullSync loads every order from pretix into the index now ({@code /registration
   *     resync}); throws on failure
   * @param programme the programme notifications, empty when none are configured
   * @param clock time source
   * @param workers bounded executor for the blocking work (shared with the bot's other work)
   */
  public OrganizerCommands(
      Settings settings,
      ClaimStore claims,
      TicketIndex index,
      ClaimAdministration admin,
      Runnable fullSync,
      Optional<Programme> programme,
      Clock clock,
      ExecutorService workers) {
    super(settings.guildId(), settings.organizerRoles());
    this.settings = settings;
    DeferredWork work = new DeferredWork(workers);
    RegistrationAdminActions actions =
        new RegistrationAdminActions(admin, index, fullSync, clock, settings.zone());
    this.stats =
        new OrganizerStatsCommands(
            settings.countedRoles(), settings.zone(), claims, admin::ticketsSold, work);
    this.registration = new OrganizerRegistrationCommands(actions, guard(), work);
    CommandRouter.Builder builder = routes();
    stats.addRoutes(builder);
    registration.addRoutes(builder);
    new OrganizerExportCommands(claims, clock, settings.zone(), work).addRoutes(builder);
    new OrganizerScheduleCommands(programme, clock, settings.zone(), work).addRoutes(builder);
    this.router = builder.build();
  }

  /** The slash commands to register (all hidden by default member permissions, guild only). */
  public static List<CommandData> commands() {
    List<CommandData> commands = new ArrayList<>(OrganizerStatsCommands.commands());
    commands.add(OrganizerRegistrationCommands.command());
    commands.add(OrganizerExportCommands.command());
    commands.add(OrganizerScheduleCommands.command());
    return List.copyOf(commands);
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    if (isOurGuild(event.getGuild())) {
      registration.button(event);
    }
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    if (!settings.textPing()
        || !event.isFromGuild()
        || event.getAuthor().isBot()
        || !isOurGuild(event.getGuild())
        || !"$ping".equals(event.getMessage().getContentRaw().strip())) {
      return;
    }
    if (!guard().allows(event.getMember())) {
      event.getMessage().reply(OrganizerGuard.REFUSAL).queue(ok -> {}, DeferredWork::notDelivered);
      return;
    }
    stats.textPing(event);
  }

  /** When a notification is due, in the event's zone. */
  static String when(Instant instant, ZoneId zone) {
    return WHEN.format(instant.atZone(zone));
  }

  @Override
  CommandRouter router() {
    return router;
  }
}
