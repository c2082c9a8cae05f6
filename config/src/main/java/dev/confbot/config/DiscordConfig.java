package dev.confbot.config;

/**
 * {@code [discord]}: the one guild (server) the bot serves.
 *
 * @param guildId the guild id (snowflake), key {@code guild_id}
 * @param token the bot token, from the secret {@code DISCORD_BOT_TOKEN} (never from the TOML)
 * @param messageContentIntent whether to request the privileged message-content intent (needed for
 *     text commands such as {@code $ping}), key {@code message_content_intent}, default false
 */
public record DiscordConfig(long guildId, Secret token, boolean messageContentIntent) {}
