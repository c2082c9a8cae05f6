package dev.confbot.core.setup;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Validation of names as Discord stores them, so that a created thing is found again by name. */
final class Names {
  private static final int MAX = 100;

  private Names() {}

  static String role(String name) {
    String value = name.strip();
    if (value.isEmpty() || value.length() > MAX) {
      throw new IllegalArgumentException(
          "role name must have 1 to 100 characters: \"" + name + "\"");
    }
    if (value.equals(Overwrite.EVERYONE)) {
      throw new IllegalArgumentException("@everyone is built in; it cannot be a blueprint role");
    }
    return value;
  }

  static String category(String name) {
    String value = name.strip();
    if (value.isEmpty() || value.length() > MAX) {
      throw new IllegalArgumentException(
          "category name must have 1 to 100 characters: \"" + name + "\"");
    }
    return value;
  }

  static String channel(String name, ChannelKind kind) {
    String value = name.strip();
    if (value.isEmpty() || value.length() > MAX) {
      throw new IllegalArgumentException(
          "channel name must have 1 to 100 characters: \"" + name + "\"");
    }
    if (kind.freeName()) {
      return value;
    }
    if (!value.equals(value.toLowerCase(Locale.ROOT))
        || value.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "channel name \""
              + name
              + "\" must be lower case without spaces, as Discord stores it (e.g. \""
              + value.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")
              + "\")");
    }
    return value;
  }

  static List<Overwrite> uniqueRoles(List<Overwrite> overwrites, String where) {
    Set<String> roles = new HashSet<>();
    for (Overwrite overwrite : overwrites) {
      if (!roles.add(overwrite.role())) {
        throw new IllegalArgumentException(
            where + " has more than one overwrite for the role " + overwrite.role());
      }
    }
    return List.copyOf(overwrites);
  }
}
