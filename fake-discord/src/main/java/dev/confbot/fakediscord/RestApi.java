package dev.confbot.fakediscord;

import dev.confbot.fakediscord.RouteGroup.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Discord REST routes confbot and JDA use, with Discord's rules, on top of {@link State}: a
 * router over one {@link RouteGroup} per resource.
 */
final class RestApi {
  /** A route: method, pattern with {@code {}} placeholders, whether it needs the bot token. */
  record Route(String method, List<String> pattern, boolean authenticated, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final UserRoutes users;

  RestApi(State state) {
    this.users = new UserRoutes(state);
    Channels channelRules = new Channels(state);
    List<RouteGroup> groups =
        List.of(
            users,
            new CommandRoutes(state),
            new InteractionRoutes(state),
            new GuildRoutes(state),
            new ChannelRoutes(state, channelRules),
            channelRules);
    RouteGroup.Registrar registrar =
        new RouteGroup.Registrar() {
          @Override
          public void route(String method, String pattern, Handler handler) {
            add(method, pattern, true, handler);
          }

          @Override
          public void unauthenticated(String method, String pattern, Handler handler) {
            add(method, pattern, false, handler);
          }
        };
    for (RouteGroup group : groups) {
      group.register(registrar);
    }
  }

  void gatewayUrl(String url) {
    users.gatewayUrl(url);
  }

  private void add(String method, String pattern, boolean authenticated, Handler handler) {
    routes.add(new Route(method, List.of(pattern.split("/")), authenticated, handler));
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
}
