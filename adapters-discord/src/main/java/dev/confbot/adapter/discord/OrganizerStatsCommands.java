package dev.confbot.adapter.discord;

import dev.confbot.adapter.discord.stats.StatsChart;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.stats.Granularity;
import dev.confbot.core.stats.ParticipantCounts;
import dev.confbot.core.stats.ParticipantStats;
import dev.confbot.core.stats.ServerMember;
import dev.confbot.core.stats.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.utils.FileUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /ping}, {@code $ping}, {@code /participants} and {@code /stats}. */
final class OrganizerStatsCommands {
  private static final Logger log = LoggerFactory.getLogger(OrganizerStatsCommands.class);

  private final List<RoleRef> countedRoles;
  private final ZoneId zone;
  private final ClaimStore claims;
  private final IntSupplier ticketsSold;
  private final DeferredWork work;

  OrganizerStatsCommands(
      List<RoleRef> countedRoles,
      ZoneId zone,
      ClaimStore claims,
      IntSupplier ticketsSold,
      DeferredWork work) {
    this.countedRoles = List.copyOf(countedRoles);
    this.zone = zone;
    this.claims = claims;
    this.ticketsSold = ticketsSold;
    this.work = work;
  }

  static List<CommandData> commands() {
    return List.of(
        SlashCommands.organizerCommand("ping", "Is the bot alive: gateway and REST latency"),
        SlashCommands.organizerCommand(
            "participants", "Members per role and tickets registered vs sold"),
        SlashCommands.organizerCommand(
            "stats", "Participant counts with a chart of registrations and joins"));
  }

  void addRoutes(CommandRouter.Builder router) {
    router
        .organizer(
            "ping",
            event ->
                work.answer(
                    DeferredWork.deferReply(event),
                    "ping",
                    DeferredWork.Answers.organizer(),
                    () -> pingText(event.getJDA())))
        .organizer(
            "participants",
            event -> {
              Guild guild = Objects.requireNonNull(event.getGuild());
              InteractionHook hook = DeferredWork.deferReply(event);
              work.run(
                  hook,
                  "participants",
                  DeferredWork.Answers.organizer(),
                  () ->
                      hook.editOriginal(participants(guild).describe())
                          .queue(ok -> {}, DeferredWork::notDelivered));
            })
        .organizer("stats", this::stats);
  }

  /** {@code $ping}, answered as a reply to the message (the guard has been asked). */
  void textPing(MessageReceivedEvent event) {
    work.execute(
        "$ping",
        () -> {
          String answer;
          try {
            answer = pingText(event.getJDA());
          } catch (RuntimeException e) {
            log.warn("$ping failed: {}", e.toString());
            answer = OrganizerCommands.FAILED;
          }
          event.getMessage().reply(answer).queue(ok -> {}, DeferredWork::notDelivered);
        },
        () ->
            event
                .getMessage()
                .reply(OrganizerCommands.BUSY)
                .queue(ok -> {}, DeferredWork::notDelivered));
  }

  private static String pingText(JDA jda) {
    long gateway = jda.getGatewayPing();
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
    return ParticipantStats.count(roles, countedRoles, claims.all(), ticketsSold.getAsInt());
  }

  private void stats(SlashCommandInteractionEvent event) {
    Guild guild = Objects.requireNonNull(event.getGuild());
    InteractionHook hook = DeferredWork.deferReply(event);
    work.run(hook, "stats", DeferredWork.Answers.organizer(), () -> stats(guild, hook));
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
        ParticipantStats.timeline(members, all, countedRoles, Granularity.forSpan(span), zone);
    byte[] png = StatsChart.png("Registrations and joins", series);
    hook.editOriginal(text)
        .setFiles(FileUpload.fromData(png, "stats.png"))
        .queue(ok -> {}, DeferredWork::notDelivered);
  }
}
