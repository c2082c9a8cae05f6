package dev.confbot.adapter.discord;

import dev.confbot.core.check.Finding;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.GatewayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;

/**
 * The Discord part of {@code confbot check --online}: logs in as the bot would (same intents),
 * finds the conference guild and runs the start-up checks of {@link GuildValidator} on it, plus the
 * existence of the organizer roles; then logs out. Posts nothing, registers no command. The token
 * never appears in a finding.
 */
public final class DiscordGuildCheck {
  static final String SYSTEM = GuildValidator.SYSTEM;
  static final String TOKEN_KEY = "DISCORD_BOT_TOKEN";

  /**
   * What the guild must offer.
   *
   * @param setup the roles, channels and permissions the bot needs, as {@link DiscordBot} checks
   *     them at start
   * @param roleKeys role → the configuration key that makes confbot give it; {@code
   *     registration.roles} when absent
   * @param channelKeys purpose (as in {@link GuildSetup}, e.g. {@link
   *     GuildSetup#REGISTRATION_CHANNEL}) → its key, e.g. {@code registration.channel}
   * @param organizerRoles roles whose holders may use organizer commands (they need only exist)
   */
  public record Expectations(
      GuildSetup setup,
      Map<RoleRef, String> roleKeys,
      Map<String, String> channelKeys,
      Collection<RoleRef> organizerRoles) {
    public Expectations {
      roleKeys = Map.copyOf(roleKeys);
      channelKeys = Map.copyOf(channelKeys);
      organizerRoles = List.copyOf(organizerRoles);
    }
  }

  private DiscordGuildCheck() {}

  /**
   * Logs in, checks and logs out.
   *
   * @param readyTimeout how long to wait for the gateway
   */
  public static List<Finding> check(
      DiscordSettings settings, Duration readyTimeout, Expectations expected) {
    JdaFactory.Login login = JdaFactory.login(settings, readyTimeout);
    if (login instanceof JdaFactory.Login.Failed failed) {
      return List.of(loginFinding(settings, failed));
    }
    if (!(login instanceof JdaFactory.Login.Connected connected)) {
      throw new AssertionError(login);
    }
    JDA jda = connected.jda();
    try {
      Guild guild = jda.getGuildById(settings.guildId());
      if (guild == null) {
        return List.of(
            Finding.error(
                SYSTEM,
                "discord.guild_id",
                "the bot is not a member of the server "
                    + settings.guildId()
                    + ": invite it (scopes bot and applications.commands) or fix"
                    + " discord.guild_id"));
      }
      return inspect(guild, settings, expected);
    } finally {
      jda.shutdown();
    }
  }

  private static List<Finding> inspect(
      Guild guild, DiscordSettings settings, Expectations expected) {
    GuildSetup setup = expected.setup();
    Map<RoleRef, String> roles = new LinkedHashMap<>();
    setup.roles().stream()
        .sorted((a, b) -> a.value().compareTo(b.value()))
        .forEach(
            role -> roles.put(role, expected.roleKeys().getOrDefault(role, "registration.roles")));
    List<Finding> findings =
        new ArrayList<>(
            GuildValidator.findings(
                guild,
                roles,
                setup.channelsToCheck(),
                expected.channelKeys(),
                setup.setNicknames()));
    findings.addAll(GuildValidator.topicFindings(guild, setup.topicChannels()));
    for (String problem :
        new OrganizerGuard(Set.copyOf(expected.organizerRoles())).resolve(guild)) {
      findings.add(Finding.error(SYSTEM, "organizers.roles", problem));
    }
    findings.add(
        0,
        Finding.ok(
            SYSTEM,
            "discord.guild_id",
            "token accepted; the bot \""
                + guild.getSelfMember().getUser().getName()
                + "\" is a member of \""
                + guild.getName()
                + "\" with the Server Members intent"
                + (settings.messageContentIntent() ? " and the Message Content intent" : "")
                + "; "
                + roles.size()
                + " roles and "
                + setup.channelsToCheck().size()
                + " channels checked"));
    return List.copyOf(findings);
  }

  private static Finding loginFinding(DiscordSettings settings, JdaFactory.Login.Failed failed) {
    String reason = reason(failed.error());
    return switch (failed.reason()) {
      case TOKEN_REFUSED ->
          Finding.error(
              SYSTEM,
              TOKEN_KEY,
              "Discord refuses the bot token: set DISCORD_BOT_TOKEN (environment or .secrets) to"
                  + " the token shown under Bot in the Developer Portal (reset it if unsure)");
      case INTENTS_DISALLOWED ->
          settings.messageContentIntent()
              ? Finding.error(
                  SYSTEM,
                  "discord.message_content_intent",
                  "Discord refuses the privileged intents (close code 4014): switch on \"Server"
                      + " Members Intent\" and \"Message Content Intent\" for the bot in the"
                      + " Developer Portal (Bot, Privileged Gateway Intents), or set"
                      + " discord.message_content_intent = false")
              : Finding.error(
                  SYSTEM,
                  TOKEN_KEY,
                  "Discord refuses the privileged Server Members Intent (close code 4014): switch"
                      + " on \"Server Members Intent\" for this token's bot in the Developer"
                      + " Portal (Bot, Privileged Gateway Intents)");
      case UNAVAILABLE ->
          Finding.error(
              SYSTEM,
              "discord",
              reason + ": check the network and https://discordstatus.com, then try again");
    };
  }

  private static String reason(GatewayException e) {
    String message = Objects.requireNonNullElse(e.getMessage(), "Discord failed");
    return message.startsWith(SYSTEM + ": ") ? message.substring(SYSTEM.length() + 2) : message;
  }
}
