package dev.confbot.adapter.discord;

import dev.confbot.core.port.AuditSink;
import java.util.List;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit lines to the registration log channel (and the structured log). Lines already hide
 * full order codes; mentions in them are not pinged. Posting is asynchronous and never throws: when
 * the channel is missing or Discord is unreachable the line is only logged.
 */
public final class DiscordAuditSink implements AuditSink {
  private static final Logger log = LoggerFactory.getLogger(DiscordAuditSink.class);
  private static final int MAX_CONTENT = 2000;

  private final Supplier<Guild> guild;
  private final String logChannel;

  /**
   * @param guild the conference guild
   * @param logChannel the log channel's name or id
   */
  public DiscordAuditSink(Supplier<Guild> guild, String logChannel) {
    this.guild = guild;
    this.logChannel = logChannel;
  }

  @Override
  public void record(String line, boolean alert) {
    if (alert) {
      log.warn("audit: {}", line);
    } else {
      log.info("audit: {}", line);
    }
    String text = alert && !line.startsWith("⚠️") ? "⚠️ " + line : line;
    if (text.length() > MAX_CONTENT) {
      text = text.substring(0, MAX_CONTENT - 1) + "…";
    }
    try {
      TextChannel channel = GuildChannels.text(guild.get(), logChannel).orElse(null);
      if (channel == null) {
        log.warn("Log channel '{}' not found; audit line only logged", logChannel);
        return;
      }
      channel
          .sendMessage(MessageCreateData.fromContent(text))
          .setAllowedMentions(List.of())
          .queue(ok -> {}, e -> log.warn("Could not post to the log channel: {}", e.getMessage()));
    } catch (RuntimeException e) {
      // an audit line must never turn a finished registration into a failure
      log.warn("Could not post to the log channel: {}", e.toString());
    }
  }
}
