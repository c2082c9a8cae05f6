package dev.confbot.fakediscord;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a guild channel.
 *
 * @param id snowflake
 * @param name channel name
 * @param type Discord channel type (0 text, 2 voice, 4 category, 5 announcement)
 * @param topic the topic, null when none is set
 */
public record FakeChannel(long id, String name, int type, @Nullable String topic) {}
