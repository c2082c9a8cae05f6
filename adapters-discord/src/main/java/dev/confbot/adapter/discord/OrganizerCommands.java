package dev.confbot.adapter.discord;

import dev.confbot.adapter.discord.stats.StatsChart;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.stats.Granularity;
import dev.confbot.core.stats.MemberExport;
import dev.confbot.core.stats.ParticipantCounts;
import dev.confbot.core.stats.ParticipantStats;
import dev.confbot.core.stats.ServerMember;
import dev.confbot.core.stats.TimeSeries;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organizer slash commands ({@code /ping}, {@code /participants}, {@code /stats}, {@code
 * /registration lookup|release|resync}, {@code /export members}, {@code /schedule
 * next|status|reload}) and the {@code $ping} text command.
 *
 * <p>Every command and button first checks the member with {@link OrganizerGuard}, whatever
 * Discord's command permissions say. Commands are acknowledged at once (ephemeral, deferred); the
 * work runs on the bounded executor passed in and answers by editing the deferred reply, so JDA's
 * event thread never blocks. Every failure is answered with a message, never a stack trace.
 */
public final class OrganizerCommands extends ListenerAdapter implements GuildCheck {
  private static final Logger log = LoggerFactory.getLogger(OrganizerCommands.class);

  static final String RELEASE_BUTTON = "confbot:release:";
  static final String CANCEL_BUTTON = "confbot:release-cancel:";
  static final String BUSY = "The bot is busy right now; please try again in a minute.";
  static final String FAILED =
      "Sorry, that did not work because of an internal error; the details are in the bot's log.";
  static final String NO_PROGRAMME = "Programme notifications are not configured.";
  static final int NEXT_COUNT = 5;
  private static final Duration NEXT_HORIZON = Duration.ofDays(30);
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
  private final OrganizerGuard guard;
  private final RegistrationDeskCommands desk;
  private final ClaimStore claims;
  private final Optional<Programme> programme;
  private final Clock clock;
  private final ExecutorService workers;

  /**
   * Organizer commands; register {@link #commands()} with the bot and this object as a listener.
   *
   * @param settings guild, organizer roles, counted roles, zone, text ping switch
   * @param claims the claim store (lookup, release, stats, export)
   * @param index the ticket index (lookup, tickets sold)
   * @param mapping which roles a ticket gives (removed again on release)
   * @param roles removes the roles of released tickets
   * @param audit gets one line per release (the registration log channel)
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
      RoleMapping mapping,
      RoleGateway roles,
      AuditSink audit,
      Runnable fullSync,
      Optional<Programme> programme,
      Clock clock,
      ExecutorService workers) {
    this.settings = settings;
    this.guard = new OrganizerGuard(settings.organizerRoles());
    this.desk =
        new RegistrationDeskCommands(
            claims, index, mapping, roles, audit, fullSync, clock, settings.zone());
    this.claims = claims;
    this.programme = programme;
    this.clock = clock;
    this.workers = workers;
  }

  /** The slash commands to register (all hidden by default member permissions, guild only). */
  public static List<CommandData> commands() {
    String query = "Order code (XJ7Q2 or XJ7Q2-1) or member (mention or id)";
    return List.of(
        SlashCommands.organizerCommand("ping", "Is the bot alive: gateway and REST latency"),
        SlashCommands.organizerCommand(
            "participants", "Members per role and tickets registered vs sold"),
        SlashCommands.organizerCommand(
            "stats", "Participant counts with a chart of registrations and joins"),
        SlashCommands.organizerCommand("registration", "Registration desk")
            .addSubcommands(
                new SubcommandData("lookup", "Who holds an order's tickets, or a member's tickets")
                    .addOption(OptionType.STRING, "query", query, true),
                new SubcommandData("release", "Free a claimed ticket (asks for confirmation)")
                    .addOption(OptionType.STRING, "query", query, true),
                new SubcommandData("resync", "Load every order from pretix now")),
        SlashCommands.organizerCommand("export", "Export data (personal data: share carefully)")
            .addSubcommands(new SubcommandData("members", "The member list as CSV")),
        SlashCommands.organizerCommand("schedule", "Programme notifications")
            .addSubcommands(
                new SubcommandData("next", "The next notifications the bot will send"),
                new SubcommandData("status", "Schedule source, counts and the next notifications"),
                new SubcommandData("reload", "Fetch the schedule now")));
  }

  /** Resolves the organizer roles to ids (once) as soon as the guild is loaded. */
  @Override
  public void onGuildReady(GuildReadyEvent event) {
    if (event.getGuild().getIdLong() == settings.guildId()) {
      guard.resolve(event.getGuild());
    }
  }

