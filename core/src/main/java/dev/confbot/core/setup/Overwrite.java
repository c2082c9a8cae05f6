package dev.confbot.core.setup;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A permission overwrite of a channel or category for one role (by name; {@code @everyone} is the
 * server's default role). Permissions in neither set are inherited.
 *
 * @param role the role's name
 * @param allow permissions granted in this channel
 * @param deny permissions taken away in this channel; disjoint from {@code allow}
 */
public record Overwrite(String role, Set<DiscordPermission> allow, Set<DiscordPermission> deny) {
  /** The name of the server's default role, which every member has. */
  public static final String EVERYONE = "@everyone";

  public Overwrite {
    role = role.strip();
    if (role.isEmpty()) {
      throw new IllegalArgumentException("an overwrite names a role");
    }
    allow = sorted(allow);
    deny = sorted(deny);
    Set<DiscordPermission> both = EnumSet.noneOf(DiscordPermission.class);
    both.addAll(allow);
    both.retainAll(deny);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException(
          "overwrite for " + role + " both allows and denies " + names(both));
    }
  }

  private static Set<DiscordPermission> sorted(Set<DiscordPermission> permissions) {
    Set<DiscordPermission> copy = EnumSet.noneOf(DiscordPermission.class);
    copy.addAll(permissions);
    return Collections.unmodifiableSet(copy);
  }

  /** E.g. {@code @everyone: deny VIEW_CHANNEL} or {@code Organizers: allow VIEW_CHANNEL, ...}. */
  public String describe() {
    StringBuilder out = new StringBuilder(role).append(':');
    if (!allow.isEmpty()) {
      out.append(" allow ").append(names(allow));
    }
    if (!deny.isEmpty()) {
      out.append(allow.isEmpty() ? " deny " : "; deny ").append(names(deny));
    }
    if (allow.isEmpty() && deny.isEmpty()) {
      out.append(" inherit all");
    }
    return out.toString();
  }

  private static String names(Set<DiscordPermission> permissions) {
    return permissions.stream().map(Enum::name).collect(Collectors.joining(", "));
  }
}
