package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.stats.ServerMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;

/**
 * The guild's members as the core's stats and export see them: the one place where JDA members
 * become {@link ServerMember}s, shared by {@code /stats}, {@code /export members} and {@code
 * confbot export members}.
 */
public final class GuildMembers {
  private GuildMembers() {}

  /**
   * The members of the guild without bots, from JDA's member cache (complete when JDA was built by
   * {@link JdaFactory}, which requests the {@code GUILD_MEMBERS} intent and chunks every guild).
   * Roles are named highest first; the join time falls back to the account's creation when Discord
   * did not send it.
   */
  public static List<ServerMember> of(Guild guild) {
    List<ServerMember> members = new ArrayList<>();
    for (Member member : guild.getMembers()) {
      if (member.getUser().isBot()) {
        continue;
      }
      List<String> roles = member.getRoles().stream().map(Role::getName).toList();
      Instant joined =
          member.hasTimeJoined()
              ? member.getTimeJoined().toInstant()
              : member.getUser().getTimeCreated().toInstant();
      members.add(
          new ServerMember(
              new MemberId(member.getIdLong()),
              member.getUser().getName(),
              member.getNickname(),
              roles,
              joined));
    }
    return List.copyOf(members);
  }
}
