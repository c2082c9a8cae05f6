package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordSession;
import dev.confbot.config.ConfbotConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The hidden options that point a one-shot command at another Discord (fake-discord in tests), and
 * the login through them.
 */
final class DiscordUrlOptions {
  @Option(names = "--discord-rest-url", hidden = true)
  private @Nullable String restUrl;

  @Option(names = "--discord-gateway-url", hidden = true)
  private @Nullable String gatewayUrl;

  /** Discord's REST base URL, null for discord.com. */
  @Nullable String restUrl() {
    return restUrl;
  }

  /** The gateway URL, null for Discord's. */
  @Nullable String gatewayUrl() {
    return gatewayUrl;
  }

  /** {@link CliDiscord#connect} to the Discord these options name (discord.com by default). */
  DiscordSession connect(ConfbotConfig config) {
    return CliDiscord.connect(config, restUrl, gatewayUrl);
  }
}
