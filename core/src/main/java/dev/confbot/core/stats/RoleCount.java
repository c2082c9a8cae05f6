package dev.confbot.core.stats;

import dev.confbot.core.model.RoleRef;

/**
 * How many members hold a configured role.
 *
 * @param role the role as configured
 * @param members the number of members holding it
 */
public record RoleCount(RoleRef role, int members) {}
