package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.RoleData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The guild, its roles and its members (guilds/{id}, …/roles, …/members). */
final class GuildRoutes extends RouteGroup {
  GuildRoutes(State state) {
    super(state);
  }

  @Override
  void register(Registrar routes) {
    routes.route(
        "GET", "guilds/{}", (r, p) -> guild(p.get(0), () -> state.render.guild(false, false)));
    routes.route("GET", "guilds/{}/roles", (r, p) -> guild(p.get(0), this::roleList));
    routes.route("POST", "guilds/{}/roles", this::createRole);
    routes.route("PATCH", "guilds/{}/roles/{}", this::editRole);
    routes.route("DELETE", "guilds/{}/roles/{}", this::deleteRole);
    routes.route("GET", "guilds/{}/members", this::listMembers);
    routes.route("GET", "guilds/{}/members/{}", this::getMember);
    routes.route("PATCH", "guilds/{}/members/{}", this::modifyMember);
    routes.route("PUT", "guilds/{}/members/{}/roles/{}", (r, p) -> memberRole(r, p, true));
    routes.route("DELETE", "guilds/{}/members/{}/roles/{}", (r, p) -> memberRole(r, p, false));
  }

  private List<Object> roleList() {
    List<Object> list = new ArrayList<>();
    for (RoleData role : state.roles.values()) {
      list.add(state.render.role(role));
    }
    return list;
  }

  private ApiResponse createRole(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      requireGuild(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_ROLES);
      long permissions = body.number("permissions", 0);
      requireGrantable(permissions);
      RoleData role =
          new Entities.RoleData(
              state.ids.next(),
              body.string("name", "new role"),
              1,
              permissions,
              color(body),
              false);
      role.hoist = body.bool("hoist", false);
      role.mentionable = body.bool("mentionable", false);
      state.roles.put(role.id, role);
      state.announceRole("GUILD_ROLE_CREATE", role);
      return ApiResponse.json(state.render.role(role));
    }
  }

  private void requireGrantable(long permissions) {
    long bot = state.permissionsOf(state.bot());
    if ((permissions & ~bot) != 0) {
      throw DiscordError.missingPermissions();
    }
  }

  private static int color(Json.Obj body) {
    Optional<Long> primary = body.object("colors").flatMap(c -> c.number("primary_color"));
    return (int) (long) primary.orElse(body.number("color", 0));
  }

  private ApiResponse editRole(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      requireGuild(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_ROLES);
      RoleData role = state.role(id(params.get(1), 10011, "Role"));
      state.requireBotOutranks(role);
      if (body.has("name")) {
        role.name = body.string("name", role.name);
      }
      if (body.has("permissions")) {
        long permissions = body.number("permissions", role.permissions);
        requireGrantable(permissions);
        role.permissions = permissions;
      }
      if (body.has("color") || body.has("colors")) {
        role.color = color(body);
      }
      role.hoist = body.bool("hoist", role.hoist);
      role.mentionable = body.bool("mentionable", role.mentionable);
      state.announceRole("GUILD_ROLE_UPDATE", role);
      return ApiResponse.json(state.render.role(role));
    }
  }

  private ApiResponse deleteRole(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      requireGuild(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_ROLES);
      RoleData role = state.role(id(params.get(1), 10011, "Role"));
      state.requireBotOutranks(role);
      if (role.id == state.guildId || role.managed) {
        throw new DiscordError(400, 50028, "Invalid Role");
      }
      state.roles.remove(role.id);
      for (MemberData member : state.members.values()) {
        member.roles.remove(role.id);
      }
      state.dispatch(
          "GUILD_ROLE_DELETE",
          Json.map("guild_id", String.valueOf(state.guildId), "role_id", String.valueOf(role.id)),
          Dispatcher.GUILDS,
          null);
      return ApiResponse.noContent();
    }
  }

  // ---- members ----

  private ApiResponse listMembers(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      requireGuild(params.get(0));
      int limit = Integer.parseInt(request.query().getOrDefault("limit", "1"));
      if (limit < 1 || limit > 1000) {
        throw DiscordError.invalidBody("limit must be 1-1000");
      }
      long after = Long.parseLong(request.query().getOrDefault("after", "0"));
      List<MemberData> sorted = new ArrayList<>(state.members.values());
      sorted.sort((a, b) -> Long.compare(a.id, b.id));
      List<Object> result = new ArrayList<>();
      for (MemberData member : sorted) {
        if (member.id > after && result.size() < limit) {
          result.add(state.render.member(member, true));
        }
      }
      return ApiResponse.json(result);
    }
  }

  private MemberData memberOrSelf(String text) {
    return text.equals("@me") ? state.bot() : state.member(id(text, 10007, "Member"));
  }

  private ApiResponse getMember(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      requireGuild(params.get(0));
      return ApiResponse.json(state.render.member(memberOrSelf(params.get(1)), true));
    }
  }

  private ApiResponse modifyMember(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      requireGuild(params.get(0));
      MemberData member = memberOrSelf(params.get(1));
      boolean self = member.id == state.botId;
      if (body.has("nick")) {
        String nick = body.string("nick", "");
        if (nick.length() > 32) {
          throw DiscordError.invalidBody("nick: Must be 32 or fewer in length.");
        }
        if (self) {
          state.requireBotPermission(Permissions.CHANGE_NICKNAME);
        } else {
          state.requireBotPermission(Permissions.MANAGE_NICKNAMES);
          state.requireBotCanModify(member);
        }
      }
      Set<Long> newRoles = null;
      if (body.has("roles")) {
        state.requireBotPermission(Permissions.MANAGE_ROLES);
        newRoles = new LinkedHashSet<>();
        for (Object roleId : body.list("roles")) {
          newRoles.add(state.role(id(snowflakeText(roleId), 10011, "Role")).id);
        }
        Set<Long> changed = new LinkedHashSet<>(newRoles);
        changed.addAll(member.roles);
        Set<Long> unchanged = new LinkedHashSet<>(newRoles);
        unchanged.retainAll(member.roles);
        changed.removeAll(unchanged);
        for (long roleId : changed) {
          RoleData role = state.role(roleId);
          state.requireBotOutranks(role);
          if (role.managed || role.id == state.guildId) {
            throw DiscordError.missingPermissions();
          }
        }
      }
      if (body.has("nick")) {
        String nick = body.string("nick", "");
        member.nick = nick.isEmpty() ? null : nick;
      }
      if (newRoles != null) {
        member.roles.clear();
        member.roles.addAll(newRoles);
      }
      state.announceMemberUpdate(member);
      return ApiResponse.json(state.render.member(member, true));
    }
  }

  private ApiResponse memberRole(ApiRequest request, List<String> params, boolean add) {
    synchronized (state.lock) {
      requireGuild(params.get(0));
      MemberData member = state.member(id(params.get(1), 10007, "Member"));
      RoleData role = state.role(id(params.get(2), 10011, "Role"));
      state.requireBotPermission(Permissions.MANAGE_ROLES);
      state.requireBotOutranks(role);
      if (role.managed || role.id == state.guildId) {
        throw DiscordError.missingPermissions();
      }
      boolean changed = add ? member.roles.add(role.id) : member.roles.remove(role.id);
      if (changed) {
        state.announceMemberUpdate(member);
      }
      return ApiResponse.noContent();
    }
  }
}
