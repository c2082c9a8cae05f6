package dev.confbot.fakediscord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes the one guild a {@link FakeDiscord} serves: roles, text channels, members, the bot's
 * own role and the owner. Ids are assigned when the fake starts; look them up by name there.
 *
 * <pre>{@code
 * FakeGuild guild = FakeGuild.named("PyConf")
 *     .role("Organizers", 3, Permissions.MANAGE_GUILD, 0xE67E22)
 *     .role("Participants", 1, 0, 0x3498DB)
 *     .botRole("confbot", 5, Permissions.MANAGE_ROLES | Permissions.MANAGE_NICKNAMES)
 *     .textChannel("registration")
 *     .member("alice")
 *     .member("olga", "Organizers");
 * }</pre>
 *
 * <p>Not thread-safe; build it on one thread and hand it to {@link FakeDiscord#start(FakeGuild)}.
 */
public final class FakeGuild {

  /** A role to create; position 0 is reserved for {@code @everyone}. */
  record RoleSpec(String name, int position, long permissions, int color) {}

  /** A channel to create; {@code parent} names its category, empty for none. */
  record ChannelSpec(String name, int type, String topic, String parent) {}

  /** A member to create with the names of its roles. */
  record MemberSpec(String username, List<String> roles) {}

  private final String name;
  private final List<RoleSpec> roles = new ArrayList<>();
  private final List<ChannelSpec> channels = new ArrayList<>();
  private final List<MemberSpec> members = new ArrayList<>();
  private long everyonePermissions = Permissions.EVERYONE_DEFAULT;
  private final List<String> features = new ArrayList<>();
  private String botName = "confbot";
  private RoleSpec botRole =
      new RoleSpec(
          "confbot",
          100,
          Permissions.MANAGE_ROLES
              | Permissions.MANAGE_NICKNAMES
              | Permissions.MANAGE_CHANNELS
              | Permissions.VIEW_CHANNEL
              | Permissions.SEND_MESSAGES
              | Permissions.EMBED_LINKS
              | Permissions.ATTACH_FILES
              | Permissions.READ_MESSAGE_HISTORY
              | Permissions.MANAGE_WEBHOOKS,
          0);
  private String ownerName = "owner";

  private FakeGuild(String name) {
    this.name = name;
  }

  /** Starts describing a guild with this name and no roles, channels or members yet. */
  public static FakeGuild named(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("guild name must not be blank");
    }
    return new FakeGuild(name);
  }

  /**
   * Adds a role.
   *
   * @param position hierarchy position ≥ 1 (higher outranks lower; the bot role's default is 100)
   * @param permissions permission bits, see {@link Permissions}
   * @param color 0xRRGGBB, 0 for none
   */
  public FakeGuild role(String roleName, int position, long permissions, int color) {
    if (position < 1) {
      throw new IllegalArgumentException("position must be >= 1 (0 is @everyone): " + roleName);
    }
    requireNewRole(roleName);
    roles.add(new RoleSpec(roleName, position, permissions, color));
    return this;
  }

  /**
   * Sets the bot's managed role, which the bot member holds (default {@code "confbot"} at position
   * 100 with Manage Roles, Manage Nicknames, Manage Channels, Manage Webhooks and the usual text
   * permissions).
   */
  public FakeGuild botRole(String roleName, int position, long permissions) {
    if (position < 1) {
      throw new IllegalArgumentException("position must be >= 1: " + roleName);
    }
    botRole = new RoleSpec(roleName, position, permissions, 0);
    return this;
  }

  /** Sets the bot user's name (default {@code "confbot"}). */
  public FakeGuild botName(String username) {
    botName = Objects.requireNonNull(username);
    return this;
  }

  /**
   * Sets the owner's user name (default {@code "owner"}); the owner holds no role but outranks all.
   */
  public FakeGuild owner(String username) {
    ownerName = Objects.requireNonNull(username);
    return this;
  }

  /** Sets the permissions of {@code @everyone} (default {@link Permissions#EVERYONE_DEFAULT}). */
  public FakeGuild everyonePermissions(long permissions) {
    everyonePermissions = permissions;
    return this;
  }

  /**
   * Adds a guild feature, e.g. {@code "COMMUNITY"} or {@code "NEWS"} (none by default); with {@code
   * NEWS}, text and announcement channels convert into each other.
   */
  public FakeGuild feature(String feature) {
    features.add(feature);
    return this;
  }

  /** Adds a text channel without topic. */
  public FakeGuild textChannel(String channelName) {
    return textChannel(channelName, "");
  }

  /** Adds a text channel with a topic ("" for none). */
  public FakeGuild textChannel(String channelName, String topic) {
    requireNewChannel(channelName);
    channels.add(new ChannelSpec(channelName, 0, topic, ""));
    return this;
  }

  /** Adds a category (channel type 4); channels join it with {@link #channelIn}. */
  public FakeGuild category(String categoryName) {
    requireNewChannel(categoryName);
    channels.add(new ChannelSpec(categoryName, 4, "", ""));
    return this;
  }

  /**
   * Adds a channel of any type inside a category declared before it.
   *
   * @param type 0 text, 2 voice, 5 announcement, 13 stage, 15 forum
   */
  public FakeGuild channelIn(String categoryName, String channelName, int type) {
    requireNewChannel(channelName);
    if (channels.stream().noneMatch(c -> c.type() == 4 && c.name().equals(categoryName))) {
      throw new IllegalArgumentException("declare category " + categoryName + " first");
    }
    if (type == 4 || !Channels.TYPES.contains(type)) {
      throw new IllegalArgumentException("unsupported channel type " + type);
    }
    channels.add(new ChannelSpec(channelName, type, "", categoryName));
    return this;
  }

  private void requireNewChannel(String channelName) {
    for (ChannelSpec channel : channels) {
      if (channel.name().equals(channelName)) {
        throw new IllegalArgumentException("duplicate channel " + channelName);
      }
    }
  }

  /** Adds a member holding the named roles (which must be declared, in any order). */
  public FakeGuild member(String username, String... roleNames) {
    for (MemberSpec member : members) {
      if (member.username().equals(username)) {
        throw new IllegalArgumentException("duplicate member " + username);
      }
    }
    members.add(new MemberSpec(username, List.of(roleNames)));
    return this;
  }

  private void requireNewRole(String roleName) {
    for (RoleSpec role : roles) {
      if (role.name().equals(roleName)) {
        throw new IllegalArgumentException("duplicate role " + roleName);
      }
    }
  }

  String name() {
    return name;
  }

  List<RoleSpec> roles() {
    return List.copyOf(roles);
  }

  List<ChannelSpec> channels() {
    return List.copyOf(channels);
  }

  List<MemberSpec> members() {
    return List.copyOf(members);
  }

  long everyonePermissions() {
    return everyonePermissions;
  }

  List<String> features() {
    return List.copyOf(features);
  }

  String botName() {
    return botName;
  }

  RoleSpec botRoleSpec() {
    return botRole;
  }

  String ownerName() {
    return ownerName;
  }

  /** Checks that every member's roles are declared. */
  void validate() {
    Set<String> names = new LinkedHashSet<>();
    for (RoleSpec role : roles) {
      names.add(role.name());
    }
    names.add(botRole.name());
    for (MemberSpec member : members) {
      for (String role : member.roles()) {
        if (!names.contains(role)) {
          throw new IllegalArgumentException(
              "member " + member.username() + " has undeclared role " + role);
        }
      }
    }
  }
}
