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
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.RestAction;
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
 * <p>Blocking: {@link #send} returns once Discord answered (JDA retries 429s and some 5xx
 * transparently). Channel messages carry the caller's nonce with {@code enforce_nonce: true} (JDA
 * always sets it), so Discord itself drops a repeat within a few minutes. Failures that certainly
 * posted nothing (not connected, unknown channel, missing permission, a 4xx refusal) become {@link
 * GatewayException} with system {@code "discord"}; a failure after the request was handed over (a
 * 5xx, a timeout, a lost connection) is {@link Delivery#UNCERTAIN}, and {@link #find} then reads
 * the channel's recent messages. Call both from a worker such as the notification scheduler's,
 * never from a JDA callback thread. Mentions in the content are never pinged.
 */
public final class DiscordAnnouncer implements Announcer {
  private static final Logger log = LoggerFactory.getLogger(DiscordAnnouncer.class);
  private static final Pattern WEBHOOK_PATH =
      Pattern.compile("^https?://[^\\s/]+(?:/[^\\s]*)?/webhooks/(\\d{1,20})/([\\w.-]+)/?$");

  /** How many of a channel's latest messages {@link #find} reads (Discord allows 1–100). */
  static final int HISTORY_LIMIT = 50;

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
  public Delivery send(OutgoingMessage message, String nonce) {
    MessageCreateData data = toDiscord(message);
    String target = message.channel();
    Optional<WebhookId> webhook = webhookOf(target);
    String where = webhook.isPresent() ? "webhook " + webhook.get().id() : "channel " + target;
    RestAction<?> request;
    try {
      if (webhook.isPresent()) {
        // JDA executes webhooks with ?wait=true: a 200 means the message is stored
        request =
            WebhookClient.createClient(jda.get(), webhook.get().id(), webhook.get().token())
                .sendMessage(data);
      } else {
        request = channel(target).sendMessage(data).setNonce(nonce);
      }
    } catch (GatewayException e) {
      throw e;
    } catch (InsufficientPermissionException e) {
      throw new GatewayException(
          "discord",
          "the bot may not post in " + where + " (missing " + e.getPermission().getName() + ")",
          e);
    } catch (RuntimeException e) {
      // a webhook's token may be in the exception's text (its URL): never pass it on
      String problem =
          webhook.map(w -> e.toString().replace(w.token(), "***")).orElse(e.toString());
      throw new GatewayException(
          "discord", "message to " + where + " failed: " + problem, webhook.isPresent() ? null : e);
    }
    try {
      request.complete();
      return Delivery.DELIVERED;
    } catch (ErrorResponseException e) {
      int status = e.getResponse().code;
      if (status >= 400 && status < 500 && status != 429) {
        throw new GatewayException(
            "discord", "message to " + where + " refused: " + e.getMeaning(), e);
      }
      log.warn("message to {} may not have arrived: {}", where, e.getMeaning());
      return Delivery.UNCERTAIN;
    } catch (InsufficientPermissionException e) {
      throw new GatewayException(
          "discord",
          "the bot may not post in " + where + " (missing " + e.getPermission().getName() + ")",
          e);
    } catch (RuntimeException e) {
      // a timeout, an interrupt or a lost connection after the request was handed over
      log.warn("message to {} may not have arrived: {}", where, e.toString());
      return Delivery.UNCERTAIN;
    }
  }

  /**
   * Reads the channel's last {@value #HISTORY_LIMIT} messages ({@code GET
   * /channels/{id}/messages?limit=…}) and looks for the message by nonce, or by the bot's own
   * message with the same content and embed titles (Discord does not return nonces on every read).
   * A webhook target has no history the bot could read: {@link Presence#UNCHECKABLE}.
   */
  @Override
  public Presence find(OutgoingMessage message, String nonce) {
    if (webhookOf(message.channel()).isPresent()) {
      return Presence.UNCHECKABLE;
    }
    try {
      TextChannel channel = channel(message.channel());
      long self = channel.getJDA().getSelfUser().getIdLong();
      List<Message> recent = channel.getHistory().retrievePast(HISTORY_LIMIT).complete();
      for (Message candidate : recent) {
        if (nonce.equals(candidate.getNonce()) || sameAs(candidate, self, message)) {
          return Presence.FOUND;
        }
      }
      return Presence.ABSENT;
    } catch (InsufficientPermissionException e) {
      log.warn(
          "cannot check channel {}: missing {}", message.channel(), e.getPermission().getName());
      return Presence.UNCHECKABLE;
    } catch (ErrorResponseException e) {
      log.warn("cannot check channel {}: {}", message.channel(), e.getMeaning());
      int status = e.getResponse().code;
      return status == 403 ? Presence.UNCHECKABLE : Presence.UNKNOWN;
    } catch (RuntimeException e) {
      log.warn("cannot check channel {}: {}", message.channel(), e.toString());
      return Presence.UNKNOWN;
    }
  }

  /** The bot's own message with the same content and embed titles. */
  private static boolean sameAs(Message candidate, long self, OutgoingMessage message) {
    if (candidate.getAuthor().getIdLong() != self
        || !candidate.getContentRaw().strip().equals(message.content().strip())
        || candidate.getEmbeds().size() != message.embeds().size()) {
      return false;
    }
    for (int i = 0; i < message.embeds().size(); i++) {
      String title = candidate.getEmbeds().get(i).getTitle();
      String expected = message.embeds().get(i).title();
      if (!(title == null ? expected.isBlank() : title.equals(expected))) {
        return false;
      }
    }
    return true;
  }

  private Optional<WebhookId> webhookOf(String target) {
    return parseWebhook(webhooks.getOrDefault(target, target));
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
