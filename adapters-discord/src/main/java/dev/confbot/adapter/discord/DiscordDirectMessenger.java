package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.GatewayException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * {@link DirectMessenger} over the bot's JDA connection: opens the member's DM channel (no cache or
 * intent needed) and sends the text, blocking the calling worker until Discord answers. Discord's
 * 50007 "Cannot send messages to this user" (DMs closed or the bot blocked) and 10013 "Unknown
 * user" are {@link Delivery#CLOSED}; any other failure is a {@link GatewayException}. Never call it
 * on a JDA event thread.
 */
public final class DiscordDirectMessenger implements DirectMessenger {
  private final Supplier<JDA> jda;

  /**
   * @param jda the running JDA, looked up on every send (e.g. {@code bot::jda}); may throw {@link
   *     GatewayException} while the bot is not connected
   */
  public DiscordDirectMessenger(Supplier<JDA> jda) {
    this.jda = jda;
  }

  @Override
  public Delivery send(MemberId member, String content) {
    String text = Replies.cut(content);
    try {
      jda.get()
          .openPrivateChannelById(member.value())
          .flatMap(channel -> channel.sendMessage(text))
          .complete();
      return Delivery.DELIVERED;
    } catch (GatewayException e) {
      throw e;
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
          || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER) {
        return Delivery.CLOSED;
      }
      throw new GatewayException(
          "discord", "direct message to " + member + " refused: " + e.getMeaning(), e);
    } catch (RuntimeException e) {
      throw new GatewayException("discord", "direct message to " + member + " failed: " + e, e);
    }
  }
}
