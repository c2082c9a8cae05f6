package dev.confbot.core.notify;

import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.schedule.Session;
import java.util.List;

/**
 * One message of a rendered notification and the sessions it announces, so that the scheduler can
 * record exactly those sessions in the ledger around sending it.
 */
public record RenderedMessage(OutgoingMessage message, List<Session> sessions) {

  public RenderedMessage {
    sessions = List.copyOf(sessions);
  }

  /** The ledger keys of the announced sessions in the message's channel. */
  public List<NotificationLog.Key> keys() {
    return sessions.stream().map(s -> PlannedNotification.key(s, message.channel())).toList();
  }
}
