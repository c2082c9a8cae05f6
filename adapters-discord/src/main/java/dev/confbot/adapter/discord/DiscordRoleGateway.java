package dev.confbot.adapter.discord;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.RoleGateway;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives and takes roles on the conference server through JDA. Blocks until Discord confirmed the
 * change, so it must only be called from confbot's worker threads, never from a JDA callback.
 */
public final class DiscordRoleGateway implements RoleGateway {
  private static final Logger log = LoggerFactory.getLogger(DiscordRoleGateway.class);

  private final Supplier<Guild> guild;

  /**
   * @param guild the conference guild, looked up on every call so that a reconnect's fresh entities
   *     are used
   */
  public DiscordRoleGateway(Supplier<Guild> guild) {
    this.guild = guild;
  }

  /**
   * Adds each role on its own ({@code PUT /guilds/{guild}/members/{user}/roles/{role}}), so that
   * two changes for one member (two tickets registered at once, an organizer's edit) cannot
   * overwrite each other: a full role list computed from JDA's cache could drop a role that another
   * change added a moment ago. Adding a role the member already has changes nothing.
   */
  @Override
  public void grant(MemberId memberId, Set<RoleRef> roles, Optional<String> nickname) {
    Guild g = guild.get();
    Member member = member(g, memberId);
    for (Role role : resolveAll(g, roles)) {
      try {
        g.addRoleToMember(member, role)
            .reason("confbot: role given, see the log channel")
            .complete();
      } catch (HierarchyException | InsufficientPermissionException e) {
        throw new GatewayException(
            "discord", "the bot may not give these roles: " + e.getMessage(), e);
      } catch (ErrorResponseException e) {
        throw new GatewayException("discord", "role update refused: " + e.getMeaning(), e);
      } catch (RuntimeException e) {
        throw new GatewayException("discord", "role update failed", e);
      }
    }
    nickname.ifPresent(nick -> setNickname(g, member, nick));
  }

  /**
   * Removes each role on its own ({@code DELETE …/roles/{role}}), for the reason {@link #grant}
   * adds them so.
   */
  @Override
  public void revoke(MemberId memberId, Set<RoleRef> roles) {
    Guild g = guild.get();
    List<Role> toRemove = resolveAll(g, roles);
    UserSnowflake member = UserSnowflake.fromId(memberId.value());
    for (Role role : toRemove) {
      try {
        g.removeRoleFromMember(member, role)
            .reason("confbot: role removed, see the log channel")
            .complete();
      } catch (ErrorResponseException e) {
        if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER) {
          return;
        }
        throw new GatewayException("discord", "role removal refused: " + e.getMeaning(), e);
      } catch (RuntimeException e) {
        throw new GatewayException("discord", "role removal failed", e);
      }
    }
  }

  /** Asks Discord (not JDA's cache, which may lag behind) which of the roles the member has. */
  @Override
  public Optional<Set<RoleRef>> rolesHeld(MemberId memberId, Set<RoleRef> roles) {
    Guild g = guild.get();
    Member member;
    try {
      member = g.retrieveMemberById(memberId.value()).useCache(false).complete();
    } catch (ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER) {
        return Optional.empty();
      }
      throw new GatewayException("discord", "member lookup failed: " + e.getMeaning(), e);
    } catch (RuntimeException e) {
      throw new GatewayException("discord", "member lookup failed", e);
    }
    Set<RoleRef> held = new HashSet<>();
    for (RoleRef ref : roles) {
      GuildRoles.resolve(g, ref)
          .filter(role -> member.getRoles().contains(role))
          .ifPresent(role -> held.add(ref));
    }
    return Optional.of(Set.copyOf(held));
  }

  private static Member member(Guild g, MemberId memberId) {
    Member cached = g.getMemberById(memberId.value());
    if (cached != null) {
      return cached;
    }
    try {
      return g.retrieveMemberById(memberId.value()).complete();
    } catch (ErrorResponseException e) {
      throw new GatewayException("discord", "member " + memberId + " not found", e);
    } catch (RuntimeException e) {
      throw new GatewayException("discord", "member lookup failed", e);
    }
  }

  private static List<Role> resolveAll(Guild g, Set<RoleRef> refs) {
    List<Role> roles = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (RoleRef ref : refs) {
      GuildRoles.resolve(g, ref).ifPresentOrElse(roles::add, () -> missing.add(ref.value()));
    }
    if (!missing.isEmpty()) {
      throw new GatewayException("discord", "roles missing on the server: " + missing, null);
    }
    return roles;
  }

  /** Sets the nickname (the core has already cut it to Discord's 32 characters). */
  private static void setNickname(Guild g, Member member, String nick) {
    if (nick.equals(member.getNickname())) {
      return;
    }
    if (member.isOwner() || !g.getSelfMember().canInteract(member)) {
      log.info("Nickname of member {} left unchanged: Discord does not allow it", member.getId());
      return;
    }
    try {
      g.modifyNickname(member, nick).reason("confbot registration").complete();
    } catch (RuntimeException e) {
      log.info("Nickname of member {} left unchanged: {}", member.getId(), e.getMessage());
    }
  }
}
