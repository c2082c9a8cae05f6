package dev.confbot.fakediscord;

import java.util.List;
import java.util.Locale;

/**
 * A {@code "METHOD path"} pattern in which {@code *} stands for one path segment and a trailing
 * {@code **} for any rest, e.g. {@code "PUT guilds/*\/members/*\/roles/*"}; method {@code *}
 * matches any method.
 */
final class RoutePattern {
  private final String method;
  private final List<String> segments;

  private RoutePattern(String method, List<String> segments) {
    this.method = method;
    this.segments = segments;
  }

  static RoutePattern parse(String route) {
    String trimmed = route.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("route must look like \"METHOD path\": " + route);
    }
    String path = trimmed.substring(space + 1).trim();
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    return new RoutePattern(
        trimmed.substring(0, space).toUpperCase(Locale.ROOT), List.of(path.split("/", -1)));
  }

  boolean matches(String requestMethod, String path) {
    if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
      return false;
    }
    String[] actual = path.split("/", -1);
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.equals("**")) {
        return true;
      }
      if (i >= actual.length || !(segment.equals("*") || segment.equals(actual[i]))) {
        return false;
      }
    }
    return actual.length == segments.size();
  }

  @Override
  public String toString() {
    return method + " " + String.join("/", segments);
  }
}
