package dev.confbot.adapter.discord;

import dev.confbot.core.model.RoleRef;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;

/** Resolves confbot's role references (a name or an id) against a guild. */
final class GuildRoles {
  private GuildRoles() {}

  /** The role with this id, or the first role with this name (case-insensitive). */
  static Optional<Role> resolve(Guild guild, RoleRef ref) {
    if (ref.isId()) {
      Role byId = guild.getRoleById(ref.value());
      if (byId != null) {
        return Optional.of(byId);
      }
    }
    List<Role> byName = guild.getRolesByName(ref.value(), true);
    return byName.isEmpty() ? Optional.empty() : Optional.of(byName.get(0));
  }
}
