package dev.confbot.config;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code [livestreams]}: the stream URL of each room on each conference day. In TOML one table per
 * room, {@code [livestreams."North Hall"]}, with one {@code "2023-07-19" = "https://..."} per day;
 * a value may name a secret ({@code "${LIVESTREAM_NORTH_HALL_DAY1}"}).
 *
 * @param byRoom room name → day → URL
 */
public record LivestreamsConfig(Map<String, Map<LocalDate, String>> byRoom) {
  public LivestreamsConfig {
    Map<String, Map<LocalDate, String>> copy = new LinkedHashMap<>();
    byRoom.forEach((room, days) -> copy.put(room, ConfigCollections.copyOfMap(days)));
    byRoom = Collections.unmodifiableMap(copy);
  }

  /** The stream of {@code room} on {@code day} (room names compared exactly); empty if none. */
  public Optional<String> urlFor(String room, LocalDate day) {
    return Optional.ofNullable(byRoom.getOrDefault(room, Map.of()).get(day));
  }

  /** Number of (room, day) links. */
  public int linkCount() {
    return byRoom.values().stream().mapToInt(Map::size).sum();
  }
}
