package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.OverwriteData;
import dev.confbot.fakediscord.Entities.RoleData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Server-setup routes and rules for channels and roles (topics/channel, topics/permissions):
 * channel types, categories ({@code parent_id}), permission overwrites, channel and role positions
 * and channel deletion, each with the gateway event Discord sends so that JDA's cache follows.
 * Every handler holds the {@link State} lock.
 */
final class Channels extends RouteGroup {
  /** Guild channel types the fake supports: text, voice, category, announcement, stage, forum. */
  static final Set<Integer> TYPES = Set.of(0, 2, 4, 5, 13, 15);

  static final int CATEGORY = 4;

  Channels(State state) {
    super(state);
  }

  @Override
  void register(Registrar registrar) {
    registrar.route("DELETE", "channels/{}", this::deleteChannel);
    registrar.route("PUT", "channels/{}/permissions/{}", this::putOverwrite);
    registrar.route("DELETE", "channels/{}/permissions/{}", this::deleteOverwrite);
    registrar.route("PATCH", "guilds/{}/channels", this::channelPositions);
    registrar.route("PATCH", "guilds/{}/roles", this::rolePositions);
  }

  // ---- rules shared with channel create and modify (lock held) ----

  /**
   * The type a channel may take on modify: Discord converts only text (0) and announcement (5)
   * channels into each other, and only in guilds with the {@code NEWS} feature.
   */
  static int convertedType(ChannelData channel, int type, State state) {
    if (type == channel.type) {
      return type;
    }
    boolean textOrNews = (channel.type == 0 || channel.type == 5) && (type == 0 || type == 5);
    if (!textOrNews) {
      throw DiscordError.invalidBody(
          "type: only text and announcement channels can be converted into each other");
    }
    if (!state.features.contains("NEWS")) {
      throw DiscordError.invalidBody("type: the guild lacks the NEWS feature");
    }
    return type;
  }

  /** Checks the type of a new channel. */
  static void requireType(int type) {
    if (!TYPES.contains(type)) {
      throw DiscordError.invalidBody("type: channel type " + type + " is not supported");
    }
  }

  /** Applies {@code parent_id} and {@code permission_overwrites} of a create or modify body. */
  void applyParentAndOverwrites(ChannelData channel, Json.Obj body) {
    if (body.has("parent_id")) {
      channel.parentId = parent(channel, body);
    }
    if (body.has("permission_overwrites")) {
      Map<Long, OverwriteData> overwrites = new LinkedHashMap<>();
      for (Json.Obj item : body.objects("permission_overwrites")) {
        OverwriteData overwrite = overwrite(item, item.number("id", 0));
        overwrites.put(overwrite.id(), overwrite);
      }
      channel.overwrites.clear();
      channel.overwrites.putAll(overwrites);
    }
  }

  private long parent(ChannelData channel, Json.Obj body) {
    if (body.isNull("parent_id")) {
      return 0;
    }
    long parentId = body.number("parent_id", 0);
    if (parentId == 0) {
      return 0;
    }
    ChannelData parent = state.channels.get(parentId);
    if (channel.type == CATEGORY || parent == null || parent.type != CATEGORY) {
      throw DiscordError.invalidBody("parent_id: not a category");
    }
    return parentId;
  }

  /** A checked overwrite: the role or member exists and the bot may grant its bits. */
  private OverwriteData overwrite(Json.Obj body, long targetId) {
    state.requireBotPermission(Permissions.MANAGE_ROLES);
    int type = (int) body.number("type", 0);
    if (type == 0) {
      state.role(targetId);
    } else if (type == 1) {
      state.member(targetId);
    } else {
      throw DiscordError.invalidBody("type: overwrite type must be 0 (role) or 1 (member)");
    }
    long allow = body.number("allow", 0);
    long deny = body.number("deny", 0);
    if (((allow | deny) & ~state.permissionsOf(state.bot())) != 0) {
      throw DiscordError.missingPermissions();
    }
    return new OverwriteData(targetId, type, allow & ~deny, deny);
  }

  private void announce(ChannelData channel) {
    state.dispatch("CHANNEL_UPDATE", state.render.channel(channel), Dispatcher.GUILDS, null);
  }

  // ---- routes ----

