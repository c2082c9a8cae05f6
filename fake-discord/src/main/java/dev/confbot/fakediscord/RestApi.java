package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.CommandData;
import dev.confbot.fakediscord.Entities.DmChannelData;
import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.MessageData;
import dev.confbot.fakediscord.Entities.RoleData;
import dev.confbot.fakediscord.Entities.WebhookData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The Discord REST routes confbot and JDA use, with Discord's rules, on top of {@link State}. */
final class RestApi {
  private static final Pattern RECIPIENT_ID = Pattern.compile("\"recipient_id\"\\s*:\\s*\"?(\\d+)");

  /** A route handler; {@code params} are the path's placeholder values in order. */
  interface Handler {
    ApiResponse handle(ApiRequest request, List<String> params);
  }

  /** A route: method, pattern with {@code {}} placeholders, whether it needs the bot token. */
  record Route(String method, List<String> pattern, boolean authenticated, Handler handler) {}

  /** Interaction tokens allow follow-ups and edits for 15 minutes. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  private final State state;
  private final Channels channelRules;
  private final List<Route> routes = new ArrayList<>();
  private volatile String gatewayUrl = "";

  RestApi(State state) {
    this.state = state;
    this.channelRules = new Channels(state);
    route("GET", "users/@me", r -> ApiResponse.json(state.botUserJson()));
    route("GET", "users/{}", this::user);
    route("POST", "users/@me/channels", this::openDmChannel);
    route("GET", "applications/@me", r -> ApiResponse.json(state.applicationJson()));
    route("GET", "oauth2/applications/@me", r -> ApiResponse.json(state.applicationJson()));
    route("GET", "gateway", r -> ApiResponse.json(Json.map("url", gatewayUrl)));
    route("GET", "gateway/bot", r -> ApiResponse.json(gatewayBot()));
    route("PUT", "applications/{}/commands", (r, p) -> overwriteCommands(r, p.get(0), null));
    route("GET", "applications/{}/commands", (r, p) -> listCommands(p.get(0), null));
    route("POST", "applications/{}/commands", (r, p) -> upsertCommand(r, p.get(0), null));
    route(
        "DELETE", "applications/{}/commands/{}", (r, p) -> deleteCommand(p.get(0), null, p.get(1)));
    route(
        "PUT",
        "applications/{}/guilds/{}/commands",
        (r, p) -> overwriteCommands(r, p.get(0), p.get(1)));
    route("GET", "applications/{}/guilds/{}/commands", (r, p) -> listCommands(p.get(0), p.get(1)));
    route(
        "POST",
        "applications/{}/guilds/{}/commands",
        (r, p) -> upsertCommand(r, p.get(0), p.get(1)));
    route(
        "DELETE",
        "applications/{}/guilds/{}/commands/{}",
        (r, p) -> deleteCommand(p.get(0), p.get(1), p.get(2)));
    unauthenticated("POST", "interactions/{}/{}/callback", this::callback);
    unauthenticated("POST", "webhooks/{}/{}", this::executeWebhook);
    unauthenticated("GET", "webhooks/{}/{}/messages/{}", this::getWebhookMessage);
    unauthenticated("PATCH", "webhooks/{}/{}/messages/{}", this::editWebhookMessage);
    unauthenticated("DELETE", "webhooks/{}/{}/messages/{}", this::deleteWebhookMessage);
    route("GET", "guilds/{}", (r, p) -> guild(p.get(0), () -> state.guildJson(false, false)));
    route("GET", "guilds/{}/roles", (r, p) -> guild(p.get(0), this::roleList));
    route("POST", "guilds/{}/roles", this::createRole);
    route("PATCH", "guilds/{}/roles/{}", this::editRole);
    route("DELETE", "guilds/{}/roles/{}", this::deleteRole);
    route("GET", "guilds/{}/channels", (r, p) -> guild(p.get(0), this::channelList));
    route("POST", "guilds/{}/channels", this::createChannel);
    route("GET", "guilds/{}/members", this::listMembers);
    route("GET", "guilds/{}/members/{}", this::getMember);
    route("PATCH", "guilds/{}/members/{}", this::modifyMember);
    route("PUT", "guilds/{}/members/{}/roles/{}", (r, p) -> memberRole(r, p, true));
    route("DELETE", "guilds/{}/members/{}/roles/{}", (r, p) -> memberRole(r, p, false));
    route("GET", "channels/{}", this::getChannel);
    route("PATCH", "channels/{}", this::modifyChannel);
    route("POST", "channels/{}/typing", (r, p) -> ApiResponse.noContent());
    route("GET", "channels/{}/messages", this::listMessages);
    route("POST", "channels/{}/messages", this::createMessage);
    route("GET", "channels/{}/messages/{}", this::getMessage);
    route("PATCH", "channels/{}/messages/{}", this::editMessage);
    route("DELETE", "channels/{}/messages/{}", this::deleteMessage);
    route("POST", "channels/{}/webhooks", this::createWebhook);
    route("GET", "channels/{}/webhooks", this::listWebhooks);
    channelRules.register(this::route);
  }

  void gatewayUrl(String url) {
    gatewayUrl = url;
  }

  private interface Simple {
    ApiResponse handle(ApiRequest request);
  }

  private void route(String method, String pattern, Simple handler) {
    route(method, pattern, (r, p) -> handler.handle(r));
  }

  private void route(String method, String pattern, Handler handler) {
    routes.add(new Route(method, List.of(pattern.split("/")), true, handler));
  }

  private void unauthenticated(String method, String pattern, Handler handler) {
    routes.add(new Route(method, List.of(pattern.split("/")), false, handler));
  }

  /** The matching route and its placeholder values, if any route matches. */
  Optional<Map.Entry<Route, List<String>>> find(String method, String path) {
    String[] actual = path.split("/");
    for (Route route : routes) {
      if (!route.method().equals(method) || route.pattern().size() != actual.length) {
        continue;
      }
      List<String> params = new ArrayList<>();
      boolean match = true;
      for (int i = 0; i < actual.length && match; i++) {
        String segment = route.pattern().get(i);
        if (segment.equals("{}")) {
          params.add(actual[i]);
        } else {
          match = segment.equals(actual[i]);
        }
      }
      if (match) {
        return Optional.of(Map.entry(route, params));
      }
    }
    return Optional.empty();
  }

