package dev.confbot.adapter.discord;

import org.jspecify.annotations.Nullable;

/**
 * How to reach Discord and which guild confbot serves.
 *
 * @param token the bot token (never printed: {@link #toString()} redacts it)
 * @param guildId the conference server
 * @param restBaseUrl Discord's REST base URL, or null for discord.com (set for fake-discord)
 * @param gatewayUrl the gateway URL, or null for Discord's (set for fake-discord)
 * @param messageContentIntent whether the privileged message-content intent is requested (for the
 *     {@code $ping} text command)
 */
public record DiscordSettings(
    String token,
    long guildId,
    @Nullable String restBaseUrl,
    @Nullable String gatewayUrl,
    boolean messageContentIntent) {

  @Override
  public String toString() {
    return "DiscordSettings[token=***, guildId="
        + guildId
        + ", restBaseUrl="
        + restBaseUrl
        + ", gatewayUrl="
        + gatewayUrl
        + ", messageContentIntent="
        + messageContentIntent
        + "]";
  }
}
