package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.CommandData;
import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.MessageData;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Drives interactions for {@link FakeDiscord}: builds the INTERACTION_CREATE payload of a button
 * click, modal submit, chat command or autocomplete as Discord sends it, dispatches it and keeps
 * the {@link InteractionHandle} (by id and by token) that the REST routes answer through.
 */
final class InteractionDriver {
  private final State state;
  private final SecureRandom random = new SecureRandom();

  InteractionDriver(State state) {
    this.state = state;
  }

  /** Button click: see {@link FakeDiscord#clickButton}. */
  InteractionHandle clickButton(
      FakeMember member, FakeChannel channel, long messageId, String customId, String locale) {
    synchronized (state.lock) {
      state.channelData(channel.id());
      MessageData message =
          state
              .anyMessage(messageId)
              .filter(m -> m.channelId == channel.id())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "no message " + messageId + " in channel " + channel.name()));
      Map<String, @Nullable Object> data = Json.map("custom_id", customId, "component_type", 2);
      return dispatchInteraction(
          3, member, channel.id(), message.id, data, state.render.message(message), locale);
    }
  }

  /** Modal submit: see {@link FakeDiscord#submitModal}. */
  InteractionHandle submitModal(
      FakeMember member,
      FakeChannel channel,
      String customId,
      Map<String, String> values,
      String locale) {
    synchronized (state.lock) {
      List<Object> components = new ArrayList<>();
      int id = 1;
      boolean actionRows = state.actionRowModals.contains(customId);
      for (Map.Entry<String, String> value : values.entrySet()) {
        if (actionRows) {
          Map<String, @Nullable Object> input =
              Json.map(
                  "type", 4, "id", id + 1, "custom_id", value.getKey(), "value", value.getValue());
          components.add(Json.map("type", 1, "id", id, "components", List.of(input)));
          id += 2;
          continue;
        }
        components.add(
            Json.map(
                "type",
                18,
                "id",
                id++,
                "component",
                Json.map(
                    "type",
                    4,
                    "id",
                    id++,
                    "custom_id",
                    value.getKey(),
                    "value",
                    value.getValue())));
      }
      Map<String, @Nullable Object> data =
          Json.map("custom_id", customId, "components", components);
      return dispatchInteraction(
          5, member, state.channelData(channel.id()).id, null, data, null, locale);
    }
  }

  /** A chat command (type 2) or autocomplete (type 4, with the focused option). */
  InteractionHandle command(
      int type,
      FakeMember member,
      FakeChannel channel,
      String name,
      Map<String, ?> options,
      @Nullable String focused,
      String locale) {
    synchronized (state.lock) {
      CommandData command = null;
      for (CommandData candidate : state.commands.values()) {
        if (candidate.name().equals(name) && (command == null || candidate.guildId != null)) {
          command = candidate;
        }
      }
      if (command == null) {
        throw new IllegalStateException("command /" + name + " is not registered");
      }
      Map<String, @Nullable Object> users = new LinkedHashMap<>();
      Map<String, @Nullable Object> members = new LinkedHashMap<>();
      List<Object> optionList = optionJson(command.json.get("options"), options, users, members);
      if (focused != null && !markFocused(command.json.get("options"), optionList, focused)) {
        throw new IllegalArgumentException(
            "focused option " + focused + " is not among the options of /" + name);
      }
      Map<String, @Nullable Object> data =
          Json.map(
              "id", String.valueOf(command.id), "name", name, "type", 1, "options", optionList);
      if (command.guildId != null) {
        data.put("guild_id", String.valueOf(command.guildId));
      }
      if (!users.isEmpty()) {
        data.put("resolved", Json.map("users", users, "members", members));
      }
      return dispatchInteraction(
          type, member, state.channelData(channel.id()).id, null, data, null, locale);
    }
  }

  /**
   * Marks the first leaf option with this name {@code "focused": true}, depth first.
   *
   * @return whether one was found
   * @throws IllegalStateException when its definition exists without {@code "autocomplete": true}
   */
  private static boolean markFocused(
      @Nullable Object definitions, List<Object> optionList, String focused) {
    for (Object item : optionList) {
      Map<String, @Nullable Object> option = State.castMap(item);
      String name = String.valueOf(option.get("name"));
      Map<String, @Nullable Object> definition = definitionNamed(definitions, name);
      Object nested = option.get("options");
      if (nested instanceof List) {
        Object inner = definition == null ? null : definition.get("options");
        List<Object> children = new ArrayList<>((List<?>) nested);
        if (markFocused(inner, children, focused)) {
          return true;
        }
      } else if (name.equals(focused)) {
        if (definition != null && !Boolean.TRUE.equals(definition.get("autocomplete"))) {
          throw new IllegalStateException(
              "option " + focused + " is registered without \"autocomplete\": true");
        }
        option.put("focused", true);
        return true;
      }
    }
    return false;
  }

  private static @Nullable Map<String, @Nullable Object> definitionNamed(
      @Nullable Object definitions, String name) {
    if (definitions instanceof List) {
      for (Object definition : (List<?>) definitions) {
        if (definition instanceof Map && name.equals(State.castMap(definition).get("name"))) {
          return State.castMap(definition);
        }
      }
    }
    return null;
  }

  /**
   * The interaction's option objects; a {@code Map} value is a subcommand (or group) whose map
   * holds its own options.
   */
  private List<Object> optionJson(
      @Nullable Object definitions,
      Map<String, ?> options,
      Map<String, @Nullable Object> users,
      Map<String, @Nullable Object> members) {
    Map<String, Long> declared = new LinkedHashMap<>();
    Map<String, @Nullable Object> nested = new LinkedHashMap<>();
    if (definitions instanceof List) {
      for (Object definition : (List<?>) definitions) {
        if (definition instanceof Map) {
          Json.Obj option = new Json.Obj(State.castMap(definition));
          declared.put(option.string("name", ""), option.number("type", 3));
          nested.put(option.string("name", ""), State.castMap(definition).get("options"));
        }
      }
    }
    List<Object> optionList = new ArrayList<>();
    for (Map.Entry<String, ?> option : options.entrySet()) {
      Object value = option.getValue();
      if (value instanceof Map) {
        Map<String, ?> inner = castOptions((Map<?, ?>) value);
        long type = declared.getOrDefault(option.getKey(), 1L);
        optionList.add(
            Json.map(
                "name",
                option.getKey(),
                "type",
                type,
                "options",
                optionJson(nested.get(option.getKey()), inner, users, members)));
        continue;
      }
      long type;
      Object sent = value;
      if (value instanceof FakeMember) {
        MemberData target = state.memberData((FakeMember) value);
        type = 6;
        sent = String.valueOf(target.id);
        users.put(String.valueOf(target.id), state.render.user(target));
        members.put(String.valueOf(target.id), state.render.member(target, false));
      } else if (value instanceof Boolean) {
        type = 5;
      } else if (value instanceof Integer || value instanceof Long) {
        type = 4;
      } else if (value instanceof Double) {
        type = 10;
      } else {
        type = 3;
        sent = String.valueOf(value);
      }
      type = declared.getOrDefault(option.getKey(), type);
      optionList.add(Json.map("name", option.getKey(), "type", type, "value", sent));
    }
    return optionList;
  }

  private static Map<String, ?> castOptions(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(String.valueOf(key), value));
    return copy;
  }

  private InteractionHandle dispatchInteraction(
      int type,
      FakeMember who,
      long channelId,
      @Nullable Long sourceMessageId,
      Map<String, @Nullable Object> data,
      @Nullable Map<String, @Nullable Object> message,
      String locale) {
    MemberData member = state.memberData(who);
    ChannelData channel = state.channelData(channelId);
    long id = state.ids.next();
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String interactionToken = "aW50ZXJhY3Rpb24" + id + HexFormat.of().formatHex(secret);
    Map<String, @Nullable Object> memberJson = state.render.member(member, true);
    memberJson.put("permissions", String.valueOf(state.permissionsOf(member)));
    Map<String, @Nullable Object> channelJson = state.render.channel(channel);
    channelJson.put("permissions", String.valueOf(state.permissionsOf(member)));
    Map<String, @Nullable Object> payload =
        Json.map(
            "id",
            String.valueOf(id),
            "application_id",
            String.valueOf(state.applicationId),
            "type",
            type,
            "data",
            data,
            "guild_id",
            String.valueOf(state.guildId),
            "guild",
            Json.map(
                "id", String.valueOf(state.guildId),
                "locale", State.DEFAULT_LOCALE,
                "features", List.of()),
            "channel_id",
            String.valueOf(channel.id),
            "channel",
            channelJson,
            "member",
            memberJson,
            "token",
            interactionToken,
            "version",
            1,
            "app_permissions",
            String.valueOf(state.permissionsOf(state.bot())),
            "locale",
            locale,
            "guild_locale",
            State.DEFAULT_LOCALE,
            "entitlements",
            List.of(),
            "authorizing_integration_owners",
            Json.map("0", String.valueOf(state.guildId)),
            "context",
            0,
            "attachment_size_limit",
            10_485_760);
    if (message != null) {
      payload.put("message", message);
    }
    InteractionHandle handle =
        new InteractionHandle(
            id,
            interactionToken,
            type,
            channel.id,
            member.id,
            sourceMessageId,
            System.nanoTime(),
            state.clock.instant(),
            state.lock,
            state::snapshot);
    state.interactions.put(id, handle);
    state.interactionsByToken.put(interactionToken, handle);
    state.dispatch("INTERACTION_CREATE", payload, 0, null);
    return handle;
  }
}