  // ---- helpers ----

  private static long id(String text, int unknownCode, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw DiscordError.unknown(unknownCode, what);
    }
  }

  private static String snowflakeText(Object value) {
    return value instanceof Number
        ? String.valueOf(((Number) value).longValue())
        : String.valueOf(value);
  }

  private void requireGuild(String guild) {
    if (id(guild, 10004, "Guild") != state.guildId) {
      throw DiscordError.unknown(10004, "Guild");
    }
  }

  private interface JsonBody {
    @Nullable Object get();
  }

  private ApiResponse guild(String guild, JsonBody body) {
    synchronized (state.lock) {
      requireGuild(guild);
      return ApiResponse.json(body.get());
    }
  }

  private List<Object> roleList() {
    List<Object> list = new ArrayList<>();
    for (RoleData role : state.roles.values()) {
      list.add(state.roleJson(role));
    }
    return list;
  }

  private List<Object> channelList() {
    List<Object> list = new ArrayList<>();
    for (ChannelData channel : state.channels.values()) {
      list.add(state.channelJson(channel));
    }
    return list;
  }

  private Map<String, @Nullable Object> gatewayBot() {
    return Json.map(
        "url",
        gatewayUrl,
        "shards",
        1,
        "session_start_limit",
        Json.map("total", 1000, "remaining", 1000, "reset_after", 0, "max_concurrency", 1));
  }

  private ApiResponse user(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      long userId = id(params.get(0), 10013, "User");
      MemberData member = state.members.get(userId);
      Map<String, @Nullable Object> user =
          member != null ? state.userJson(member) : state.formerMembers.get(userId);
      if (user == null) {
        throw DiscordError.unknown(10013, "User");
      }
      return ApiResponse.json(user);
    }
  }

  private ApiResponse openDmChannel(ApiRequest request) {
    // JDA's openPrivateChannelById sends the id as a JSON number, which the JSON reader would
    // round to a double: read its digits from the text
    Matcher exact = RECIPIENT_ID.matcher(request.jsonText());
    String recipient =
        exact.find()
            ? exact.group(1)
            : request.json().value("recipient_id").map(RestApi::snowflakeText).orElse("");
    synchronized (state.lock) {
      long userId = id(recipient, 10013, "User");
      MemberData member = state.members.get(userId);
      Map<String, @Nullable Object> user =
          member != null ? state.userJson(member) : state.formerMembers.get(userId);
      if (user == null) {
        throw DiscordError.unknown(10013, "User");
      }
      return ApiResponse.json(state.dmChannelJson(state.openDmChannel(userId, user)));
    }
  }

  // ---- application commands ----

  private void requireApplication(String app) {
    if (id(app, 10002, "Application") != state.applicationId) {
      throw DiscordError.unknown(10002, "Application");
    }
  }

  private @Nullable Long scope(@Nullable String guild) {
    if (guild == null) {
      return null;
    }
    requireGuild(guild);
    return state.guildId;
  }

  private ApiResponse overwriteCommands(ApiRequest request, String app, @Nullable String guild) {
    List<Json.Obj> definitions = Json.parseArray(request.jsonText());
    synchronized (state.lock) {
      requireApplication(app);
      Long scope = scope(guild);
      Map<String, Long> existing = new LinkedHashMap<>();
      state
          .commands
          .values()
          .removeIf(
              command -> {
                if (Objects.equals(command.guildId, scope)) {
                  existing.put(command.name(), command.id);
                  return true;
                }
                return false;
              });
      List<Object> result = new ArrayList<>();
      for (Json.Obj definition : definitions) {
        CommandData command = storeCommand(definition, scope, existing);
        result.add(command.json);
      }
      return ApiResponse.json(result);
    }
  }

  private CommandData storeCommand(
      Json.Obj definition, @Nullable Long scope, Map<String, Long> existing) {
    String name = definition.string("name", "");
    if (name.isEmpty() || name.length() > 32) {
      throw DiscordError.invalidBody("command name must be 1-32 characters");
    }
    checkOptions(definition.objects("options"), "options");
    Long previous = existing.get(name);
    long id = previous != null ? previous : state.ids.next();
    Map<String, @Nullable Object> json = new LinkedHashMap<>(definition.raw());
    json.put("id", String.valueOf(id));
    json.put("application_id", String.valueOf(state.applicationId));
    json.put("version", String.valueOf(state.ids.next()));
    json.putIfAbsent("type", 1);
    json.putIfAbsent("description", "");
    json.putIfAbsent("options", List.of());
    json.putIfAbsent("default_member_permissions", null);
    json.putIfAbsent("nsfw", false);
    // JDA sends these enums as decimal strings ("0"); Discord answers them as integers
    for (String key : List.of("contexts", "integration_types")) {
      if (json.get(key) instanceof List<?> values) {
        List<Object> numbers = new ArrayList<>();
        for (Object value : values) {
          numbers.add(value == null ? 0 : (long) Double.parseDouble(String.valueOf(value)));
        }
        json.put(key, numbers);
      }
    }
    if (scope != null) {
      json.put("guild_id", String.valueOf(scope));
    }
    CommandData command = new CommandData(id, scope, json);
    state.commands.put(id, command);
    return command;
  }

  /**
   * Discord's rules for {@code "autocomplete": true} options: only on string (3), integer (4) and
   * number (10) options, and never together with {@code choices}; subcommands are checked too.
   */
  private static void checkOptions(List<Json.Obj> options, String path) {
    for (int i = 0; i < options.size(); i++) {
      Json.Obj option = options.get(i);
      long type = option.number("type", 3);
      String at = path + "." + i;
      if (option.bool("autocomplete", false)) {
        if (type != 3 && type != 4 && type != 10) {
          throw DiscordError.invalidBody(
              at + ".autocomplete: only string, integer and number options autocomplete");
        }
        if (!option.objects("choices").isEmpty()) {
          throw DiscordError.invalidBody(
              at + ".autocomplete: Autocomplete cannot be set with choices");
        }
      }
      checkOptions(option.objects("options"), at + ".options");
    }
  }

  private ApiResponse listCommands(String app, @Nullable String guild) {
    synchronized (state.lock) {
      requireApplication(app);
      Long scope = scope(guild);
      List<Object> result = new ArrayList<>();
      for (CommandData command : state.commands.values()) {
        if (Objects.equals(command.guildId, scope)) {
          result.add(command.json);
        }
      }
      return ApiResponse.json(result);
    }
  }

  private ApiResponse upsertCommand(ApiRequest request, String app, @Nullable String guild) {
    Json.Obj definition = request.json();
    synchronized (state.lock) {
      requireApplication(app);
      Long scope = scope(guild);
      Map<String, Long> existing = new LinkedHashMap<>();
      String name = definition.string("name", "");
      state
          .commands
          .values()
          .removeIf(
              command -> {
                if (Objects.equals(command.guildId, scope) && command.name().equals(name)) {
                  existing.put(name, command.id);
                  return true;
                }
                return false;
              });
      return ApiResponse.json(storeCommand(definition, scope, existing).json);
    }
  }

  private ApiResponse deleteCommand(String app, @Nullable String guild, String command) {
    synchronized (state.lock) {
      requireApplication(app);
      scope(guild);
      if (state.commands.remove(id(command, 10063, "application command")) == null) {
        throw DiscordError.unknown(10063, "application command");
      }
      return ApiResponse.noContent();
    }
  }

  // ---- interactions ----

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
        answer.put("resource", Json.map("type", type, "message", state.messageJson(original)));
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
      String text = value.map(RestApi::choiceText).orElse("");
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
            "user", state.userJson(member),
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
              "user", state.userJson(member),
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
              State.userJson(webhook.id(), name, true),
              webhook.id(),
              webhook.id(),
              state.clock.instant());
      state.applyMessagePayload(message, payload, files, true);
      message.flags &= ~64L;
      state.storeAndAnnounce(message);
      return request.flag("wait")
          ? ApiResponse.json(state.messageJson(message))
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
      return ApiResponse.json(state.messageJson(original));
    }
    MessageData message = state.newMessage(handle.channelId(), state.bot());
    state.applyMessagePayload(message, payload, files, true);
    publishIfPublic(message);
    handle.followedUp(message);
    return ApiResponse.json(state.messageJson(message));
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
          state.messageJson(webhookMessage(interactionByToken(params.get(1)), params.get(2))));
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
      return ApiResponse.json(state.messageJson(message));
    }
  }

  private ApiResponse deleteWebhookMessage(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      requireApplicationWebhook(params.get(0));
      MessageData message = webhookMessage(interactionByToken(params.get(1)), params.get(2));
      Map<Long, MessageData> channel = state.messages.get(message.channelId);
      if (channel != null && channel.remove(message.id) != null) {
        announceDelete(message);
      }
      return ApiResponse.noContent();
    }
  }

  // ---- roles ----

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
      state.dispatch(
          "GUILD_ROLE_CREATE",
          Json.map("guild_id", String.valueOf(state.guildId), "role", state.roleJson(role)),
          Dispatcher.GUILDS,
          null);
      return ApiResponse.json(state.roleJson(role));
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
      state.dispatch(
          "GUILD_ROLE_UPDATE",
          Json.map("guild_id", String.valueOf(state.guildId), "role", state.roleJson(role)),
          Dispatcher.GUILDS,
          null);
      return ApiResponse.json(state.roleJson(role));
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
          result.add(state.memberJson(member, true));
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
      return ApiResponse.json(state.memberJson(memberOrSelf(params.get(1)), true));
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
      return ApiResponse.json(state.memberJson(member, true));
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

  // ---- channels ----

  private ChannelData channel(String id) {
    return state.channel(id(id, 10003, "Channel"));
  }

  private ApiResponse getChannel(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      DmChannelData dm = state.dmChannels.get(id(params.get(0), 10003, "Channel"));
      if (dm != null) {
        return ApiResponse.json(state.dmChannelJson(dm));
      }
      return ApiResponse.json(state.channelJson(channel(params.get(0))));
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
      state.dispatch("CHANNEL_CREATE", state.channelJson(channel), Dispatcher.GUILDS, null);
      return ApiResponse.created(state.channelJson(channel));
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
      state.dispatch("CHANNEL_UPDATE", state.channelJson(channel), Dispatcher.GUILDS, null);
      return ApiResponse.json(state.channelJson(channel));
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
          return ApiResponse.json(state.messageJson(earlier));
        }
      }
      MessageData message = state.newMessage(channel.id, state.bot());
      state.applyMessagePayload(message, payload, files, true);
      message.flags &= ~64L;
      message.nonce = nonce;
      state.storeAndAnnounce(message);
      return ApiResponse.json(state.messageJson(message));
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
    return ApiResponse.json(state.messageJson(message));
  }

  private ApiResponse getMessage(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      long channelId = id(params.get(0), 10003, "Channel");
      if (!state.dmChannels.containsKey(channelId)) {
        state.requireBotPermission(Permissions.VIEW_CHANNEL | Permissions.READ_MESSAGE_HISTORY);
      }
      return ApiResponse.json(
          state.messageJson(state.message(channelId, id(params.get(1), 10008, "Message"))));
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
          result.add(state.messageJson(message));
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
      return ApiResponse.json(state.messageJson(message));
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
      announceDelete(message);
      return ApiResponse.noContent();
    }
  }

  private void announceDelete(MessageData message) {
    if (state.dmChannels.containsKey(message.channelId)) {
      state.dispatch(
          "MESSAGE_DELETE",
          Json.map(
              "id", String.valueOf(message.id), "channel_id", String.valueOf(message.channelId)),
          Dispatcher.DIRECT_MESSAGES,
          null);
      return;
    }
    state.dispatch(
        "MESSAGE_DELETE",
        Json.map(
            "id", String.valueOf(message.id),
            "channel_id", String.valueOf(message.channelId),
            "guild_id", String.valueOf(state.guildId)),
        Dispatcher.GUILD_MESSAGES,
        null);
  }

  // ---- webhooks ----

  private ApiResponse createWebhook(ApiRequest request, List<String> params) {
    Json.Obj body = request.json();
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_WEBHOOKS);
      WebhookData webhook = webhookIn(channel.id, body.string("name", "confbot"));
      return ApiResponse.json(webhookJson(webhook));
    }
  }

  /** Creates a webhook (lock held). */
  WebhookData webhookIn(long channelId, String name) {
    long id = state.ids.next();
    WebhookData webhook =
        new WebhookData(id, "wh-" + Long.toHexString(id) + "-" + state.ids.next(), channelId, name);
    state.webhooks.put(id, webhook);
    return webhook;
  }

  private Map<String, @Nullable Object> webhookJson(WebhookData webhook) {
    return Json.map(
        "id", String.valueOf(webhook.id()),
        "type", 1,
        "guild_id", String.valueOf(state.guildId),
        "channel_id", String.valueOf(webhook.channelId()),
        "name", webhook.name(),
        "avatar", null,
        "token", webhook.token(),
        "application_id", null,
        "user", state.userJson(state.bot()));
  }

  private ApiResponse listWebhooks(ApiRequest request, List<String> params) {
    synchronized (state.lock) {
      ChannelData channel = channel(params.get(0));
      state.requireBotPermission(Permissions.MANAGE_WEBHOOKS);
      List<Object> result = new ArrayList<>();
      for (WebhookData webhook : state.webhooks.values()) {
        if (webhook.channelId() == channel.id) {
          result.add(webhookJson(webhook));
        }
      }
      return ApiResponse.json(result);
    }
  }
}
