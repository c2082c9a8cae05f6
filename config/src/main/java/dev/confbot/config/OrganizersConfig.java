package dev.confbot.config;

import dev.confbot.core.model.RoleRef;
import java.util.List;

/**
 * {@code [organizers]}: members holding any of these roles may use organizer commands.
 *
 * @param roles role names or ids, key {@code roles}, default {@code ["Organizers"]}
 */
public record OrganizersConfig(List<RoleRef> roles) {
  public OrganizersConfig {
    roles = List.copyOf(roles);
  }
}
