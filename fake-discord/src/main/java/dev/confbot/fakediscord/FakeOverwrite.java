package dev.confbot.fakediscord;

/**
 * A snapshot of a channel's permission overwrite.
 *
 * @param targetId the role id ({@code @everyone} has the guild's id) or member id
 * @param member true for a member overwrite, false for a role overwrite
 * @param allow permission bits granted (see {@link Permissions})
 * @param deny permission bits taken away
 */
public record FakeOverwrite(long targetId, boolean member, long allow, long deny) {}
