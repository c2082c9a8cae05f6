package dev.confbot.adapter.discord;

import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.stats.MemberExport;
import dev.confbot.core.stats.ServerMember;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.FileUpload;

/** {@code /export members}: the member list as a CSV file (personal data). */
final class OrganizerExportCommands {
  private final ClaimStore claims;
  private final Clock clock;
  private final ZoneId zone;
  private final DeferredWork work;

  OrganizerExportCommands(ClaimStore claims, Clock clock, ZoneId zone, DeferredWork work) {
    this.claims = claims;
    this.clock = clock;
    this.zone = zone;
    this.work = work;
  }

  static CommandData command() {
    return SlashCommands.organizerCommand("export", "Export data (personal data: share carefully)")
        .addSubcommands(new SubcommandData("members", "The member list as CSV"));
  }

  void addRoutes(CommandRouter.Builder router) {
    router.organizer(
        "export members",
        event -> {
          Guild guild = Objects.requireNonNull(event.getGuild());
          InteractionHook hook = DeferredWork.deferReply(event);
          work.run(
              hook,
              "export members",
              DeferredWork.Answers.organizer(),
              () -> exportMembers(guild, hook));
        });
  }

  private void exportMembers(Guild guild, InteractionHook hook) {
    List<ServerMember> members = GuildMembers.of(guild);
    String csv = MemberExport.csv(MemberExport.rows(members, claims.all()));
    String file =
        "members-" + DateTimeFormatter.ISO_LOCAL_DATE.format(clock.instant().atZone(zone)) + ".csv";
    hook.editOriginal(
            members.size()
                + " members. The file holds personal data: share it only with those who need it.")
        .setFiles(FileUpload.fromData(csv.getBytes(StandardCharsets.UTF_8), file))
        .queue(ok -> {}, DeferredWork::notDelivered);
  }
}
