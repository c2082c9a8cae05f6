package dev.confbot.core.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change between two published versions of the schedule, as attendees care about it: a session
 * moved (in time or room), renamed or given other speakers, cancelled, or added. Sessions are
 * matched by code; breaks are ignored (their codes are derived from room and start, so a moved
 * break is not recognisable).
 */
public sealed interface ScheduleChange {

  /** The session as it is now (for {@link Cancelled}: as it was). */
  Session session();

  /** A session that was not in the earlier schedule. */
  record Added(Session session) implements ScheduleChange {}

  /** A session that is no longer in the schedule. */
  record Cancelled(Session session) implements ScheduleChange {}

  /**
   * A session whose start instant or room changed.
   *
   * @param before the session as it was
   * @param session the session as it is now
   */
  record Moved(Session before, Session session) implements ScheduleChange {

    /** True when the start instant changed (not just the room). */
    public boolean timeChanged() {
      return !before.startInstant().equals(session.startInstant());
    }

    /** True when the room changed. */
    public boolean roomChanged() {
      return !before.room().equals(session.room());
    }

    /** True when the title changed too. */
    public boolean titleChanged() {
      return !before.title().equals(session.title());
    }

    /** True when the speakers changed too. */
    public boolean speakersChanged() {
      return !before.speakers().equals(session.speakers());
    }
  }

  /**
   * A session that kept its start and room but whose title or speakers changed.
   *
   * @param before the session as it was
   * @param session the session as it is now
   */
  record Updated(Session before, Session session) implements ScheduleChange {

    /** True when the title changed. */
    public boolean titleChanged() {
      return !before.title().equals(session.title());
    }

    /** True when the speakers changed. */
    public boolean speakersChanged() {
      return !before.speakers().equals(session.speakers());
    }
  }

  /**
   * The changes from {@code before} to {@code after}, ordered by the start of the session (as it is
   * now, or as it was for cancellations), then code. Sessions are matched by code; a session with
   * several slots (a two-part tutorial) is matched slot by slot in start order. A session that
   * moved is one {@link Moved} (which also tells whether its title or speakers changed); one that
   * only got another title or other speakers is {@link Updated}. Changes of the abstract, track or
   * other details are not reported.
   */
  static List<ScheduleChange> between(Schedule before, Schedule after) {
    Map<String, List<Session>> old = byCode(before);
    Map<String, List<Session>> now = byCode(after);
    List<ScheduleChange> changes = new ArrayList<>();
    for (Map.Entry<String, List<Session>> entry : now.entrySet()) {
      List<Session> was = old.getOrDefault(entry.getKey(), List.of());
      List<Session> is = entry.getValue();
      for (int i = 0; i < is.size(); i++) {
        Session session = is.get(i);
        if (i >= was.size()) {
          changes.add(new Added(session));
        } else if (!was.get(i).startInstant().equals(session.startInstant())
            || !Objects.equals(was.get(i).room(), session.room())) {
          changes.add(new Moved(was.get(i), session));
        } else if (!was.get(i).title().equals(session.title())
            || !was.get(i).speakers().equals(session.speakers())) {
          changes.add(new Updated(was.get(i), session));
        }
      }
    }
    for (Map.Entry<String, List<Session>> entry : old.entrySet()) {
      List<Session> is = now.getOrDefault(entry.getKey(), List.of());
      List<Session> was = entry.getValue();
      for (int i = is.size(); i < was.size(); i++) {
        changes.add(new Cancelled(was.get(i)));
      }
    }
    changes.sort(
        Comparator.comparing((ScheduleChange c) -> c.session().startInstant())
            .thenComparing(c -> c.session().code()));
    return List.copyOf(changes);
  }

  /** Sessions (not breaks) by code, each list in start order (the schedule's order). */
  private static Map<String, List<Session>> byCode(Schedule schedule) {
    Map<String, List<Session>> sessions = new LinkedHashMap<>();
    for (Session session : schedule.sessions()) {
      if (!session.isBreak()) {
        sessions.computeIfAbsent(session.code(), c -> new ArrayList<>()).add(session);
      }
    }
    return sessions;
  }
}
