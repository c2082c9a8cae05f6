package dev.confbot.core.registration;

/** What happens when a sync shows that a claimed ticket was cancelled or refunded. */
public enum CancellationPolicy {
  /** Remove the ticket's roles (those no other ticket of the member gives) and free the claim. */
  REVOKE,
  /** Keep roles and claim; only alert the organizers. */
  ALERT_ONLY
}
