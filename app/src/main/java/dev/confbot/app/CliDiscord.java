package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordSession;
import dev.confbot.adapter.discord.DiscordSettings;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.port.GatewayException;
import org.jspecify.annotations.Nullable;

/** The Discord connection of one-shot commands ({@code jobs post}, {@code export members}). */
final class CliDiscord {

  private CliDiscord() {}

  /**
   * Logs in with the configured token and waits until the guilds and members are loaded; the caller
   * closes the session.
   *
   * @param restUrl Discord's REST base URL, null for discord.com (set in tests)
   * @param gatewayUrl the gateway URL, null for Discord's (set in tests)
   * @throws GatewayException when Discord cannot be reached or refuses the token
   */
  static DiscordSession connect(
      ConfbotConfig config, @Nullable String restUrl, @Nullable String gatewayUrl) {
    LogSetup.quietDiscordClient();
    return DiscordSession.open(
        new DiscordSettings(
            config.discord().token().reveal(),
            config.discord().guildId(),
            restUrl,
            gatewayUrl,
            false));
  }
}