  /** Resolves the organizer roles (if not done yet); reports those missing or ambiguous. */
  @Override
  public List<String> check(Guild guild) {
    return guard.resolve(guild);
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    String name = event.getName();
    if (!isOurGuild(event.getGuild()) || !isOurs(name)) {
      return;
    }
    if (!guard.allows(event.getMember())) {
      event.reply(OrganizerGuard.REFUSAL).setEphemeral(true).queue(ok -> {}, this::notDelivered);
      return;
    }
    String sub = event.getSubcommandName();
    String command = sub == null ? name : name + " " + sub;
    OptionMapping option = event.getOption("query");
    String query = option == null ? "" : option.getAsString();
    Guild guild = Objects.requireNonNull(event.getGuild());
    long organizer = event.getUser().getIdLong();
    event.deferReply(true).queue(ok -> {}, e -> log.warn("Deferral failed: {}", e.toString()));
    InteractionHook hook = event.getHook();
    run(
        hook,
        command,
        () -> {
          switch (command) {
            case "ping":
              hook.editOriginal(ping(event)).queue(ok -> {}, this::notDelivered);
              break;
            case "participants":
              hook.editOriginal(participants(guild).describe()).queue(ok -> {}, this::notDelivered);
              break;
            case "stats":
              stats(guild, hook);
              break;
            case "registration lookup":
              hook.editOriginal(Replies.cut(desk.lookup(guild, query)))
                  .queue(ok -> {}, this::notDelivered);
              break;
            case "registration release":
              desk.askRelease(guild, organizer, query, hook);
              break;
            case "registration resync":
              hook.editOriginal(desk.resync()).queue(ok -> {}, this::notDelivered);
              break;
            case "export members":
              exportMembers(guild, hook);
              break;
            case "schedule next":
              hook.editOriginal(scheduleNext()).queue(ok -> {}, this::notDelivered);
              break;
            case "schedule status":
              hook.editOriginal(scheduleStatus()).queue(ok -> {}, this::notDelivered);
              break;
            case "schedule reload":
              hook.editOriginal(scheduleReload()).queue(ok -> {}, this::notDelivered);
              break;
            default:
              hook.editOriginal("Unknown command /" + command + ".")
                  .queue(ok -> {}, this::notDelivered);
          }
        });
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    boolean release = id.startsWith(RELEASE_BUTTON);
    boolean cancel = id.startsWith(CANCEL_BUTTON);
    if (!(release || cancel) || !isOurGuild(event.getGuild())) {
      return;
    }
    String rest = id.substring((release ? RELEASE_BUTTON : CANCEL_BUTTON).length());
    int colon = rest.indexOf(':');
    String invoker = colon < 0 ? rest : rest.substring(0, colon);
    String target = colon < 0 ? "" : rest.substring(colon + 1);
    boolean organizer = guard.allows(event.getMember());
    if (!organizer || !invoker.equals(event.getUser().getId())) {
      event
          .reply(
              organizer
                  ? "Only the organizer who asked for this release can confirm or cancel it."
                  : OrganizerGuard.REFUSAL)
          .setEphemeral(true)
          .queue(ok -> {}, this::notDelivered);
      return;
    }
    if (cancel) {
      event
          .editMessage("Release cancelled; nothing changed.")
          .setComponents()
          .queue(ok -> {}, this::notDelivered);
      return;
    }
    Guild guild = Objects.requireNonNull(event.getGuild());
    long organizerId = event.getUser().getIdLong();
    event.deferEdit().queue(ok -> {}, e -> log.warn("Deferral failed: {}", e.toString()));
    InteractionHook hook = event.getHook();
    run(
        hook,
        "registration release",
        () ->
            hook.editOriginal(Replies.cut(desk.release(guild, organizerId, target)))
                .setComponents()
                .queue(ok -> {}, this::notDelivered));
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
    if (!guard.allows(event.getMember())) {
      event.getMessage().reply(OrganizerGuard.REFUSAL).queue(ok -> {}, this::notDelivered);
      return;
    }
    try {
      workers.execute(
          () -> {
            String answer;
            try {
              answer = pingText(event.getJDA().getGatewayPing(), event.getJDA());
            } catch (RuntimeException e) {
              log.warn("$ping failed: {}", e.toString());
              answer = FAILED;
            }
            event.getMessage().reply(answer).queue(ok -> {}, this::notDelivered);
          });
    } catch (RejectedExecutionException e) {
      event.getMessage().reply(BUSY).queue(ok -> {}, this::notDelivered);
    }
  }

