package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordSettings;
import dev.confbot.adapter.discord.JdaFactory;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.port.GatewayException;
import java.time.Duration;
import java.util.Objects;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import org.jspecify.annotations.Nullable;

/** The Discord connection of one-shot commands ({@code jobs post}, {@code export members}). */
final class CliDiscord {
  /** How long a command waits for Discord's gateway before it gives up. */
  static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private CliDiscord() {}

  /**
   * Logs in with the configured token and waits until the guilds and members are loaded; the caller
   * shuts the client down.
   *
   * @param restUrl Discord's REST base URL, null for discord.com (set in tests)
   * @param gatewayUrl the gateway URL, null for Discord's (set in tests)
   * @throws GatewayException when Discord cannot be reached or refuses the token
   */
  static JDA connect(ConfbotConfig config, @Nullable String restUrl, @Nullable String gatewayUrl) {
    DiscordSettings settings =
        new DiscordSettings(
            config.discord().token().reveal(),
            config.discord().guildId(),
            restUrl,
            gatewayUrl,
            false);
    return JdaFactory.connect(settings, READY_TIMEOUT);
  }

  /**
   * The conference guild.
   *
   * @throws GatewayException when the bot is not a member of it
   */
  static Guild guild(JDA jda, long guildId) {
    Guild guild = jda.getGuildById(guildId);
    if (guild == null) {
      throw new GatewayException(
          "discord", "the bot is not a member of the conference guild " + guildId, null);
    }
    return guild;
  }

  /** The exception's message without its leading {@code "system: "}, for one-line errors. */
  static String reason(GatewayException e) {
    String message = Objects.requireNonNullElse(e.getMessage(), e.system());
    String prefix = e.system() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
