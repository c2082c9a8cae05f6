package dev.confbot.core.remind;

import dev.confbot.core.schedule.Session;
import java.time.Instant;

/** The outcome of a member's {@code /remind}. */
public sealed interface SubscribeResult {

  /**
   * The member has a reminder for the session (new, or already there).
   *
   * @param remindAt when the direct message will be sent (now, if the lead has already begun)
   * @param isNew false when the member had subscribed before
   * @param dmsClosed true when the confirmation DM was refused: the member's DMs are closed
   */
  record Subscribed(Session session, Instant remindAt, boolean isNew, boolean dmsClosed)
      implements SubscribeResult {}

  /**
   * The member's reminder for the session was sent already (for example, the session moved later
   * after the reminder went out); nothing changed and no confirmation was sent.
   */
  record AlreadyReminded(Session session) implements SubscribeResult {}

  /** The session has started (or ended); nothing was stored. */
  record AlreadyStarted(Session session) implements SubscribeResult {}

  /** No session matches what the member typed. */
  record UnknownSession(String input) implements SubscribeResult {}

  /** The schedule has not been loaded yet. */
  record NoProgramme() implements SubscribeResult {}

  /** The store failed; the member should try again later. */
  record Unavailable(String system) implements SubscribeResult {}
}
