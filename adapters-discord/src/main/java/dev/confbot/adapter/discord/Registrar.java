package dev.confbot.adapter.discord;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What the Discord adapter needs from registration: an answer for a submitted form, and the roles
 * of a returning member. The app binds it to the core's registration service, so that this module
 * knows nothing of the service's internals.
 */
public interface Registrar {

  /**
   * Registers the member with the typed order code and name; the future completes with the
   * attendee's answer. Called on a confbot worker thread, which it may hold for work that does not
   * wait on other systems (an indexed ticket); work that waits (a direct lookup at pretix) must not
   * hold it, and what follows such a wait runs on {@code continueOn}.
   *
   * @param memberId the Discord user id
   * @param orderCode the order code as typed (unnormalised)
   * @param fullName the name as typed
   * @param locale the member's Discord locale, for the answer's language
   * @param continueOn the workers, for the rest of a registration that waited; when it refuses
   *     (full, or the bot stopping) the future completes exceptionally with that {@link
   *     java.util.concurrent.RejectedExecutionException} as its cause
   */
  CompletionStage<String> register(
      long memberId, String orderCode, String fullName, Locale locale, Executor continueOn);

  /** A member joined the server (again): give back the roles of their existing claims. */
  void memberJoined(long memberId);
}
