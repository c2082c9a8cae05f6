package dev.confbot.fakediscord;

/**
 * A snapshot of a guild role.
 *
 * @param id snowflake; {@code @everyone} has the guild's id
 * @param name role name
 * @param position hierarchy position, {@code @everyone} is 0, higher outranks lower
 * @param permissions permission bit set (see {@link Permissions})
 * @param color primary colour as 0xRRGGBB, 0 for none
 * @param hoist shown separately in the member list
 * @param mentionable anyone may mention it
 * @param managed owned by an integration (the bot's own role): cannot be deleted or given
 */
public record FakeRole(
    long id,
    String name,
    int position,
    long permissions,
    int color,
    boolean hoist,
    boolean mentionable,
    boolean managed) {}
