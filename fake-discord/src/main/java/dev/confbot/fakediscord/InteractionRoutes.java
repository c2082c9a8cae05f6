package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.MessageData;
import dev.confbot.fakediscord.Entities.WebhookData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Interaction callbacks, follow-ups and edits through the application's webhook, and incoming
 * webhooks (interactions/{id}/{token}/callback, webhooks/…, channels/{id}/webhooks).
 */
final class InteractionRoutes extends RouteGroup {
  /** Interaction tokens allow follow-ups and edits for 15 minutes. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  InteractionRoutes(State state) {
    super(state);
  }

  @Override
  void register(Registrar routes) {
    routes.unauthenticated("POST", "interactions/{}/{}/callback", this::callback);
    routes.unauthenticated("POST", "webhooks/{}/{}", this::executeWebhook);
    routes.unauthenticated("GET", "webhooks/{}/{}/messages/{}", this::getWebhookMessage);
    routes.unauthenticated("PATCH", "webhooks/{}/{}/messages/{}", this::editWebhookMessage);
    routes.unauthenticated("DELETE", "webhooks/{}/{}/messages/{}", this::deleteWebhookMessage);
    routes.route("POST", "channels/{}/webhooks", this::createWebhook);
    routes.route("GET", "channels/{}/webhooks", this::listWebhooks);
  }

  private InteractionHandle interaction(String id, String token) {
    InteractionHandle handle = state.interactions.get(id(id, 10062, "interaction"));
    if (handle == null || !handle.token().equals(token)) {
      throw DiscordError.unknown(10062, "interaction");
    }
    return handle;
  }

  private ApiResponse callback(ApiRequest request, List<String> params) {
    long now = System.nanoTime();
    InteractionHandle handle = interaction(params.get(0), params.get(1));
    Json.Obj body = request.json();
    synchronized (state.lock) {
      if (now - handle.dispatchedNanos() > state.interactionDeadline().toNanos()) {
        handle.reject(10062);
        throw DiscordError.unknown(10062, "interaction");
      }
      if (handle.callbackTypeLocked() != 0) {
        handle.reject(40060);
        throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
      }
      int type = (int) body.number("type", 0);
      Json.Obj data = body.object("data").orElse(new Json.Obj(new LinkedHashMap<>()));
      MemberData bot = state.bot();
      MessageData original = null;
      boolean deferred = false;
      List<FakeChoice> choices = null;
      if (handle.type() == 4 && type != InteractionHandle.AUTOCOMPLETE_RESULT) {
        throw DiscordError.invalidBody("an autocomplete interaction is answered with type 8 only");
      }
      if (type == InteractionHandle.AUTOCOMPLETE_RESULT) {
        if (handle.type() != 4) {
          throw DiscordError.invalidBody("only autocomplete interactions take choices");
        }
        choices = autocompleteChoices(handle, data);
      } else if (type == InteractionHandle.REPLY) {
        MessageLimits.check(data, true, request.files().size());
        original = state.newMessage(handle.channelId(), bot);
        original.interactionMetadata = interactionMetadata(handle);
        state.applyMessagePayload(original, data, request.files(), true);
      } else if (type == InteractionHandle.DEFER_REPLY) {
        original = state.newMessage(handle.channelId(), bot);
        original.interactionMetadata = interactionMetadata(handle);
        original.flags = (data.number("flags", 0) & 64) | 128;
        deferred = true;
      } else if (type == InteractionHandle.DEFER_UPDATE || type == InteractionHandle.UPDATE) {
        Long source = handle.sourceMessageId();
        if (handle.type() != 3 || source == null) {
          throw DiscordError.invalidBody("interaction has no message to update");
        }
        original =
            state.anyMessage(source).orElseThrow(() -> DiscordError.unknown(10008, "Message"));
        if (type == InteractionHandle.UPDATE) {
          MessageLimits.check(data, false, request.files().size());
          state.applyMessagePayload(original, data, request.files(), false);
          original.editedAt = state.clock.instant();
          state.announceUpdate(original);
        }
      } else if (type == InteractionHandle.MODAL) {
        if (handle.type() == 5) {
          throw DiscordError.invalidBody("a modal submit cannot be answered with a modal");
        }
        FakeModal opened = modal(data);
        if (data.objects("components").stream().allMatch(c -> c.number("type", 0) == 1)) {
          state.actionRowModals.add(opened.customId());
        } else {
          state.actionRowModals.remove(opened.customId());
        }
        handle.modalOpened(opened);
      } else {
        throw DiscordError.invalidBody("unsupported interaction callback type " + type);
      }
      handle.recordAck(type, original, deferred, now);
      if (choices != null) {
        handle.choicesGiven(choices);
      }
      if (type == InteractionHandle.REPLY && original != null) {
        publishIfPublic(original);
        handle.originalEdited();
      } else if (type == InteractionHandle.UPDATE) {
        handle.originalEdited();
      }
      if (!request.flag("with_response")) {
        return ApiResponse.noContent();
      }
      Map<String, @Nullable Object> interaction =
          Json.map(
              "id",
              String.valueOf(handle.id()),
              "type",
              handle.type(),
              "response_message_loading",
              deferred,
              "response_message_ephemeral",
              original != null && original.ephemeral());
      if (original != null) {
        interaction.put("response_message_id", String.valueOf(original.id));
      }
      Map<String, @Nullable Object> answer = Json.map("interaction", interaction);
      // only a message reply (4) or update (7) creates a resource; deferrals and modals have none
      if (original != null
          && (type == InteractionHandle.REPLY || type == InteractionHandle.UPDATE)) {
        answer.put("resource", Json.map("type", type, "message", state.render.message(original)));
      }
      return ApiResponse.json(answer);
    }
  }

  /** Discord's limits on autocomplete choices (interactions/receiving-and-responding). */
  static final int MAX_CHOICES = 25;

