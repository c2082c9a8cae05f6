package dev.confbot.adapter.discord;

import dev.confbot.core.model.RoleRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own check for organizer commands. Discord's default member permissions only hide a
 * command, and server admins can override them, so every organizer command handler asks this guard
 * before it does anything: the member must hold one of the organizer roles. Holding Administrator
 * alone is not enough.
 *
 * <p>The configured roles (names, case-insensitive, or ids) are resolved to role ids once, when the
 * guild is first loaded ({@link #resolve}); from then on only ids count. A role created later with
 * an organizer role's name (by anyone allowed to create roles) therefore makes nobody an organizer.
 * A name that matches several roles at start is ambiguous: none of those roles is trusted and the
 * problem is reported, asking for the role's id instead. A name that matches nothing is reported
 * too. Before resolution only roles configured by id are accepted.
 */
public final class OrganizerGuard {
  private static final Logger log = LoggerFactory.getLogger(OrganizerGuard.class);

  /** The answer for everyone else (ephemeral). */
  public static final String REFUSAL =
      "Sorry, this command is for organizers only. If you are one, ask a server admin to give you"
          + " the organizer role.";

  /** A role of the guild as the resolution needs it. */
  record GuildRole(long id, String name) {}

  /**
   * The organizer role ids and one actionable message per configured role that could not be
   * resolved safely.
   */
  record Resolution(Set<Long> ids, List<String> problems) {
    Resolution {
      ids = Set.copyOf(ids);
      problems = List.copyOf(problems);
    }
  }

  private final Set<RoleRef> configured;
  private final Set<Long> configuredIds;
  private volatile @Nullable Resolution resolution;

  /**
   * @param organizerRoles the roles whose holders may run organizer commands; empty means nobody
   */
  public OrganizerGuard(Set<RoleRef> organizerRoles) {
    this.configured = Set.copyOf(organizerRoles);
    Set<Long> ids = new HashSet<>();
    for (RoleRef ref : configured) {
      Long id = idOf(ref);
      if (id != null) {
        ids.add(id);
      }
    }
    this.configuredIds = Set.copyOf(ids);
  }

  /**
   * Resolves the configured roles against the guild's roles the first time it is called; later
   * calls (a reconnect, a second listener) keep that first result, so roles created while the bot
   * runs never count.
   *
   * @return one actionable message per organizer role that is missing or ambiguous; empty when all
   *     resolved
   */
  public List<String> resolve(Guild guild) {
    synchronized (this) {
      Resolution done = resolution;
      if (done == null) {
        done =
            resolve(
                configured,
                guild.getRoles().stream()
                    .map(role -> new GuildRole(role.getIdLong(), role.getName()))
                    .toList());
        resolution = done;
        log.info("Organizer roles resolved to role ids {}", sorted(done.ids()));
      }
      return done.problems();
    }
  }

  /** True when the member (null outside a guild) holds an organizer role. */
  public boolean allows(@Nullable Member member) {
    if (member == null) {
      return false;
    }
    Resolution done = resolution;
    Set<Long> ids = done == null ? configuredIds : done.ids();
    for (Role role : member.getRoles()) {
      if (ids.contains(role.getIdLong())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pure resolution: an id counts when a role has it; a name counts when exactly one role has
   * it (case-insensitive).
   */
  static Resolution resolve(Set<RoleRef> configured, List<GuildRole> roles) {
    Set<Long> ids = new HashSet<>();
    List<String> problems = new ArrayList<>();
    List<RoleRef> ordered =
        configured.stream().sorted(Comparator.comparing(RoleRef::value)).toList();
    for (RoleRef ref : ordered) {
      Long id = idOf(ref);
      if (id != null) {
        if (roles.stream().anyMatch(role -> role.id() == id)) {
          ids.add(id);
        } else {
          problems.add(
              "Organizer role id "
                  + id
                  + " does not exist on the server: fix organizers.roles (Server Settings → Roles"
                  + " → right-click the role → Copy Role ID).");
        }
        continue;
      }
      String name = ref.value().toLowerCase(Locale.ROOT);
      List<GuildRole> matches =
          roles.stream().filter(role -> role.name().toLowerCase(Locale.ROOT).equals(name)).toList();
      if (matches.size() == 1) {
        ids.add(matches.get(0).id());
      } else if (matches.isEmpty()) {
        problems.add(
            "Organizer role \""
                + ref.value()
                + "\" does not exist: create it and restart the bot, or fix organizers.roles;"
                + " until then nobody is an organizer through it.");
      } else {
        problems.add(
            "Organizer role name \""
                + ref.value()
                + "\" matches "
                + matches.size()
                + " roles (ids "
                + matches.stream()
                    .map(role -> String.valueOf(role.id()))
                    .collect(Collectors.joining(", "))
                + "), so none of them is trusted: configure the organizer role by id in"
                + " organizers.roles (Server Settings → Roles → right-click the role → Copy Role"
                + " ID), or rename or delete the extra roles and restart the bot.");
      }
    }
    return new Resolution(ids, problems);
  }

  private static @Nullable Long idOf(RoleRef ref) {
    if (!ref.isId()) {
      return null;
    }
    try {
      return Long.parseLong(ref.value());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<Long> sorted(Set<Long> ids) {
    return ids.stream().sorted().toList();
  }
}
