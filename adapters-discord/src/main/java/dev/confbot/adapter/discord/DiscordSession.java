package dev.confbot.adapter.discord;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.JobPoster;
import dev.confbot.core.port.ServerSetup;
import dev.confbot.core.stats.ServerMember;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;

/**
 * A one-shot connection to the conference server for command line tools ({@code setup}, {@code
 * export members}, {@code jobs post}): log in, do the work through core's ports, log out again on
 * {@link #close()}. Blocking; nothing here runs on a JDA callback thread.
 */
public final class DiscordSession implements AutoCloseable {
  /** How long a command waits for Discord's gateway before it gives up. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final JDA jda;
  private final long guildId;

  private DiscordSession(JDA jda, long guildId) {
    this.jda = jda;
    this.guildId = guildId;
  }

  /**
   * Logs in without listeners and waits until the guilds and members are loaded.
   *
   * @throws GatewayException when Discord cannot be reached, refuses the token or is not ready
   *     within {@link #READY_TIMEOUT}
   */
  public static DiscordSession open(DiscordSettings settings) {
    return new DiscordSession(JdaFactory.connect(settings, READY_TIMEOUT), settings.guildId());
  }

  /**
   * Server setup on the conference guild.
   *
   * @throws GatewayException when the bot is not a member of the guild
   */
  public ServerSetup serverSetup() {
    return new DiscordServerSetup(guild());
  }

  /**
   * The guild's members with their roles, for the member export.
   *
   * @throws GatewayException when the bot is not a member of the guild
   */
  public List<ServerMember> members() {
    return GuildMembers.of(guild());
  }

  /**
   * Posts job offers to this channel of the guild, with images from this directory.
   *
   * @param channel the channel's name or id
   */
  public JobPoster jobPoster(String channel, Path imageDirectory) {
    return new DiscordJobPoster(this::guild, channel, imageDirectory);
  }

  private Guild guild() {
    Guild guild = jda.getGuildById(guildId);
    if (guild == null) {
      throw new GatewayException(
          "discord", "the bot is not a member of the conference guild " + guildId, null);
    }
    return guild;
  }

  /** Logs out. */
  @Override
  public void close() {
    jda.shutdown();
  }
}
