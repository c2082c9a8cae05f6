package dev.confbot.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies that keep the configuration's order (Map.copyOf would not). */
final class ConfigCollections {
  private ConfigCollections() {}

  static <K, V> Map<K, V> copyOfMap(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <K, V> Map<K, List<V>> copyOfListMap(Map<K, List<V>> map) {
    Map<K, List<V>> copy = new LinkedHashMap<>();
    map.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }
}
