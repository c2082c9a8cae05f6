package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.GatewayException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DirectMessenger} over the bot's JDA connection: opens the member's DM channel (no cache or
 * intent needed) and sends the text, blocking the calling worker until Discord answers. Discord's
 * 50007 "Cannot send messages to this user" (DMs closed or the bot blocked) and 10013 "Unknown
 * user" are {@link Delivery#CLOSED}. Failures that certainly sent nothing (not connected, the DM
 * channel could not be opened, the message refused with a 4xx other than 429) are a {@link
 * GatewayException}; any other failure of the send itself (timeout, 5xx, 429, interrupted, lost
 * response) is {@link Delivery#UNCERTAIN}, as the message may have arrived. Never call it on a JDA
 * event thread.
 */
public final class DiscordDirectMessenger implements DirectMessenger {
  private static final Logger log = LoggerFactory.getLogger(DiscordDirectMessenger.class);

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
    PrivateChannel channel;
    try {
      channel = jda.get().openPrivateChannelById(member.value()).complete();
    } catch (GatewayException e) {
      throw e;
    } catch (ErrorResponseException e) {
      if (isClosed(e)) {
        return Delivery.CLOSED;
      }
      throw new GatewayException(
          "discord", "direct message channel to " + member + " refused: " + e.getMeaning(), e);
    } catch (RuntimeException e) {
      throw new GatewayException(
          "discord", "direct message channel to " + member + " failed: " + e, e);
    }
    try {
      channel.sendMessage(text).complete();
      return Delivery.DELIVERED;
    } catch (ErrorResponseException e) {
      if (isClosed(e)) {
        return Delivery.CLOSED;
      }
      int status = e.getResponse().code;
      if (status >= 400 && status < 500 && status != 429) {
        throw new GatewayException(
            "discord", "direct message to " + member + " refused: " + e.getMeaning(), e);
      }
      log.warn("direct message to {} may not have arrived: {}", member, e.getMeaning());
      return Delivery.UNCERTAIN;
    } catch (RuntimeException e) {
      log.warn("direct message to {} may not have arrived: {}", member, e.toString());
      return Delivery.UNCERTAIN;
    }
  }

  private static boolean isClosed(ErrorResponseException e) {
    return e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER
        || e.getErrorResponse() == ErrorResponse.UNKNOWN_USER;
  }
}
