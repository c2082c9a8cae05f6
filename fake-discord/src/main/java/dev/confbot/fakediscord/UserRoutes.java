package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.MemberData;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Users, DM channels, the application and the gateway URL (users, applications/@me, gateway). */
final class UserRoutes extends RouteGroup {
  private static final Pattern RECIPIENT_ID = Pattern.compile("\"recipient_id\"\\s*:\\s*\"?(\\d+)");

  private volatile String gatewayUrl = "";

  UserRoutes(State state) {
    super(state);
  }

  @Override
  void register(Registrar routes) {
    routes.route("GET", "users/@me", r -> ApiResponse.json(state.render.botUser()));
    routes.route("GET", "users/{}", this::user);
    routes.route("POST", "users/@me/channels", this::openDmChannel);
    routes.route("GET", "applications/@me", r -> ApiResponse.json(state.render.application()));
    routes.route(
        "GET", "oauth2/applications/@me", r -> ApiResponse.json(state.render.application()));
    routes.route("GET", "gateway", r -> ApiResponse.json(Json.map("url", gatewayUrl)));
    routes.route("GET", "gateway/bot", r -> ApiResponse.json(gatewayBot()));
  }

  void gatewayUrl(String url) {
    gatewayUrl = url;
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
          member != null ? state.render.user(member) : state.formerMembers.get(userId);
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
            : request.json().value("recipient_id").map(RouteGroup::snowflakeText).orElse("");
    synchronized (state.lock) {
      long userId = id(recipient, 10013, "User");
      MemberData member = state.members.get(userId);
      Map<String, @Nullable Object> user =
          member != null ? state.render.user(member) : state.formerMembers.get(userId);
      if (user == null) {
        throw DiscordError.unknown(10013, "User");
      }
      return ApiResponse.json(state.render.dmChannel(state.openDmChannel(userId, user)));
    }
  }
}
