package dev.confbot.core.port;

import dev.confbot.core.schedule.Schedule;
import java.util.Optional;

/** The programme (pretalx export, pretalx REST or a local file). */
public interface ScheduleSource {

  /**
   * The current schedule. Implementations may answer from a conditional request (ETag) without
   * re-parsing. Throws {@link GatewayException} when the source is unreachable or malformed.
   */
  Schedule fetch();

  /**
   * An identifier of the content behind the schedule last returned by {@link #fetch()} (the pretalx
   * sources give the payload's SHA-256): it changes exactly when the schedule changes, so a
   * scheduler can skip replanning. Empty when the source cannot tell or has fetched nothing yet.
   */
  default Optional<String> revision() {
    return Optional.empty();
  }
}
