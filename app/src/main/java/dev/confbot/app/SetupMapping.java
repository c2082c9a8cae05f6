package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordServerSetup;
import dev.confbot.config.ChannelRef;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.NotificationsConfig;
import dev.confbot.config.RegistrationConfig;
import dev.confbot.config.SetupBlueprint;
import dev.confbot.config.SetupBlueprint.CategoryBlueprint;
import dev.confbot.config.SetupBlueprint.ChannelBlueprint;
import dev.confbot.config.SetupBlueprint.ChannelKind;
import dev.confbot.config.SetupBlueprint.PermissionOverwrite;
import dev.confbot.config.SetupBlueprint.RoleBlueprint;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.setup.CategorySpec;
import dev.confbot.core.setup.ChannelSpec;
import dev.confbot.core.setup.Colour;
import dev.confbot.core.setup.DiscordPermission;
import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.LiveRole;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.Overwrite;
import dev.confbot.core.setup.RoleSpec;
import dev.confbot.core.setup.ServerBlueprint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the {@code [setup]} part of the configuration into the core's {@link ServerBlueprint},
 * against a snapshot of the live server (role ids in overwrites are resolved to names there).
 *
 * <p>Besides {@code [setup]}, the blueprint covers the channels and roles the rest of the
 * configuration uses by name (registration, log and help channels, the programme, updates and room
 * channels, the job board; ticket, extra and organizer roles): those missing on the server are
 * created as plain text channels outside categories and roles without colour. Existing ones are
 * left as they are, so that setup never changes what {@code [setup]} does not describe. Every
 * channel {@code type} of {@code [setup]} is managed; a voice or stage channel with a {@code topic}
 * is a problem (Discord has no topic for them), not silently dropped.
 */
final class SetupMapping {

  /** The outcome of the mapping. */
  sealed interface Result {
    /**
     * A usable blueprint.
     *
     * @param blueprint the server as the configuration wants it
     * @param notes what was added from the rest of the configuration, one line each
     */
    record Mapped(ServerBlueprint blueprint, List<String> notes) implements Result {
      public Mapped {
        notes = List.copyOf(notes);
      }
    }

    /**
     * A configuration that cannot be applied.
     *
     * @param problems each with the key path it concerns
     */
    record Invalid(List<String> problems) implements Result {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  private SetupMapping() {}

  /** The blueprint of the configuration for this server. */
  static Result blueprint(ConfbotConfig config, LiveServer live) {
    Mapping mapping = new Mapping(live);
    SetupBlueprint setup = config.setup();
    for (int i = 0; i < setup.roles().size(); i++) {
      mapping.role(setup.roles().get(i), "setup.roles[" + i + "]");
    }
    for (int i = 0; i < setup.categories().size(); i++) {
      mapping.category(setup.categories().get(i), "setup.categories[" + i + "]");
    }
    usedChannels(config).forEach(mapping::usedChannel);
    usedRoles(config).forEach(mapping::usedRole);
    if (!mapping.problems.isEmpty()) {
      return new Result.Invalid(mapping.problems);
    }
    try {
      return new Result.Mapped(
          new ServerBlueprint(mapping.roles, mapping.categories, mapping.channels), mapping.notes);
    } catch (IllegalArgumentException e) {
      return new Result.Invalid(List.of("setup: " + e.getMessage()));
    }
  }

  /** Channels the configuration posts to, by name (ids are left out), with their key. */
  static Map<String, String> usedChannels(ConfbotConfig config) {
    Map<String, String> used = new LinkedHashMap<>();
    channelRefs(config)
        .forEach(
            (channel, key) -> {
              if (!channel.isId()) {
                used.putIfAbsent(channel.value(), key);
              }
            });
    return used;
  }

  /**
   * Channels the configuration posts to, given by id, with their key (names are left out), so that
   * a pruning apply keeps them too.
   */
  static Map<Long, String> usedChannelIds(ConfbotConfig config) {
    Map<Long, String> used = new LinkedHashMap<>();
    channelRefs(config)
        .forEach(
            (channel, key) -> {
              if (channel.isId()) {
                snowflake(channel.value()).ifPresent(id -> used.putIfAbsent(id, key));
              }
            });
    return used;
  }

