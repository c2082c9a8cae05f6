package dev.confbot.core.schedule;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * A published schedule.
 *
 * @param version the schedule's version name, or empty when the source has none
 * @param zone the event's time zone
 * @param sessions sessions and breaks, ordered by start then room name
 */
public record Schedule(String version, ZoneId zone, List<Session> sessions) {
  public Schedule {
    sessions =
        sessions.stream()
            .sorted(
                Comparator.comparing(Session::startInstant)
                    .thenComparing(s -> s.room().name())
                    .thenComparing(Session::code))
            .toList();
  }
}
