package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.DmChannelData;
import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.MessageData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Guild channels and channel messages (guilds/{id}/channels, channels/{id}, …/messages). */
final class ChannelRoutes extends RouteGroup {
  private final Channels channelRules;

  ChannelRoutes(State state, Channels channelRules) {
    super(state);
    this.channelRules = channelRules;
  }

  @Override
  void register(Registrar routes) {
    routes.route("GET", "guilds/{}/channels", (r, p) -> guild(p.get(0), this::channelList));
    routes.route("POST", "guilds/{}/channels", this::createChannel);
    routes.route("GET", "channels/{}", this::getChannel);
    routes.route("PATCH", "channels/{}", this::modifyChannel);
    routes.route("POST", "channels/{}/typing", (r, p) -> ApiResponse.noContent());
    routes.route("GET", "channels/{}/messages", this::listMessages);
    routes.route("POST", "channels/{}/messages", this::createMessage);
    routes.route("GET", "channels/{}/messages/{}", this::getMessage);
    routes.route("PATCH", "channels/{}/messages/{}", this::editMessage);
    routes.route("DELETE", "channels/{}/messages/{}", this::deleteMessage);
  }

  private List<Object> channelList() {
    List<Object> list = new ArrayList<>();
    for (ChannelData channel : state.channels.values()) {
      list.add(state.render.channel(channel));
    }
    return list;
  }