  /** Every channel reference of the configuration, with its key, in configuration order. */
  private static Map<ChannelRef, String> channelRefs(ConfbotConfig config) {
    Map<ChannelRef, String> used = new LinkedHashMap<>();
    RegistrationConfig registration = config.registration();
    put(used, registration.channel(), "registration.channel");
    put(used, registration.logChannel(), "registration.log_channel");
    put(used, registration.helpChannel(), "registration.help_channel");
    NotificationsConfig notifications = config.notifications();
    if (notifications.mainWebhook() == null) {
      put(used, notifications.mainChannel(), "notifications.main_channel");
    }
    ChannelRef updates = notifications.scheduleUpdatesChannel();
    if (updates != null) {
      put(used, updates, "notifications.schedule_updates_channel");
    }
    notifications
        .roomChannels()
        .forEach(
            (room, channel) -> put(used, channel, "notifications.room_channels.\"" + room + "\""));
    put(used, config.jobBoard().channel(), "job_board.channel");
    return used;
  }

  private static void put(Map<ChannelRef, String> used, ChannelRef channel, String key) {
    used.putIfAbsent(channel, key);
  }

  /** Roles the configuration gives or checks, by name (ids are left out), with their key. */
  static Map<String, String> usedRoles(ConfbotConfig config) {
    Map<String, String> used = new LinkedHashMap<>();
    roleRefs(config)
        .forEach(
            (role, key) -> {
              if (!role.isId() && !role.value().equals(Overwrite.EVERYONE)) {
                used.putIfAbsent(role.value(), key);
              }
            });
    return used;
  }

  /**
   * Roles the configuration gives or checks, given by id, with their key (names are left out), so
   * that a pruning apply keeps them too.
   */
  static Map<Long, String> usedRoleIds(ConfbotConfig config) {
    Map<Long, String> used = new LinkedHashMap<>();
    roleRefs(config)
        .forEach(
            (role, key) -> {
              if (role.isId()) {
                snowflake(role.value()).ifPresent(id -> used.putIfAbsent(id, key));
              }
            });
    return used;
  }

  /** Every role reference of the configuration, with its key, in configuration order. */
  private static Map<RoleRef, String> roleRefs(ConfbotConfig config) {
    Map<RoleRef, String> used = new LinkedHashMap<>();
    RegistrationConfig registration = config.registration();
    registration.roles().items().values().forEach(r -> put(used, r, "registration.roles.items"));
    registration
        .roles()
        .variations()
        .values()
        .forEach(r -> put(used, r, "registration.roles.variations"));
    registration.extraRoles().values().forEach(r -> put(used, r, "registration.extra_roles"));
    put(used, registration.speakerRoles(), "registration.speaker_roles");
    put(used, config.organizers().roles(), "organizers.roles");
    put(used, config.organizers().grantableRoles(), "organizers.grantable_roles");
    return used;
  }

  private static void put(Map<RoleRef, String> used, List<RoleRef> roles, String key) {
    for (RoleRef role : roles) {
      used.putIfAbsent(role, key);
    }
  }

