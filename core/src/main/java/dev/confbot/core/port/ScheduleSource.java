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

  /**
   * The schedule the previous run of the bot left in force, as this source kept it (the pretalx
   * sources: their cache of the last good payload), read when this process fetched first; empty
   * before the first {@link #fetch()}, when nothing was kept, or for sources that keep nothing. The
   * bot compares it with the first schedule fetched to announce what changed while it was down.
   */
  default Optional<Schedule> previousRun() {
    return Optional.empty();
  }

  /**
   * Why the last schedule received was held back instead of returned by {@link #fetch()} (it
   * dropped most upcoming sessions at once, see {@code ScheduleShrink}), for organizers; empty when
   * nothing is held back or the source never holds anything back.
   */
  default Optional<String> heldBack() {
    return Optional.empty();
  }

  /**
   * Lets the next {@link #fetch()} accept a schedule that would be held back, once: an organizer
   * confirmed that the sessions really were cancelled. Does nothing for sources that never hold
   * anything back.
   */
  default void acceptHeldBack() {}
}
