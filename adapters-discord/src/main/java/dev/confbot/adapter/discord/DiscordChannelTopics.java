package dev.confbot.adapter.discord;

import dev.confbot.core.port.ChannelTopics;
import dev.confbot.core.port.GatewayException;
import java.util.Objects;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Sets the topic of a text or announcement channel of the conference guild (by name, {@code #name}
 * or id) through the bot, which needs Manage Channels there.
 *
 * <p>Blocking: {@link #setTopic} returns once Discord accepted the edit. When JDA's cached topic
 * already equals the wanted text no request is made (after a restart the updater sets every topic
 * again). Discord allows two name or topic edits per channel per 10 minutes; a rate limit is not
 * waited out but fails at once as a {@link GatewayException}, so the caller's next tick retries
 * instead of its thread sleeping for minutes. Call this from a worker, never from a JDA callback
 * thread. Failures become {@link GatewayException} with system {@code "discord"} and a message an
 * organizer can act on.
 */
public final class DiscordChannelTopics implements ChannelTopics {
  private final Supplier<JDA> jda;
  private final long guildId;

  /**
   * Topics over the bot's connection.
   *
   * @param jda the running JDA, looked up on every edit (e.g. {@code bot::jda}); may throw {@link
   *     GatewayException} while the bot is not connected
   * @param guildId the conference guild whose channels are meant
   */
  public DiscordChannelTopics(Supplier<JDA> jda, long guildId) {
    this.jda = jda;
    this.guildId = guildId;
  }

  @Override
  public void setTopic(String channel, String topic) {
    try {
      StandardGuildMessageChannel target = channel(channel);
      if (Objects.requireNonNullElse(target.getTopic(), "").equals(topic)) {
        return;
      }
      target.getManager().setTopic(topic).complete(false);
    } catch (GatewayException e) {
      throw e;
    } catch (RateLimitedException e) {
      throw new GatewayException(
          "discord",
          "topic of channel "
              + channel
              + " not changed: Discord's rate limit for topic edits applies; retried later",
          e);
    } catch (InsufficientPermissionException e) {
      throw missingPermission(channel, e.getPermission().getName(), e);
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS) {
        throw missingPermission(channel, "Manage Channels", e);
      }
      throw new GatewayException(
          "discord", "topic of channel " + channel + " refused: " + e.getMeaning(), e);
    } catch (RuntimeException e) {
      throw new GatewayException("discord", "topic of channel " + channel + " failed: " + e, e);
    }
  }

  private StandardGuildMessageChannel channel(String nameOrId) {
    Guild guild = jda.get().getGuildById(guildId);
    if (guild == null) {
      throw new GatewayException("discord", "the conference guild is not available", null);
    }
    return GuildChannels.textOrAnnouncement(guild, nameOrId)
        .orElseThrow(
            () ->
                new GatewayException(
                    "discord", "text channel \"" + nameOrId + "\" not found on the server", null));
  }

  private static GatewayException missingPermission(
      String channel, String permission, Exception cause) {
    return new GatewayException(
        "discord",
        "the bot may not edit the topic of channel "
            + channel
            + " (it needs the "
            + permission
            + " permission there)",
        cause);
  }
}