  private ApiResponse deleteChannel(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_CHANNELS);
      state.channels.remove(channel.id);
      state.messages.remove(channel.id);
      state.dispatch("CHANNEL_DELETE", state.render.channel(channel), Dispatcher.GUILDS, null);
      for (ChannelData child : state.channels.values()) {
        if (child.parentId == channel.id) {
          child.parentId = 0;
          announce(child);
        }
      }
      return ApiResponse.json(state.render.channel(channel));
    }
  }

  private ApiResponse putOverwrite(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      OverwriteData overwrite = overwrite(body, id(params.get(1), 10009, "Overwrite"));
      channel.overwrites.put(overwrite.id(), overwrite);
      announce(channel);
      return ApiResponse.noContent();
    }
  }

  private ApiResponse deleteOverwrite(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_ROLES);
      if (channel.overwrites.remove(id(params.get(1), 10009, "Overwrite")) != null) {
        announce(channel);
      }
      return ApiResponse.noContent();
    }
  }

  /** Body: {@code [{"id", "position", "parent_id"?, "lock_permissions"?}, …]}. */
  private ApiResponse channelPositions(ApiRequest request, List<String> params) {
    List<Json.Obj> entries = Json.parseArray(request.jsonText());
    synchronized (state.lock) {
      requireGuild(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_CHANNELS);
      List<ChannelData> changed = new ArrayList<>();
      for (Json.Obj entry : entries) {
        ChannelData channel = state.channel(entry.number("id", 0));
        int position = (int) entry.number("position", channel.position);
        long parentId = entry.has("parent_id") ? parent(channel, entry) : channel.parentId;
        if (position != channel.position || parentId != channel.parentId) {
          channel.position = position;
          channel.parentId = parentId;
          changed.add(channel);
        }
      }
      changed.forEach(this::announce);
      return ApiResponse.noContent();
    }
  }

  /**
   * Body: {@code [{"id", "position"}, …]}. Roles keep their other positions; a role whose rank
   * changes must be below the bot's highest role before and after, as on Discord.
   */
  private ApiResponse rolePositions(ApiRequest request, List<String> params) {
    List<Json.Obj> entries = Json.parseArray(request.jsonText());
    synchronized (state.lock) {
      requireGuild(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_ROLES);
      Map<Long, Integer> positions = new LinkedHashMap<>();
      for (RoleData role : state.roles.values()) {
        positions.put(role.id, role.position);
      }
      for (Json.Obj entry : entries) {
        RoleData role = state.role(entry.number("id", 0));
        if (role.id == state.guildId) {
          throw DiscordError.invalidBody("@everyone cannot be moved");
        }
        int position = (int) entry.number("position", role.position);
        if (position < 1) {
          throw DiscordError.invalidBody("position must be >= 1");
        }
        positions.put(role.id, position);
      }
      List<Long> before = ranking(Map.of());
      List<Long> after = ranking(positions);
      if (state.botId != state.ownerId) {
        long botTop = state.highestRole(state.bot()).map(r -> r.id).orElse(state.guildId);
        for (long roleId : after) {
          if (before.indexOf(roleId) != after.indexOf(roleId)
              && (before.indexOf(roleId) <= before.indexOf(botTop)
                  || after.indexOf(roleId) <= after.indexOf(botTop))) {
            throw DiscordError.missingPermissions();
          }
        }
      }
      List<Object> result = new ArrayList<>();
      for (RoleData role : state.roles.values()) {
        int position = positions.getOrDefault(role.id, role.position);
        if (position != role.position) {
          role.position = position;
          state.announceRole("GUILD_ROLE_UPDATE", role);
        }
        result.add(state.render.role(role));
      }
      return ApiResponse.json(result);
    }
  }

  /** Role ids top first under the given positions (the current ones where none is given). */
  private List<Long> ranking(Map<Long, Integer> positions) {
    List<RoleData> roles = new ArrayList<>(state.roles.values());
    roles.sort(
        (a, b) -> {
          int pa = positions.getOrDefault(a.id, a.position);
          int pb = positions.getOrDefault(b.id, b.position);
          return pa != pb ? Integer.compare(pb, pa) : Long.compare(a.id, b.id);
        });
    List<Long> ids = new ArrayList<>();
    roles.forEach(r -> ids.add(r.id));
    return ids;
  }
}
