package dev.confbot.adapter.discord;

import java.util.Locale;

/**
 * What the Discord adapter needs from registration: an answer for a submitted form, and the roles
 * of a returning member. The app binds it to the core's registration service, so that this module
 * knows nothing of the service's internals.
 */
public interface RegistrationDesk {

  /**
   * Registers the member with the typed order code and name and returns the attendee's answer. Runs
   * on a confbot worker thread; may block.
   *
   * @param memberId the Discord user id
   * @param orderCode the order code as typed (unnormalised)
   * @param fullName the name as typed
   * @param locale the member's Discord locale, for the answer's language
   */
  String register(long memberId, String orderCode, String fullName, Locale locale);

  /** A member joined the server (again): give back the roles of their existing claims. */
  void memberJoined(long memberId);
}