  private void run(InteractionHook hook, String command, Runnable work) {
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              log.error("Organizer command /{} failed", command, e);
              hook.editOriginal(FAILED).setComponents().queue(ok -> {}, this::notDelivered);
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("Organizer command /{} not accepted: queue full or bot stopping", command);
      hook.editOriginal(BUSY).queue(ok -> {}, this::notDelivered);
    }
  }

  private static String ping(SlashCommandInteractionEvent event) {
    return pingText(event.getJDA().getGatewayPing(), event.getJDA());
  }

  private static String pingText(long gateway, JDA jda) {
    long rest = jda.getRestPing().complete();
    return "Pong! Gateway " + gateway + " ms · REST " + rest + " ms";
  }

  private ParticipantCounts participants(Guild guild) {
    Map<MemberId, Set<RoleRef>> roles = new HashMap<>();
    for (Member member : guild.getMembers()) {
      if (member.getUser().isBot()) {
        continue;
      }
      Set<RoleRef> refs = new HashSet<>();
      for (Role role : member.getRoles()) {
        refs.add(new RoleRef(role.getName()));
        refs.add(new RoleRef(role.getId()));
      }
      roles.put(new MemberId(member.getIdLong()), refs);
    }
    return ParticipantStats.count(roles, settings.countedRoles(), claims.all(), desk.ticketsSold());
  }

  private void stats(Guild guild, InteractionHook hook) {
    String text = participants(guild).describe();
    List<ServerMember> members = GuildMembers.of(guild);
    List<ClaimStore.Claim> all = claims.all();
    Instant first = null;
    Instant last = null;
    List<Instant> moments = new ArrayList<>();
    members.forEach(m -> moments.add(m.joinedAt()));
    all.stream().filter(ClaimStore.Claim::confirmed).forEach(c -> moments.add(c.at()));
    for (Instant moment : moments) {
      first = first == null || moment.isBefore(first) ? moment : first;
      last = last == null || moment.isAfter(last) ? moment : last;
    }
    Duration span = first == null || last == null ? Duration.ZERO : Duration.between(first, last);
    List<TimeSeries> series =
        ParticipantStats.timeline(
            members, all, settings.countedRoles(), Granularity.forSpan(span), settings.zone());
    byte[] png = StatsChart.png("Registrations and joins", series);
    hook.editOriginal(text)
        .setFiles(FileUpload.fromData(png, "stats.png"))
        .queue(ok -> {}, this::notDelivered);
  }

  private void exportMembers(Guild guild, InteractionHook hook) {
    List<ServerMember> members = GuildMembers.of(guild);
    String csv = MemberExport.csv(MemberExport.rows(members, claims.all()));
    String file =
        "members-"
            + DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atZone(settings.zone()))
            + ".csv";
    hook.editOriginal(
            members.size()
                + " members. The file holds personal data: share it only with those who need it.")
        .setFiles(FileUpload.fromData(csv.getBytes(StandardCharsets.UTF_8), file))
        .queue(ok -> {}, this::notDelivered);
  }

  private String scheduleNext() {
    if (programme.isEmpty()) {
      return NO_PROGRAMME;
    }
    List<String> next = Replies.next(programme.get(), clock, NEXT_COUNT, NEXT_HORIZON, false);
    if (next.isEmpty()) {
      return "No notifications are planned.";
    }
    List<String> lines = new ArrayList<>();
    lines.add("Next notifications (" + settings.zone().getId() + "):");
    next.forEach(line -> lines.add("• " + line));
    return Replies.cut(String.join("\n", lines));
  }

  private String scheduleStatus() {
    if (programme.isEmpty()) {
      return NO_PROGRAMME;
    }
    Programme p = programme.get();
    NotificationScheduler.Stats stats = p.stats().get();
    int sent = p.ledger().entries(NotificationLog.State.SENT).size();
    int sending = p.ledger().entries(NotificationLog.State.SENDING).size();
    String sessions =
        p.schedule()
            .get()
            .map(s -> "Sessions: " + s.sessions().size() + " · ")
            .orElse("No schedule loaded yet · ");
    List<String> next = Replies.next(p, clock, NEXT_COUNT, NEXT_HORIZON, true);
    return Replies.cut(
        "Source: "
            + p.sourceStatus().get()
            + "\n"
            + sessions
            + String.format(
                Locale.ROOT,
                "sent %d notifications since start (%d late, %d failed, %d skipped)",
                stats.sent(),
                stats.late(),
                stats.failed(),
                stats.skipped())
            + " · ledger holds "
            + sent
            + " sent"
            + (sending > 0 ? " and " + sending + " in doubt" : "")
            + "\nNext: "
            + (next.isEmpty() ? "nothing planned" : String.join(" · ", next)));
  }

  private String scheduleReload() {
    if (programme.isEmpty()) {
      return NO_PROGRAMME;
    }
    try {
      return "Reloaded: " + programme.get().reload().get();
    } catch (RuntimeException e) {
      log.warn("Schedule reload failed: {}", e.toString());
      return "The schedule could not be reloaded ("
          + e.getMessage()
          + "); the last good schedule stays in use.";
    }
  }

  /** When a notification is due, in the event's zone. */
  static String when(Instant instant, ZoneId zone) {
    return WHEN.format(instant.atZone(zone));
  }

  private static boolean isOurs(String name) {
    switch (name) {
      case "ping":
      case "participants":
      case "stats":
      case "registration":
      case "export":
      case "schedule":
        return true;
      default:
        return false;
    }
  }

  private boolean isOurGuild(@Nullable Guild guild) {
    return guild != null && guild.getIdLong() == settings.guildId();
  }

  private void notDelivered(Throwable e) {
    log.warn("Organizer answer not delivered: {}", e.toString());
  }
}
