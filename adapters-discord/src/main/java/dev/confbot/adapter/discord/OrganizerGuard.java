package dev.confbot.adapter.discord;

import dev.confbot.core.model.RoleRef;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import org.jspecify.annotations.Nullable;

/**
 * The bot's own check for organizer commands. Discord's default member permissions only hide a
 * command, and server admins can override them, so every organizer command handler asks this guard
 * before it does anything: the member must hold one of the configured organizer roles (by name,
 * case-insensitive, or by id). Holding Administrator alone is not enough.
 */
public final class OrganizerGuard {
  /** The answer for everyone else (ephemeral). */
  public static final String REFUSAL =
      "Sorry, this command is for organizers only. If you are one, ask a server admin to give you"
          + " the organizer role.";

  private final Set<RoleRef> organizerRoles;

  /**
   * @param organizerRoles the roles whose holders may run organizer commands; empty means nobody
   */
  public OrganizerGuard(Set<RoleRef> organizerRoles) {
    this.organizerRoles = Set.copyOf(organizerRoles);
  }

  /** True when the member (null outside a guild) holds an organizer role. */
  public boolean allows(@Nullable Member member) {
    if (member == null) {
      return false;
    }
    for (Role role : member.getRoles()) {
      for (RoleRef ref : organizerRoles) {
        if (ref.isId()
            ? ref.value().equals(role.getId())
            : ref.value().equalsIgnoreCase(role.getName())) {
          return true;
        }
      }
    }
    return false;
  }
}
