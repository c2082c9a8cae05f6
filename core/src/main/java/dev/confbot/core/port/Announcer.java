package dev.confbot.core.port;

import dev.confbot.core.model.OutgoingMessage;

/** Posts messages to the conference server's channels (Discord channels or webhooks). */
public interface Announcer {

  /**
   * Delivers one message to its channel and returns once the platform accepted it.
   *
   * @throws GatewayException when the message could not be delivered (unknown channel, missing
   *     permission, platform unreachable); the caller may retry
   */
  void send(OutgoingMessage message);
}
