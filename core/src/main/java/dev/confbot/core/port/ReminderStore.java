package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Attendees' session reminders, persisted so that a reminder survives restarts and is sent once. A
 * subscription is identified by (member, session code) and moves from <em>pending</em> to
 * <em>sent</em> exactly once: {@link #markSent} is atomic across threads and processes, so the
 * caller that wins it is the only one that sends. Implementations are safe for concurrent use; all
 * methods throw {@link GatewayException} when the store fails.
 */
public interface ReminderStore {

  /**
   * One member's wish to be reminded of one session.
   *
   * @param member who is reminded (by direct message)
   * @param sessionCode the session's schedule code (pretalx submission code), at most 100
   *     characters; the time is looked up in the current schedule when the reminder is due, so a
   *     moved session is reminded at its new time
   * @param locale the member's Discord locale when subscribing: the language of the reminder
   * @param created when the member subscribed
   */
  record Subscription(MemberId member, String sessionCode, Locale locale, Instant created) {
    public Subscription {
      if (sessionCode.isBlank() || sessionCode.length() > 100) {
        throw new IllegalArgumentException("session code must be 1-100 characters: " + sessionCode);
      }
    }
  }

  /**
   * Stores the subscription. Idempotent: returns false, changing nothing, when the member already
   * has one for the session (pending or sent).
   */
  boolean subscribe(Subscription subscription);

  /** The member's pending subscriptions, oldest first (then by session code). */
  List<Subscription> byMember(MemberId member);

  /** Forgets the member's subscription to the session (pending or sent); false if there is none. */
  boolean remove(MemberId member, String sessionCode);

  /** Pending subscriptions to one session, oldest first (then by member). */
  List<Subscription> pendingFor(String sessionCode);

  /** Every pending subscription, by session code, then oldest first, then by member. */
  List<Subscription> pending();

  /**
   * Moves a pending subscription to sent. Atomic: of several callers (threads or processes) exactly
   * one gets true; false when it is absent or already sent. Call it <em>before</em> sending, so
   * that a crash mid-send never repeats the message.
   */
  boolean markSent(MemberId member, String sessionCode, Instant at);

  /**
   * Moves a sent subscription back to pending after a delivery that certainly failed, so that it is
   * tried again; does nothing when it is absent or pending.
   */
  void clearSent(MemberId member, String sessionCode);
}
