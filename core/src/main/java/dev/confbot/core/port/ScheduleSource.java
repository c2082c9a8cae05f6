package dev.confbot.core.port;

import dev.confbot.core.schedule.Schedule;

/** The programme (pretalx export, pretalx REST or a local file). */
public interface ScheduleSource {

  /**
   * The current schedule. Implementations may answer from a conditional request (ETag) without
   * re-parsing. Throws {@link GatewayException} when the source is unreachable or malformed.
   */
  Schedule fetch();
}
