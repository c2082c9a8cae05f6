package dev.confbot.adapter.discord;

import dev.confbot.core.model.RoleRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /** Role names as the server orders them (highest first), unknown roles last by name; distinct. */
  static List<String> namesInServerOrder(Guild guild, Collection<RoleRef> refs) {
    List<Role> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (RoleRef ref : refs) {
      Optional<Role> role = resolve(guild, ref);
      if (role.isPresent()) {
        known.add(role.get());
      } else {
        unknown.add(ref.value());
      }
    }
    known.sort(Comparator.reverseOrder());
    unknown.sort(Comparator.naturalOrder());
    Set<String> names = new LinkedHashSet<>();
    known.forEach(r -> names.add(r.getName()));
    names.addAll(unknown);
    return List.copyOf(names);
  }
}