  static final int MAX_CHOICE_TEXT = 100;

  /**
   * The choices of an autocomplete answer: at most 25, each with a name of 1-100 characters and a
   * string value of 1-100 characters (or a number); otherwise 400 / 50035, recorded on the handle.
   */
  private static List<FakeChoice> autocompleteChoices(InteractionHandle handle, Json.Obj data) {
    List<String> problems = new ArrayList<>();
    List<Json.Obj> given = data.objects("choices");
    if (!data.has("choices")) {
      problems.add("data.choices: This field is required");
    }
    if (given.size() > MAX_CHOICES) {
      problems.add("data.choices: Must be " + MAX_CHOICES + " or fewer in length.");
    }
    List<FakeChoice> choices = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      Json.Obj choice = given.get(i);
      String at = "data.choices." + i + ".";
      String name = choice.string("name", "");
      if (name.isEmpty() || name.length() > MAX_CHOICE_TEXT) {
        problems.add(at + "name: Must be between 1 and " + MAX_CHOICE_TEXT + " in length.");
      }
      Optional<Object> value = choice.value("value");
      String text = value.map(InteractionRoutes::choiceText).orElse("");
      if (value.isEmpty()) {
        problems.add(at + "value: This field is required");
      } else if (value.get() instanceof String
          && (text.isEmpty() || text.length() > MAX_CHOICE_TEXT)) {
        problems.add(at + "value: Must be between 1 and " + MAX_CHOICE_TEXT + " in length.");
      }
      choices.add(new FakeChoice(name, text));
    }
    if (!problems.isEmpty()) {
      handle.reject(50035);
      List<Object> errors = new ArrayList<>();
      for (String problem : problems) {
        errors.add(Json.map("code", "BASE_TYPE_BAD_LENGTH", "message", problem));
      }
      throw new DiscordError(400, 50035, "Invalid Form Body", Json.map("_errors", errors));
    }
    return choices;
  }

  private static String choiceText(Object value) {
    if (value instanceof Double) {
      double number = (Double) value;
      if (number == Math.rint(number) && Math.abs(number) < 0x1p53) {
        return String.valueOf((long) number);
      }
    }
    return String.valueOf(value);
  }

  private Map<String, @Nullable Object> interactionMetadata(InteractionHandle handle) {
    MemberData member = state.member(handle.memberId());
    Map<String, @Nullable Object> metadata =
        Json.map(
            "id", String.valueOf(handle.id()),
            "type", handle.type(),
            "user", state.render.user(member),
            "authorizing_integration_owners", Json.map("0", String.valueOf(state.guildId)));
    Long source = handle.sourceMessageId();
    if (handle.type() == 3 && source != null) {
      metadata.put("interacted_message_id", String.valueOf(source));
    } else if (handle.type() == 5) {
      // the fake does not keep the interaction that opened the modal: a button on the source
      // message when there is one, else a slash command
      Map<String, @Nullable Object> trigger =
          Json.map(
              "id", String.valueOf(state.ids.next()),
              "type", source == null ? 2 : 3,
              "user", state.render.user(member),
              "authorizing_integration_owners", Json.map("0", String.valueOf(state.guildId)));
      if (source != null) {
        trigger.put("interacted_message_id", String.valueOf(source));
      }
      metadata.put("triggering_interaction_metadata", trigger);
    }
    return metadata;
  }

  private void publishIfPublic(MessageData message) {
    if (!message.ephemeral()) {
      state.storeAndAnnounce(message);
    }
  }

  private static FakeModal modal(Json.Obj data) {
    String customId = data.string("custom_id", "");
    String title = data.string("title", "");
    List<Json.Obj> rows = data.objects("components");
    if (customId.isEmpty() || customId.length() > 100 || title.isEmpty() || title.length() > 45) {
      throw DiscordError.invalidBody("modal custom_id 1-100 and title 1-45 characters");
    }
    if (rows.isEmpty() || rows.size() > 5) {
      throw DiscordError.invalidBody("a modal has 1-5 top-level components");
    }
    List<FakeModal.Input> inputs = new ArrayList<>();
    for (Json.Obj row : rows) {
      String label = row.string("label", "");
      List<Json.Obj> candidates = new ArrayList<>(row.objects("components"));
      row.object("component").ifPresent(candidates::add);
      for (Json.Obj input : candidates) {
        if (input.number("type", 0) == 4) {
          inputs.add(
              new FakeModal.Input(
                  input.string("custom_id", ""),
                  label.isEmpty() ? input.string("label", "") : label,
                  input.bool("required", true),
                  (int) input.number("min_length", 0),
                  (int) input.number("max_length", 4000)));
        }
      }
    }
    return new FakeModal(customId, title, inputs);
  }

  private ApiResponse executeWebhook(ApiRequest request, List<String> params) {
    long id = id(params.get(0), 10015, "Webhook");
    String token = params.get(1);
    Json.Obj payload = request.json();
    List<Multipart.Part> files = request.files();
    synchronized (state.lock) {
      if (id == state.applicationId) {
        return followUp(interactionByToken(token), payload, files);
      }
      WebhookData webhook = state.webhooks.get(id);
      if (webhook == null || !webhook.token().equals(token)) {
        throw DiscordError.unknown(10015, "Webhook");
      }
      MessageLimits.check(payload, true, files.size());
      String name = payload.string("username", webhook.name());
      MessageData message =
          new MessageData(
              state.ids.next(),
              webhook.channelId(),
              EntityJson.user(webhook.id(), name, true),
              webhook.id(),
              webhook.id(),
              state.clock.instant());
      state.applyMessagePayload(message, payload, files, true);
      message.flags &= ~64L;
      state.storeAndAnnounce(message);
      return request.flag("wait")
          ? ApiResponse.json(state.render.message(message))
          : ApiResponse.noContent();
    }
  }

  private InteractionHandle interactionByToken(String token) {
    InteractionHandle handle = state.interactionsByToken.get(token);
    if (handle == null
        || handle.callbackTypeLocked() == 0
        || state.clock.instant().isAfter(handle.dispatchedAt().plus(TOKEN_LIFETIME))) {
      throw DiscordError.unknown(10015, "Webhook");
    }
    return handle;
  }

  private ApiResponse followUp(
      InteractionHandle handle, Json.Obj payload, List<Multipart.Part> files) {
    MessageLimits.check(payload, true, files.size());
    MessageData original = handle.original();
    if (original != null && handle.loading()) {
      // deprecated but documented: the first follow-up after a defer edits the loading message
      state.applyMessagePayload(original, payload, files, false);
      original.flags &= ~128L;
      publishIfPublic(original);
      handle.originalEdited();
      return ApiResponse.json(state.render.message(original));
    }
    MessageData message = state.newMessage(handle.channelId(), state.bot());
    state.applyMessagePayload(message, payload, files, true);
    publishIfPublic(message);
    handle.followedUp(message);
    return ApiResponse.json(state.render.message(message));
  }

  private MessageData webhookMessage(InteractionHandle handle, String messageId) {
    MessageData original = handle.original();
    if (messageId.equals("@original")) {
      if (original == null) {
        throw DiscordError.unknown(10008, "Message");
      }
      return original;
    }
    long id = id(messageId, 10008, "Message");
    if (original != null && original.id == id) {
      return original;
    }
    for (MessageData message : handle.followUpsLocked()) {
      if (message.id == id) {
        return message;
      }
    }
    throw DiscordError.unknown(10008, "Message");
  }

  private void requireApplicationWebhook(String id) {
    if (id(id, 10015, "Webhook") != state.applicationId) {
      throw DiscordError.unknown(10015, "Webhook");
    }
  }

  private ApiResponse getWebhookMessage(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      requireApplicationWebhook(params.get(0));
      return ApiResponse.json(
          state.render.message(webhookMessage(interactionByToken(params.get(1)), params.get(2))));
    }
  }

  private ApiResponse editWebhookMessage(ApiRequest request, List<String> params) {
    Json.Obj payload = request.json();
    List<Multipart.Part> files = request.files();
    synchronized (state.lock) {
      requireApplicationWebhook(params.get(0));
      InteractionHandle handle = interactionByToken(params.get(1));
      MessageData message = webhookMessage(handle, params.get(2));
      MessageLimits.check(payload, false, files.size());
      boolean wasLoading = handle.loading() && message == handle.original();
      state.applyMessagePayload(message, payload, files, false);
      if (wasLoading) {
        message.flags &= ~128L;
        publishIfPublic(message);
      } else {
        message.editedAt = state.clock.instant();
        if (state.messages.getOrDefault(message.channelId, Map.of()).containsKey(message.id)) {
          state.announceUpdate(message);
        }
      }
      if (message == handle.original()) {
        handle.originalEdited();
      }
      return ApiResponse.json(state.render.message(message));
    }
  }

  private ApiResponse deleteWebhookMessage(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      requireApplicationWebhook(params.get(0));
      MessageData message = webhookMessage(interactionByToken(params.get(1)), params.get(2));
      Map<Long, MessageData> channel = state.messages.get(message.channelId);
      if (channel != null && channel.remove(message.id) != null) {
        state.announceDelete(message);
      }
      return ApiResponse.noContent();
    }
  }

  // ---- webhooks ----

  private ApiResponse createWebhook(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_WEBHOOKS);
      WebhookData webhook = state.newWebhook(channel.id, body.string("name", "confbot"));
      return ApiResponse.json(state.render.webhook(webhook));
    }
  }

  private ApiResponse listWebhooks(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_WEBHOOKS);
      List<Object> result = new ArrayList<>();
      for (WebhookData webhook : state.webhooks.values()) {
        if (webhook.channelId() == channel.id) {
          result.add(state.render.webhook(webhook));
        }
      }
      return ApiResponse.json(result);
    }
  }
}
