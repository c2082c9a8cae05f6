package dev.confbot.config;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while loading so that all of them are reported at once. */
final class Problems {
  private final List<ConfigProblem> list = new ArrayList<>();

  void add(String path, String message) {
    list.add(new ConfigProblem(path, message));
  }

  boolean any() {
    return !list.isEmpty();
  }

  List<ConfigProblem> list() {
    return List.copyOf(list);
  }

  /** Throws a {@link ConfigException} if any problem was found. */
  void throwIfAny() {
    if (any()) {
      throw new ConfigException(list);
    }
  }
}
