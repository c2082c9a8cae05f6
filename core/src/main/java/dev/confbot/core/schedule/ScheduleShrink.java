package dev.confbot.core.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * A refreshed schedule that lost most of its upcoming sessions at once: far more likely a pretalx
 * hiccup (an unpublished or half-exported schedule) than a real programme change, and announcing it
 * would post a wall of cancellations. Such a schedule is held back until it looks normal again or
 * an organizer accepts it.
 *
 * <p>Suspicious when the new schedule drops more than half of the sessions that were still to come
 * and at least {@value #MIN_LOST} of them; an empty schedule is the extreme case. Breaks do not
 * count, nor do sessions that already started, nor moved ones. A tiny schedule losing one or two
 * sessions is an ordinary change.
 *
 * @param upcoming sessions of the earlier schedule that had not started yet
 * @param lost of those, how many the new schedule no longer has
 * @param sessionsAfter sessions (not breaks) in the new schedule
 */
public record ScheduleShrink(int upcoming, int lost, int sessionsAfter) {

  /** The fewest lost upcoming sessions that make a schedule suspicious. */
  public static final int MIN_LOST = 3;

  /** The shrink from {@code before} to {@code after} seen at {@code now}, if it is suspicious. */
  public static Optional<ScheduleShrink> of(Schedule before, Schedule after, Instant now) {
    int upcoming = 0;
    for (Session session : before.sessions()) {
      if (!session.isBreak() && session.startInstant().isAfter(now)) {
        upcoming++;
      }
    }
    if (upcoming == 0) {
      return Optional.empty();
    }
    int lost = 0;
    for (ScheduleChange change : ScheduleChange.between(before, after)) {
      if (change instanceof ScheduleChange.Cancelled
          && change.session().startInstant().isAfter(now)) {
        lost++;
      }
    }
    int sessionsAfter = (int) after.sessions().stream().filter(s -> !s.isBreak()).count();
    boolean suspicious = lost >= MIN_LOST && lost * 2 > upcoming;
    return suspicious
        ? Optional.of(new ScheduleShrink(upcoming, lost, sessionsAfter))
        : Optional.empty();
  }

  /** For organizers: e.g. "it drops 40 of the 52 upcoming sessions (12 sessions left)". */
  public String describe() {
    return "it drops "
        + lost
        + " of the "
        + upcoming
        + " upcoming sessions ("
        + sessionsAfter
        + (sessionsAfter == 1 ? " session" : " sessions")
        + " left)";
  }
}
