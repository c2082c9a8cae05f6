package dev.confbot.adapter.discord;

import dev.confbot.core.model.Embed;
import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.model.WebLink;
import dev.confbot.core.port.Announcer;
import dev.confbot.core.port.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the core's rendered messages to Discord: to a text channel of the conference guild (by
 * name, {@code #name} or id) through the bot, or to an incoming webhook. A message goes to a
 * webhook when its channel is a key of the configured webhook map (so the ledger stores the alias,
 * never the webhook token) or is itself a webhook URL ({@code
 * https://discord.com/api/webhooks/{id}/{token}}, or the same path under any other base such as a
 * local Discord stand-in; the request is sent to JDA's REST base either way).
 *
 * <p>Blocking: {@link #send} returns once Discord accepted the message (JDA retries 429s
 * transparently). Call it from a worker such as the notification scheduler's, never from a JDA
 * callback thread. Mentions in the content are never pinged. Failures become {@link
 * GatewayException} with system {@code "discord"}.
 */
public final class DiscordAnnouncer implements Announcer {
  private static final Logger log = LoggerFactory.getLogger(DiscordAnnouncer.class);

  private static final Pattern WEBHOOK_PATH =
      Pattern.compile("^https?://[^\\s/]+(?:/[^\\s]*)?/webhooks/(\\d{1,20})/([\\w.-]+)/?$");

  private final Supplier<JDA> jda;
  private final long guildId;
  private final Map<String, String> webhooks;

  /**
   * An announcer over the bot's connection.
   *
   * @param jda the running JDA, looked up on every send (e.g. {@code bot::jda}); may throw {@link
   *     GatewayException} while the bot is not connected
   * @param guildId the conference guild whose channels are meant
   * @param webhooks channel alias → webhook URL, for channels served by a webhook; may be empty
   * @throws IllegalArgumentException when a webhook URL is not a Discord webhook URL
   */
  public DiscordAnnouncer(Supplier<JDA> jda, long guildId, Map<String, String> webhooks) {
    for (Map.Entry<String, String> webhook : webhooks.entrySet()) {
      if (parseWebhook(webhook.getValue()).isEmpty()) {
        throw new IllegalArgumentException(
            "webhook for \"" + webhook.getKey() + "\" is not a Discord webhook URL");
      }
    }
    this.jda = jda;
    this.guildId = guildId;
    this.webhooks = Map.copyOf(webhooks);
  }

  @Override
  public void send(OutgoingMessage message) {
    MessageCreateData data = toDiscord(message);
    String target = message.channel();
    String webhookUrl = webhooks.getOrDefault(target, target);
    Optional<WebhookId> webhook = parseWebhook(webhookUrl);
    String where = webhook.isPresent() ? "webhook " + webhook.get().id() : "channel " + target;
    try {
      if (webhook.isPresent()) {
        WebhookClient.createClient(jda.get(), webhook.get().id(), webhook.get().token())
            .sendMessage(data)
            .complete();
      } else {
        channel(target).sendMessage(data).complete();
      }
    } catch (GatewayException e) {
      throw e;
    } catch (ErrorResponseException e) {
      throw new GatewayException(
          "discord", "message to " + where + " refused: " + e.getMeaning(), e);
    } catch (InsufficientPermissionException e) {
      throw new GatewayException(
          "discord",
          "the bot may not post in " + where + " (missing " + e.getPermission().getName() + ")",
          e);
    } catch (RuntimeException e) {
      throw new GatewayException("discord", "message to " + where + " failed: " + e, e);
    }
  }

  private TextChannel channel(String nameOrId) {
    Guild guild = jda.get().getGuildById(guildId);
    if (guild == null) {
      throw new GatewayException("discord", "the conference guild is not available", null);
    }
    return GuildChannels.text(guild, nameOrId)
        .orElseThrow(
            () -> new GatewayException("discord", "channel \"" + nameOrId + "\" not found", null));
  }

  /** The Discord message for a core message; mentions are not pinged. */
  static MessageCreateData toDiscord(OutgoingMessage message) {
    List<MessageEmbed> embeds = new ArrayList<>();
    try {
      for (Embed embed : message.embeds()) {
        embeds.add(toDiscord(embed));
      }
      return new MessageCreateBuilder()
          .setContent(message.content())
          .setEmbeds(embeds)
          .setAllowedMentions(List.of())
          .build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new GatewayException("discord", "message cannot be sent to Discord: " + e, e);
    }
  }

  /**
   * The Discord embed for a core embed: title (linked), description, colour, fields, footer. A
   * title link Discord would refuse ({@link WebLink#valid}) is left out, so that one bad session
   * URL never costs the whole message.
   */
  static MessageEmbed toDiscord(Embed embed) {
    EmbedBuilder builder = new EmbedBuilder();
    if (!embed.title().isBlank()) {
      Optional<String> url = WebLink.valid(embed.url());
      if (url.isEmpty() && embed.url() != null) {
        log.warn("embed \"{}\": link left out (not an http(s) URL Discord accepts)", embed.title());
      }
      builder.setTitle(embed.title(), url.orElse(null));
    }
    if (!embed.description().isBlank()) {
      builder.setDescription(embed.description());
    }
    builder.setColor(embed.colour());
    for (Embed.Field field : embed.fields()) {
      builder.addField(field.name(), field.value(), field.inline());
    }
    if (!embed.footer().isBlank()) {
      builder.setFooter(embed.footer());
    }
    return builder.build();
  }

  /** The id and token of a webhook URL; empty when the text is no webhook URL. */
  static Optional<WebhookId> parseWebhook(String url) {
    Matcher m = WEBHOOK_PATH.matcher(url.strip());
    return m.matches() ? Optional.of(new WebhookId(m.group(1), m.group(2))) : Optional.empty();
  }

  /** A webhook's id and token (the token is a secret: never logged). */
  record WebhookId(String id, String token) {
    @Override
    public String toString() {
      return "WebhookId[id=" + id + ", token=***]";
    }
  }
}
