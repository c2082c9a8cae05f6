package dev.confbot.adapter.discord;

import dev.confbot.core.check.Finding;
import dev.confbot.core.model.RoleRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;

/**
 * Checks at start that the server is set up the way the configuration expects, naming each problem
 * with its fix: mapped roles exist and sit below the bot's highest role, the bot may manage roles
 * (and nicknames where needed), configured channels exist and the bot may post there.
 */
public final class GuildValidator {
  private GuildValidator() {}

  /** The key named by {@link #problems} callers that do not care for keys. */
  private static final String NO_KEY = "discord";

  static final String SYSTEM = "discord";

  /**
   * @param roles every role confbot may give (ticket mapping and extra roles)
   * @param channels purpose (e.g. "registration channel") → configured name or id
   * @param nicknames whether confbot sets nicknames
   * @return one actionable message per problem; empty when all is well
   */
  public static List<String> problems(
      Guild guild, Collection<RoleRef> roles, Map<String, String> channels, boolean nicknames) {
    Map<RoleRef, String> roleKeys = new LinkedHashMap<>();
    roles.forEach(role -> roleKeys.put(role, NO_KEY));
    return messages(findings(guild, roleKeys, channels, Map.of(), nicknames));
  }

  /**
   * The problems of {@link #problems} as errors naming the configuration key to fix.
   *
   * @param roles every role confbot may give → the key that maps it, e.g. {@code
   *     registration.roles.items."Business"}
   * @param channels purpose (e.g. "registration channel") → configured name or id
   * @param channelKeys purpose → its key, e.g. {@code registration.channel}; {@code discord} when
   *     absent
   * @param nicknames whether confbot sets nicknames
   */
  public static List<Finding> findings(
      Guild guild,
      Map<RoleRef, String> roles,
      Map<String, String> channels,
      Map<String, String> channelKeys,
      boolean nicknames) {
    List<Finding> problems = new ArrayList<>();
    Member self = guild.getSelfMember();
    String botRole =
        self.getRoles().isEmpty() ? "(the bot has no role)" : self.getRoles().get(0).getName();
    if (!self.hasPermission(Permission.MANAGE_ROLES)) {
      problems.add(
          Finding.error(
              SYSTEM,
              "registration.roles",
              "The bot lacks the Manage Roles permission: give its role \""
                  + botRole
                  + "\" Manage Roles in Server Settings → Roles."));
    }
    if (nicknames && !self.hasPermission(Permission.NICKNAME_MANAGE)) {
      problems.add(
          Finding.error(
              SYSTEM,
              "registration.set_nickname",
              "Nicknames are switched on but the bot lacks Manage Nicknames: give its role \""
                  + botRole
                  + "\" Manage Nicknames, or set registration.set_nickname = false."));
    }
    for (Map.Entry<RoleRef, String> entry : roles.entrySet()) {
      RoleRef ref = entry.getKey();
      Optional<Role> role = GuildRoles.resolve(guild, ref);
      if (role.isEmpty()) {
        problems.add(
            Finding.error(
                SYSTEM,
                entry.getValue(),
                "Role \""
                    + ref.value()
                    + "\" from the ticket mapping does not exist: create it or fix the mapping."));
      } else if (!self.canInteract(role.get())) {
        problems.add(
            Finding.error(
                SYSTEM,
                entry.getValue(),
                "Role \""
                    + role.get().getName()
                    + "\" sits above the bot's highest role \""
                    + botRole
                    + "\": drag the bot's role above it in Server Settings → Roles."));
      }
    }
    for (Map.Entry<String, String> channel : channels.entrySet()) {
      String key = channelKeys.getOrDefault(channel.getKey(), NO_KEY);
      Optional<TextChannel> found = GuildChannels.text(guild, channel.getValue());
      if (found.isEmpty()) {
        problems.add(
            Finding.error(
                SYSTEM,
                key,
                "The "
                    + channel.getKey()
                    + " \""
                    + channel.getValue()
                    + "\" does not exist: create it or fix the configuration."));
      } else if (!self.hasPermission(
          found.get(),
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS)) {
        problems.add(
            Finding.error(
                SYSTEM,
                key,
                "The bot may not post in #"
                    + found.get().getName()
                    + " ("
                    + channel.getKey()
                    + "): allow View Channel, Send Messages and Embed Links for its role there."));
      }
    }
    return List.copyOf(problems);
  }

  /**
   * The channels among {@code topicChannels} whose topic the bot may not edit, each with its fix.
   * Missing channels are left to {@link #problems}.
   *
   * @param topicChannels channel names or ids whose topic confbot keeps current
   */
  public static List<String> topicProblems(Guild guild, Collection<String> topicChannels) {
    return messages(topicFindings(guild, topicChannels));
  }

  /** The problems of {@link #topicProblems} as errors naming {@code notifications.room_topics}. */
  public static List<Finding> topicFindings(Guild guild, Collection<String> topicChannels) {
    Member self = guild.getSelfMember();
    List<Finding> problems = new ArrayList<>();
    for (String name : topicChannels) {
      GuildChannels.textOrAnnouncement(guild, name)
          .filter(channel -> !self.hasPermission(channel, Permission.MANAGE_CHANNEL))
          .ifPresent(
              channel ->
                  problems.add(
                      Finding.error(
                          SYSTEM,
                          "notifications.room_topics",
                          "Room topics are switched on but the bot may not edit #"
                              + channel.getName()
                              + ": allow Manage Channels for its role there, or set"
                              + " notifications.room_topics = false.")));
    }
    return List.copyOf(problems);
  }

  private static List<String> messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).toList();
  }
}
