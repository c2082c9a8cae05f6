package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.CommandData;
import dev.confbot.fakediscord.Entities.DmChannelData;
import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.MessageData;
import dev.confbot.fakediscord.Entities.RoleData;
import dev.confbot.fakediscord.Entities.WebhookData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The fake guild's state and Discord's rules on it; {@link #render} renders it as Discord's JSON.
 * Every read and write holds {@link #lock}; gateway dispatches are sent while holding it, so their
 * order matches the state.
 */
final class State {
  static final String DEFAULT_LOCALE = "en-US";

  final Object lock = new Object();
  final Clock clock;
  final Snowflakes ids;
  final long guildId;
  final long applicationId;
  final long botId;
  final long ownerId;
  final String guildName;
  final List<String> features;
  final String botName;
  private volatile Duration interactionDeadline;
  final EntityJson render = new EntityJson(this);
  private volatile Dispatcher dispatcher = (type, payload, intent, withoutContent) -> {};

  final Map<Long, RoleData> roles = new LinkedHashMap<>();
  final Map<Long, ChannelData> channels = new LinkedHashMap<>();
  final Map<Long, MemberData> members = new LinkedHashMap<>();
  final Map<Long, Map<Long, MessageData>> messages = new LinkedHashMap<>();
  final Map<Long, CommandData> commands = new LinkedHashMap<>();
  final Map<Long, WebhookData> webhooks = new LinkedHashMap<>();
  final Map<Long, DmChannelData> dmChannels = new LinkedHashMap<>();
  final Set<Long> dmsClosed = new HashSet<>();

  /**
   * Custom ids of the modals the bot opened with (deprecated) action rows instead of Labels: their
   * submissions come back in action rows, as Discord echoes the layout the modal was sent with.
   */
  final Set<String> actionRowModals = new HashSet<>();

  /** User JSON of members who left, by id: users still exist and can be DMed (and refuse it). */
  final Map<Long, Map<String, @Nullable Object>> formerMembers = new LinkedHashMap<>();

  final Map<Long, InteractionHandle> interactions = new ConcurrentHashMap<>();
  final Map<String, InteractionHandle> interactionsByToken = new ConcurrentHashMap<>();
  private final AtomicInteger componentIds = new AtomicInteger();

  State(FakeGuild spec, Clock clock, Duration interactionDeadline) {
    spec.validate();
    this.clock = clock;
    this.ids = new Snowflakes(clock);
    this.interactionDeadline = interactionDeadline;
    this.guildId = ids.next();
    this.applicationId = ids.next();
    this.botId = applicationId;
    this.guildName = spec.name();
    this.features = spec.features();
    this.botName = spec.botName();
    Instant now = clock.instant();
    roles.put(guildId, new RoleData(guildId, "@everyone", 0, spec.everyonePermissions(), 0, false));
    FakeGuild.RoleSpec botRoleSpec = spec.botRoleSpec();
    RoleData botRole =
        new RoleData(
            ids.next(),
            botRoleSpec.name(),
            botRoleSpec.position(),
            botRoleSpec.permissions(),
            0,
            true);
    roles.put(botRole.id, botRole);
    for (FakeGuild.RoleSpec role : spec.roles()) {
      long id = ids.next();
      roles.put(
          id,
          new RoleData(id, role.name(), role.position(), role.permissions(), role.color(), false));
    }
    int position = 0;
    for (FakeGuild.ChannelSpec channel : spec.channels()) {
      long id = ids.next();
      ChannelData data =
          new ChannelData(
              id,
              channel.name(),
              channel.type(),
              position++,
              channel.topic().isEmpty() ? null : channel.topic());
      if (!channel.parent().isEmpty()) {
        data.parentId = channelNamed(channel.parent()).orElseThrow().id;
      }
      channels.put(id, data);
      messages.put(id, new LinkedHashMap<>());
    }
    MemberData owner = new MemberData(ids.next(), spec.ownerName(), false, now);
    this.ownerId = owner.id;
    members.put(owner.id, owner);
    MemberData bot = new MemberData(botId, spec.botName(), true, now);
    bot.roles.add(botRole.id);
    members.put(bot.id, bot);
    for (FakeGuild.MemberSpec member : spec.members()) {
      MemberData data = new MemberData(ids.next(), member.username(), false, now);
      for (String roleName : member.roles()) {
        data.roles.add(roleNamed(roleName).orElseThrow().id);
      }
      members.put(data.id, data);
    }
  }

  void dispatcher(Dispatcher value) {
    dispatcher = value;
  }

  void dispatch(
      String type,
      Map<String, @Nullable Object> payload,
      long intent,
      @Nullable Map<String, @Nullable Object> withoutContent) {
    dispatcher.dispatch(type, payload, intent, withoutContent);
  }

  Duration interactionDeadline() {
    return interactionDeadline;
  }

  void interactionDeadline(Duration deadline) {
    interactionDeadline = deadline;
  }

  // ---- lookups (lock held) ----

  Optional<RoleData> roleNamed(String name) {
    for (RoleData role : roles.values()) {
      if (role.name.equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  Optional<MemberData> memberNamed(String username) {
    for (MemberData member : members.values()) {
      if (member.username.equals(username)) {
        return Optional.of(member);
      }
    }
    return Optional.empty();
  }

  Optional<ChannelData> channelNamed(String name) {
    for (ChannelData channel : channels.values()) {
      if (channel.name.equals(name)) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }

  MemberData member(long id) {
    MemberData member = members.get(id);
    if (member == null) {
      throw DiscordError.unknown(10007, "Member");
    }
    return member;
  }

  RoleData role(long id) {
    RoleData role = roles.get(id);
    if (role == null) {
      throw DiscordError.unknown(10011, "Role");
    }
    return role;
  }

  ChannelData channel(long id) {
    ChannelData channel = channels.get(id);
    if (channel == null) {
      throw DiscordError.unknown(10003, "Channel");
    }
    return channel;
  }

  MessageData message(long channelId, long messageId) {
    long known = dmChannels.containsKey(channelId) ? channelId : channel(channelId).id;
    MessageData message = messages.getOrDefault(known, Map.of()).get(messageId);
    if (message == null) {
      throw DiscordError.unknown(10008, "Message");
    }
    return message;
  }

  /** A channel message or an interaction answer (original or follow-up) with this id. */
  Optional<MessageData> anyMessage(long messageId) {
    for (Map<Long, MessageData> channel : messages.values()) {
      MessageData message = channel.get(messageId);
      if (message != null) {
        return Optional.of(message);
      }
    }
    for (InteractionHandle handle : interactions.values()) {
      MessageData original = handle.original();
      if (original != null && original.id == messageId) {
        return Optional.of(original);
      }
      for (MessageData message : handle.followUpsLocked()) {
        if (message.id == messageId) {
          return Optional.of(message);
        }
      }
    }
    return Optional.empty();
  }

  MemberData bot() {
    return member(botId);
  }

  /** The DM channel with this user, if one was opened. */
  Optional<DmChannelData> dmChannelWith(long userId) {
    for (DmChannelData channel : dmChannels.values()) {
      if (channel.recipientId() == userId) {
        return Optional.of(channel);
      }
    }
    return Optional.empty();
  }

  /** The existing DM channel with the user, or a new one. */
  DmChannelData openDmChannel(long userId, Map<String, @Nullable Object> user) {
    Optional<DmChannelData> existing = dmChannelWith(userId);
    if (existing.isPresent()) {
      return existing.get();
    }
    DmChannelData channel = new DmChannelData(ids.next(), userId, user);
    dmChannels.put(channel.id(), channel);
    messages.put(channel.id(), new LinkedHashMap<>());
    return channel;
  }

  /** The member's data, for the test API (lock held); a non-member is a caller's mistake. */
  MemberData memberData(FakeMember member) {
    MemberData data = members.get(member.id());
    if (data == null) {
      throw new IllegalArgumentException("not a member of the guild: " + member);
    }
    return data;
  }

  /** The channel's data, for the test API (lock held); an unknown channel is a caller's mistake. */
  ChannelData channelData(long channelId) {
    ChannelData data = channels.get(channelId);
    if (data == null) {
      throw new IllegalArgumentException("no channel " + channelId);
    }
    return data;
  }

  // ---- permissions and hierarchy (topics/permissions) ----

  long permissionsOf(MemberData member) {
    if (member.id == ownerId) {
      return Permissions.ALL;
    }
    long permissions = roles.get(guildId) == null ? 0 : role(guildId).permissions;
    for (long roleId : member.roles) {
      RoleData role = roles.get(roleId);
      if (role != null) {
        permissions |= role.permissions;
      }
    }
    return (permissions & Permissions.ADMINISTRATOR) != 0 ? Permissions.ALL : permissions;
  }

  Optional<RoleData> highestRole(MemberData member) {
    RoleData highest = null;
    for (long roleId : member.roles) {
      RoleData role = roles.get(roleId);
      if (role != null && (highest == null || role.outranks(highest))) {
        highest = role;
      }
    }
    return Optional.ofNullable(highest);
  }

  /** Throws 50013 unless the bot has every given permission bit. */
  void requireBotPermission(long permission) {
    if ((permissionsOf(bot()) & permission) != permission) {
      throw DiscordError.missingPermissions();
    }
  }

  /** Throws 50013 unless the bot's highest role outranks the role (the owner bypasses this). */
  void requireBotOutranks(RoleData role) {
    if (botId == ownerId) {
      return;
    }
    Optional<RoleData> highest = highestRole(bot());
    if (highest.isEmpty() || !highest.get().outranks(role)) {
      throw DiscordError.missingPermissions();
    }
  }

  /** Throws 50013 if the member is the owner or ranks at or above the bot's highest role. */
  void requireBotCanModify(MemberData member) {
    if (member.id == ownerId) {
      throw DiscordError.missingPermissions();
    }
    Optional<RoleData> target = highestRole(member);
    if (target.isPresent()) {
      requireBotOutranks(target.get());
    }
  }

  // ---- messages ----

  FakeMessage snapshot(MessageData message) {
    List<FakeEmbed> embeds = new ArrayList<>();
    for (Object raw : message.embeds) {
      if (raw instanceof Map) {
        embeds.add(embed(new Json.Obj(castMap(raw))));
      }
    }
    List<String> buttons = new ArrayList<>();
    collectButtons(message.components, buttons);
    return new FakeMessage(
        message.id,
        message.channelId,
        message.authorId,
        message.content,
        embeds,
        message.attachments,
        buttons,
        message.ephemeral(),
        message.editedAt != null);
  }

  private static FakeEmbed embed(Json.Obj json) {
    List<FakeEmbed.Field> fields = new ArrayList<>();
    for (Json.Obj field : json.objects("fields")) {
      fields.add(
          new FakeEmbed.Field(
              field.string("name", ""), field.string("value", ""), field.bool("inline", false)));
    }
    return new FakeEmbed(
        json.string("title").orElse(null),
        json.string("description").orElse(null),
        json.string("url").orElse(null),
        (int) json.number("color", 0),
        fields,
        json.object("footer").flatMap(f -> f.string("text")).orElse(null),
        json.object("author").flatMap(a -> a.string("name")).orElse(null));
  }

  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> castMap(Object value) {
    return (Map<String, @Nullable Object>) value;
  }

  private static void collectButtons(List<?> components, List<String> into) {
    for (Object item : components) {
      if (!(item instanceof Map)) {
        continue;
      }
      Json.Obj component = new Json.Obj(castMap(item));
      if (component.number("type", 0) == 2) {
        component.string("custom_id").ifPresent(into::add);
      }
      collectButtons(component.list("components"), into);
      component.value("component").ifPresent(inner -> collectButtons(List.of(inner), into));
      component.value("accessory").ifPresent(inner -> collectButtons(List.of(inner), into));
    }
  }

  /** Gives every component without one a numeric {@code id}, as Discord does. */
  List<Object> numberComponents(List<Object> components) {
    List<Object> result = new ArrayList<>();
    for (Object item : components) {
      if (!(item instanceof Map)) {
        continue;
      }
      Map<String, @Nullable Object> copy = new LinkedHashMap<>(castMap(item));
      if (copy.get("id") == null) {
        copy.put("id", componentIds.incrementAndGet());
      }
      Object children = copy.get("components");
      if (children instanceof List) {
        copy.put("components", numberComponents(new ArrayList<>((List<?>) children)));
      }
      for (String key : new String[] {"component", "accessory"}) {
        Object inner = copy.get(key);
        if (inner instanceof Map) {
          copy.put(key, numberComponents(List.of(inner)).get(0));
        }
      }
      result.add(copy);
    }
    return result;
  }

  /** Applies content, embeds, components, flags and attachments of a create or edit payload. */
  void applyMessagePayload(
      MessageData message, Json.Obj payload, List<Multipart.Part> files, boolean create) {
    if (payload.has("content")) {
      message.content = payload.string("content", "");
    }
    if (payload.has("embeds")) {
      List<Object> embeds = new ArrayList<>();
      for (Object embed : payload.list("embeds")) {
        if (embed instanceof Map) {
          Map<String, @Nullable Object> copy = new LinkedHashMap<>(castMap(embed));
          copy.putIfAbsent("type", "rich");
          embeds.add(copy);
        }
      }
      message.embeds = embeds;
    }
    if (payload.has("components")) {
      message.components = numberComponents(payload.list("components"));
    }
    if (payload.has("flags") && create) {
      message.flags = payload.number("flags", 0) & (64 | 4 | 4096 | 32768);
    }
    if (payload.has("attachments") || !files.isEmpty()) {
      List<FakeAttachment> kept = new ArrayList<>();
      Map<String, String> names = new LinkedHashMap<>();
      for (Json.Obj attachment : payload.objects("attachments")) {
        String id = attachment.string("id", "");
        names.put(id, attachment.string("filename", ""));
        for (FakeAttachment existing : message.attachments) {
          if (String.valueOf(existing.id()).equals(id)) {
            kept.add(existing);
          }
        }
      }
      for (Multipart.Part file : files) {
        String index = file.name().replaceAll("^files\\[(\\d+)]$", "$1");
        String filename = names.getOrDefault(index, "");
        kept.add(
            new FakeAttachment(
                ids.next(),
                filename.isEmpty() ? file.filename() : filename,
                file.contentType(),
                file.content()));
      }
      message.attachments = kept;
    }
  }

  /** Stores a new channel message and dispatches MESSAGE_CREATE. */
  void storeAndAnnounce(MessageData message) {
    messages
        .computeIfAbsent(message.channelId, id -> new LinkedHashMap<>())
        .put(message.id, message);
    Map<String, @Nullable Object> json = render.message(message);
    json.put("guild_id", String.valueOf(guildId));
    MemberData author = members.get(message.authorId);
    if (author != null && message.webhookId == null) {
      json.put("member", render.member(author, false));
    }
    Map<String, @Nullable Object> redacted = render.messageWithoutContent(message);
    redacted.put("guild_id", String.valueOf(guildId));
    dispatch("MESSAGE_CREATE", json, Dispatcher.GUILD_MESSAGES, redacted);
  }

  /** Stores a new DM message and dispatches MESSAGE_CREATE (no guild, no content redaction). */
  void storeAndAnnounceDirect(MessageData message) {
    messages
        .computeIfAbsent(message.channelId, id -> new LinkedHashMap<>())
        .put(message.id, message);
    dispatch("MESSAGE_CREATE", render.message(message), Dispatcher.DIRECT_MESSAGES, null);
  }

  void announceUpdate(MessageData message) {
    if (message.ephemeral()) {
      return;
    }
    if (dmChannels.containsKey(message.channelId)) {
      dispatch("MESSAGE_UPDATE", render.message(message), Dispatcher.DIRECT_MESSAGES, null);
      return;
    }
    Map<String, @Nullable Object> json = render.message(message);
    json.put("guild_id", String.valueOf(guildId));
    Map<String, @Nullable Object> redacted = render.messageWithoutContent(message);
    redacted.put("guild_id", String.valueOf(guildId));
    dispatch("MESSAGE_UPDATE", json, Dispatcher.GUILD_MESSAGES, redacted);
  }

  /** Dispatches GUILD_ROLE_CREATE or GUILD_ROLE_UPDATE with the role. */
  void announceRole(String event, RoleData role) {
    dispatch(
        event,
        Json.map("guild_id", String.valueOf(guildId), "role", render.role(role)),
        Dispatcher.GUILDS,
        null);
  }

  void announceMemberUpdate(MemberData member) {
    Map<String, @Nullable Object> json = render.member(member, true);
    json.put("guild_id", String.valueOf(guildId));
    dispatch("GUILD_MEMBER_UPDATE", json, Dispatcher.GUILD_MEMBERS, null);
  }

  /** Dispatches MESSAGE_DELETE for a removed channel or DM message. */
  void announceDelete(MessageData message) {
    if (dmChannels.containsKey(message.channelId)) {
      dispatch(
          "MESSAGE_DELETE",
          Json.map(
              "id", String.valueOf(message.id), "channel_id", String.valueOf(message.channelId)),
          Dispatcher.DIRECT_MESSAGES,
          null);
      return;
    }
    dispatch(
        "MESSAGE_DELETE",
        Json.map(
            "id", String.valueOf(message.id),
            "channel_id", String.valueOf(message.channelId),
            "guild_id", String.valueOf(guildId)),
        Dispatcher.GUILD_MESSAGES,
        null);
  }

  /** Creates an incoming webhook in the channel (lock held). */
  WebhookData newWebhook(long channelId, String name) {
    long id = ids.next();
    WebhookData webhook =
        new WebhookData(id, "wh-" + Long.toHexString(id) + "-" + ids.next(), channelId, name);
    webhooks.put(id, webhook);
    return webhook;
  }

  MessageData newMessage(long channelId, MemberData author) {
    return new MessageData(
        ids.next(), channelId, render.user(author), author.id, null, clock.instant());
  }
}
