package dev.confbot.core.notify;

import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.schedule.Session;
import java.time.Instant;
import java.util.List;

/**
 * One notification the planner scheduled: the sessions starting in one minute, announced in one
 * channel at one instant. The renderer may split it into several messages.
 *
 * @param kind main-channel overview or room-channel message
 * @param channel the target channel name or id
 * @param due when it should be sent
 * @param start the start minute of its sessions
 * @param sessions the sessions to announce (not yet in the ledger), ordered by start, room, code
 */
public record PlannedNotification(
    Kind kind, String channel, Instant due, Instant start, List<Session> sessions) {

  /** Which channel family a notification goes to. */
  public enum Kind {
    /** The main programme channel: every session of the start minute. */
    MAIN,
    /** A room's channel: the sessions of that room. */
    ROOM
  }

  public PlannedNotification {
    sessions = List.copyOf(sessions);
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException("a notification announces at least one session");
    }
  }

  /** The ledger keys of its sessions (code, channel, the session's own start instant). */
  public List<NotificationLog.Key> keys() {
    return sessions.stream().map(s -> key(s, channel)).toList();
  }

  /** The ledger key of a session announced in a channel. */
  public static NotificationLog.Key key(Session session, String channel) {
    return new NotificationLog.Key(session.code(), channel, session.startInstant());
  }
}