  private ApiResponse getChannel(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      DmChannelData dm = state.dmChannels.get(id(params.get(0), 10003, "Channel"));
      if (dm != null) {
        return ApiResponse.json(state.render.dmChannel(dm));
      }
      return ApiResponse.json(state.render.channel(channel(params.get(0))));
    }
  }

  private ApiResponse createChannel(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      requireGuild(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_CHANNELS);
      String name = body.string("name", "");
      if (name.isEmpty() || name.length() > 100) {
        throw DiscordError.invalidBody("name: Must be between 1 and 100 in length.");
      }
      int type = (int) body.number("type", 0);
      Channels.requireType(type);
      ChannelData channel =
          new ChannelData(
              state.ids.next(),
              name,
              type,
              (int) body.number("position", state.channels.size()),
              body.string("topic").orElse(null));
      channelRules.applyParentAndOverwrites(channel, body);
      state.channels.put(channel.id, channel);
      state.messages.put(channel.id, new LinkedHashMap<>());
      state.dispatch("CHANNEL_CREATE", state.render.channel(channel), Dispatcher.GUILDS, null);
      return ApiResponse.created(state.render.channel(channel));
    }
  }

  private ApiResponse modifyChannel(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_CHANNELS);
      if (body.has("topic")) {
        String topic = body.string("topic", "");
        if (topic.length() > 1024) {
          throw DiscordError.invalidBody("topic: Must be 1024 or fewer in length.");
        }
        channel.topic = topic.isEmpty() ? null : topic;
      }
      if (body.has("name")) {
        String name = body.string("name", "");
        if (name.isEmpty() || name.length() > 100) {
          throw DiscordError.invalidBody("name: Must be between 1 and 100 in length.");
        }
        channel.name = name;
      }
      if (body.has("position")) {
        channel.position = (int) body.number("position", channel.position);
      }
      if (body.has("type")) {
        channel.type = Channels.convertedType(channel, (int) body.number("type", 0), state);
      }
      channelRules.applyParentAndOverwrites(channel, body);
      state.dispatch("CHANNEL_UPDATE", state.render.channel(channel), Dispatcher.GUILDS, null);
      return ApiResponse.json(state.render.channel(channel));
    }
  }

  // ---- messages ----

  private ApiResponse createMessage(ApiRequest request, List<String> params) {
    Json.Obj payload = request.json();
    List<Multipart.Part> files = request.files();
    synchronized (state.lock) {
      DmChannelData dm = state.dmChannels.get(id(params.get(0), 10003, "Channel"));
      if (dm != null) {
        return createDirectMessage(dm, payload, files);
      }
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES);
      if (!files.isEmpty()) {
        state.requireBotPermission(Permissions.ATTACH_FILES);
      }
      MessageLimits.check(payload, true, files.size());
      Object nonce = nonce(payload);
      if (nonce != null && payload.bool("enforce_nonce", false)) {
        MessageData earlier = sameNonce(channel.id, state.botId, nonce);
        if (earlier != null) {
          return ApiResponse.json(state.render.message(earlier));
        }
      }
      MessageData message = state.newMessage(channel.id, state.bot());
      state.applyMessagePayload(message, payload, files, true);
      message.flags &= ~64L;
      message.nonce = nonce;
      state.storeAndAnnounce(message);
      return ApiResponse.json(state.render.message(message));
    }
  }

  /** How long Discord remembers a nonce for {@code enforce_nonce} ("the past few minutes"). */
  static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

  /**
   * The {@code nonce} of a create-message payload: an integer (int64) or a string of at most 25
   * characters, as the OpenAPI's {@code MessageCreateRequest} allows; null when absent.
   */
  private static @Nullable Object nonce(Json.Obj payload) {
    Optional<Object> value = payload.value("nonce");
    if (value.isEmpty()) {
      return null;
    }
    Object nonce = value.get();
    if (nonce instanceof Number) {
      double number = ((Number) nonce).doubleValue();
      if (number != Math.rint(number)) {
        throw DiscordError.invalidBody("nonce: must be an integer or a string");
      }
      return ((Number) nonce).longValue();
    }
    if (nonce instanceof String) {
      if (((String) nonce).length() > 25) {
        throw DiscordError.invalidBody("nonce: must be 25 or fewer in length.");
      }
      return nonce;
    }
    throw DiscordError.invalidBody("nonce: must be an integer or a string");
  }

  /**
   * A message of the author in the channel with the same nonce, created within {@link
   * #NONCE_WINDOW} (lock held); Discord returns it instead of creating a duplicate.
   */
  private @Nullable MessageData sameNonce(long channelId, long authorId, Object nonce) {
    Instant since = state.clock.instant().minus(NONCE_WINDOW);
    for (MessageData message : state.messages.getOrDefault(channelId, Map.of()).values()) {
      if (message.authorId == authorId
          && nonce.equals(message.nonce)
          && !message.timestamp.isBefore(since)) {
        return message;
      }
    }
    return null;
  }

  /**
   * A message to a DM channel: refused with 403 / 50007 when the user has closed their DMs, has
   * left the guild (no mutual server) or is a bot.
   */
  private ApiResponse createDirectMessage(
      DmChannelData dm, Json.Obj payload, List<Multipart.Part> files) {
    MemberData recipient = state.members.get(dm.recipientId());
    if (recipient == null || recipient.bot || state.dmsClosed.contains(dm.recipientId())) {
      throw new DiscordError(403, 50007, "Cannot send messages to this user");
    }
    MessageLimits.check(payload, true, files.size());
    MessageData message = state.newMessage(dm.id(), state.bot());
    state.applyMessagePayload(message, payload, files, true);
    message.flags &= ~64L;
    state.storeAndAnnounceDirect(message);
    return ApiResponse.json(state.render.message(message));
  }

  private ApiResponse getMessage(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      long channelId = id(params.get(0), 10003, "Channel");
      if (!state.dmChannels.containsKey(channelId)) {
        state.requireBotPermission(Permissions.VIEW_CHANNEL | Permissions.READ_MESSAGE_HISTORY);
      }
      return ApiResponse.json(
          state.render.message(state.message(channelId, id(params.get(1), 10008, "Message"))));
    }
  }

  private ApiResponse listMessages(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.VIEW_CHANNEL | Permissions.READ_MESSAGE_HISTORY);
      int limit = Integer.parseInt(request.query().getOrDefault("limit", "50"));
      if (limit < 1 || limit > 100) {
        throw DiscordError.invalidBody("limit: must be 1-100");
      }
      long before =
          Long.parseLong(request.query().getOrDefault("before", String.valueOf(Long.MAX_VALUE)));
      long after = Long.parseLong(request.query().getOrDefault("after", "0"));
      List<MessageData> all =
          new ArrayList<>(state.messages.getOrDefault(channel.id, Map.of()).values());
      Collections.reverse(all);
      List<Object> result = new ArrayList<>();
      for (MessageData message : all) {
        if (message.id < before && message.id > after && result.size() < limit) {
          result.add(state.render.message(message));
        }
      }
      return ApiResponse.json(result);
    }
  }

  private ApiResponse editMessage(ApiRequest request, List<String> params) {
    Json.Obj payload = request.json();
    List<Multipart.Part> files = request.files();
    synchronized (state.lock) {
      MessageData message =
          state.message(id(params.get(0), 10003, "Channel"), id(params.get(1), 10008, "Message"));
      if (message.authorId != state.botId) {
        throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
      }
      MessageLimits.check(payload, false, files.size());
      state.applyMessagePayload(message, payload, files, false);
      message.editedAt = state.clock.instant();
      state.announceUpdate(message);
      return ApiResponse.json(state.render.message(message));
    }
  }

  private ApiResponse deleteMessage(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      MessageData message =
          state.message(id(params.get(0), 10003, "Channel"), id(params.get(1), 10008, "Message"));
      if (message.authorId != state.botId) {
        state.requireBotPermission(Permissions.MANAGE_MESSAGES);
      }
      Map<Long, MessageData> channelMessages = state.messages.get(message.channelId);
      if (channelMessages != null) {
        channelMessages.remove(message.id);
      }
      state.announceDelete(message);
      return ApiResponse.noContent();
    }
  }
}
