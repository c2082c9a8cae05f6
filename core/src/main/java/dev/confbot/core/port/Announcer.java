package dev.confbot.core.port;

import dev.confbot.core.model.OutgoingMessage;

/**
 * Posts messages to the conference server's channels (Discord channels or webhooks), and looks for
 * a message whose delivery is in doubt so that it is never posted twice.
 */
public interface Announcer {

  /** The longest nonce a platform takes (Discord: 25 characters). */
  int NONCE_MAX = 25;

  /** How a send ended when it did not certainly fail. */
  enum Delivery {
    /** The platform accepted the message. */
    DELIVERED,
    /**
     * The outcome is unknown (a timeout, a server error, a lost response after the message was
     * handed over): the message may be in the channel, so sending it again blind could show it
     * twice. Check with {@link #find} first.
     */
    UNCERTAIN
  }

  /** Whether a message whose delivery was {@link Delivery#UNCERTAIN} is in its channel. */
  enum Presence {
    /** It is there: it was delivered. */
    FOUND,
    /** The channel's recent messages were read and it is not among them. */
    ABSENT,
    /** The check failed this time (platform unreachable); it may work later. */
    UNKNOWN,
    /**
     * The channel's messages cannot be read at all (a webhook has no history to read, or the bot
     * may not read the channel's history): the outcome will never be known.
     */
    UNCHECKABLE
  }

  /**
   * Delivers one message to its channel.
   *
   * @param nonce identifies this message across attempts, at most {@value #NONCE_MAX} characters;
   *     the same message is always sent with the same nonce, so the platform can drop a repeat
   *     (Discord's {@code enforce_nonce}) and {@link #find} can recognise it
   * @return {@link Delivery#DELIVERED}, or {@link Delivery#UNCERTAIN} when the message may or may
   *     not have arrived
   * @throws GatewayException when the message certainly was not delivered (unknown channel, missing
   *     permission, refused, platform not connected); the caller may retry
   */
  Delivery send(OutgoingMessage message, String nonce);

  /**
   * Looks for a message sent earlier with {@link #send} among its channel's recent messages: by
   * nonce, or (where the platform does not return nonces) by the bot's own message with the same
   * content and embed titles. Never throws: a failed check is {@link Presence#UNKNOWN}.
   */
  Presence find(OutgoingMessage message, String nonce);
}
