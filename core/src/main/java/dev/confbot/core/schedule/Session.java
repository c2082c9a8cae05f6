package dev.confbot.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One slot of the schedule: a talk, tutorial, keynote… or a break.
 *
 * @param code pretalx submission code (for breaks a code derived from room and start)
 * @param start start in the event's time zone
 * @param isBreak true for breaks (coffee, lunch) that have no submission
 */
public record Session(
    String code,
    String title,
    List<String> speakers,
    String abstractText,
    ZonedDateTime start,
    Duration duration,
    Room room,
    @Nullable String track,
    @Nullable String type,
    @Nullable String level,
    @Nullable String language,
    @Nullable String url,
    boolean isBreak) {

  public Session {
    speakers = List.copyOf(speakers);
  }

  public Instant startInstant() {
    return start.toInstant();
  }

  public ZonedDateTime end() {
    return start.plus(duration);
  }
}
