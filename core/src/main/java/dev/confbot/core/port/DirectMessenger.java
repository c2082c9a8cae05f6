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
    CLOSED
  }

  /**
   * Sends one plain-text message (Markdown, at most 2,000 characters) to the member.
   *
   * @return {@link Delivery#CLOSED} when the member cannot receive direct messages from the bot
   * @throws GatewayException when it could not be delivered for another reason (platform
   *     unreachable, rate limited); the caller may retry
   */
  Delivery send(MemberId member, String content);
}
