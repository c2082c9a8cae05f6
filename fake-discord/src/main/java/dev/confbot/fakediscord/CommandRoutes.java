package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.CommandData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Global and guild application commands (applications/{id}/commands, …/guilds/{id}/commands). */
final class CommandRoutes extends RouteGroup {
  CommandRoutes(State state) {
    super(state);
  }

  @Override
  void register(Registrar routes) {
    routes.route("PUT", "applications/{}/commands", (r, p) -> overwriteCommands(r, p.get(0), null));
    routes.route("GET", "applications/{}/commands", (r, p) -> listCommands(p.get(0), null));
    routes.route("POST", "applications/{}/commands", (r, p) -> upsertCommand(r, p.get(0), null));
    routes.route(
        "DELETE", "applications/{}/commands/{}", (r, p) -> deleteCommand(p.get(0), null, p.get(1)));
    routes.route(
        "PUT",
        "applications/{}/guilds/{}/commands",
        (r, p) -> overwriteCommands(r, p.get(0), p.get(1)));
    routes.route(
        "GET", "applications/{}/guilds/{}/commands", (r, p) -> listCommands(p.get(0), p.get(1)));
    routes.route(
        "POST",
        "applications/{}/guilds/{}/commands",
        (r, p) -> upsertCommand(r, p.get(0), p.get(1)));
    routes.route(
        "DELETE",
        "applications/{}/guilds/{}/commands/{}",
        (r, p) -> deleteCommand(p.get(0), p.get(1), p.get(2)));
  }

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
}
