package dev.confbot.config;

import dev.confbot.core.model.RoleRef;
import java.util.List;

/**
 * {@code [organizers]}: members holding any of these roles may use organizer commands.
 *
 * @param roles role names or ids, key {@code roles}, default {@code ["Organizers"]}
 * @param grantableRoles roles organizers may give and take with {@code /grant} and {@code /revoke}
 *     (volunteers, crew…), key {@code grantable_roles}, default none; at most 25 (Discord's limit
 *     of choices), never one of {@code roles}
 */
public record OrganizersConfig(List<RoleRef> roles, List<RoleRef> grantableRoles) {
  /** Discord offers at most this many choices for one command option. */
  public static final int MAX_GRANTABLE = 25;

  public OrganizersConfig {
    roles = List.copyOf(roles);
    grantableRoles = List.copyOf(grantableRoles);
  }

  /** Organizer roles only, no grantable roles. */
  public OrganizersConfig(List<RoleRef> roles) {
    this(roles, List.of());
  }
}
