package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;

/** Sends private (direct) messages to members, e.g. session reminders. */
public interface DirectMessenger {

  /** How a direct message ended. */
  enum Delivery {
    /** The platform accepted the message. */
    DELIVERED,
    /**
     * The member does not accept direct messages from the bot (Discord error 50007, or the member
     * left the server); retrying will not help until the member changes their privacy settings.
     */
    CLOSED,
    /**
     * The send may or may not have reached the member (a timeout, a server error, an interrupted
     * call or a lost response after the message was handed over): sending again could show it
     * twice. Callers that promise "once" must not retry it.
     */
    UNCERTAIN
  }

  /**
   * Sends one plain-text message (Markdown, at most 2,000 characters) to the member.
   *
   * @return {@link Delivery#CLOSED} when the member cannot receive direct messages from the bot;
   *     {@link Delivery#UNCERTAIN} when the outcome is unknown and a retry might repeat the message
   * @throws GatewayException only when the message certainly was not delivered (platform not
   *     connected, the DM channel could not be opened, the message was refused); the caller may
   *     retry
   */
  Delivery send(MemberId member, String content);
}