  /** The snowflake written as these digits; empty when it does not fit a long (no such id). */
  private static Optional<Long> snowflake(String digits) {
    try {
      return Optional.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The permission with this name, in Discord's API spelling or JDA's. */
  static Optional<DiscordPermission> permission(String name) {
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    for (DiscordPermission permission : DiscordPermission.values()) {
      if (permission.name().equals(wanted)) {
        return Optional.of(permission);
      }
    }
    return DiscordServerSetup.permissionByJdaName(wanted);
  }

  private static final class Mapping {
    final LiveServer live;
    final List<RoleSpec> roles = new ArrayList<>();
    final List<CategorySpec> categories = new ArrayList<>();
    final List<ChannelSpec> channels = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    Mapping(LiveServer live) {
      this.live = live;
    }

    void role(RoleBlueprint role, String path) {
      try {
        Colour colour = role.colour() == null ? Colour.NONE : new Colour(role.colour());
        roles.add(new RoleSpec(role.name(), colour, role.hoist(), role.mentionable()));
      } catch (IllegalArgumentException e) {
        problems.add(path + ": " + e.getMessage());
      }
    }

    void category(CategoryBlueprint category, String path) {
      try {
        categories.add(new CategorySpec(category.name(), overwrites(category.overwrites(), path)));
      } catch (IllegalArgumentException e) {
        problems.add(path + ": " + e.getMessage());
      }
      for (int i = 0; i < category.channels().size(); i++) {
        ChannelBlueprint channel = category.channels().get(i);
        String channelPath = path + ".channels[" + i + "]";
        try {
          String topic = channel.topic();
          channels.add(
              new ChannelSpec(
                  channel.name(),
                  kind(channel.kind()),
                  category.name(),
                  topic == null ? "" : topic,
                  overwrites(channel.overwrites(), channelPath)));
        } catch (IllegalArgumentException e) {
          problems.add(channelPath + ": " + e.getMessage());
        }
      }
    }

    private static dev.confbot.core.setup.ChannelKind kind(ChannelKind kind) {
      switch (kind) {
        case TEXT:
          return dev.confbot.core.setup.ChannelKind.TEXT;
        case VOICE:
          return dev.confbot.core.setup.ChannelKind.VOICE;
        case FORUM:
          return dev.confbot.core.setup.ChannelKind.FORUM;
        case ANNOUNCEMENT:
          return dev.confbot.core.setup.ChannelKind.ANNOUNCEMENT;
        case STAGE:
          return dev.confbot.core.setup.ChannelKind.STAGE;
      }
      throw new AssertionError(kind);
    }

    private List<Overwrite> overwrites(List<PermissionOverwrite> overwrites, String path) {
      List<Overwrite> result = new ArrayList<>();
      for (int i = 0; i < overwrites.size(); i++) {
        PermissionOverwrite overwrite = overwrites.get(i);
        String where = path + ".overwrites[" + i + "]";
        Optional<String> role = roleName(overwrite.role(), where);
        Set<DiscordPermission> allow = permissions(overwrite.allow(), where + ".allow");
        Set<DiscordPermission> deny = permissions(overwrite.deny(), where + ".deny");
        if (role.isPresent()) {
          try {
            result.add(new Overwrite(role.get(), allow, deny));
          } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
          }
        }
      }
      return result;
    }

    private Optional<String> roleName(RoleRef role, String where) {
      if (!role.isId()) {
        return Optional.of(role.value());
      }
      long id = Long.parseLong(role.value());
      for (LiveRole live : live.roles()) {
        if (live.id() == id) {
          return Optional.of(live.name());
        }
      }
      problems.add(where + ".role: no role with id " + id + " on the server");
      return Optional.empty();
    }

    private Set<DiscordPermission> permissions(List<String> names, String where) {
      Set<DiscordPermission> result = EnumSet.noneOf(DiscordPermission.class);
      for (String name : names) {
        Optional<DiscordPermission> permission = permission(name);
        if (permission.isPresent()) {
          result.add(permission.get());
        } else {
          problems.add(
              where
                  + ": unknown permission \""
                  + name
                  + "\" (use Discord's names such as VIEW_CHANNEL, SEND_MESSAGES, or JDA's such as"
                  + " MESSAGE_SEND)");
        }
      }
      return result;
    }

    void usedChannel(String name, String key) {
      if (channels.stream().anyMatch(c -> c.name().equals(name))
          || live.channels().stream().map(LiveChannel::name).anyMatch(name::equals)) {
        return;
      }
      try {
        channels.add(new ChannelSpec(name, null, "", List.of()));
        notes.add("#" + name + " is missing and used by " + key + ": it is created");
      } catch (IllegalArgumentException e) {
        problems.add(key + ": " + e.getMessage());
      }
    }

    void usedRole(String name, String key) {
      if (roles.stream().anyMatch(r -> r.name().equals(name))
          || live.roles().stream().map(LiveRole::name).anyMatch(name::equals)) {
        return;
      }
      try {
        roles.add(new RoleSpec(name, Colour.NONE, false, false));
        notes.add("role " + name + " is missing and used by " + key + ": it is created");
      } catch (IllegalArgumentException e) {
        problems.add(key + ": " + e.getMessage());
      }
    }
  }
}
