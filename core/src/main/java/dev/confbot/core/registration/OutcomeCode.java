package dev.confbot.core.registration;

/** The outcome of a registration attempt, as the CLI, metrics and logs name it. */
public enum OutcomeCode {
  REGISTERED,
  ALREADY_REGISTERED,
  CLAIMED_BY_OTHER,
  NAME_MISMATCH,
  ORDER_NOT_FOUND,
  ORDER_NOT_PAID,
  ORDER_CANCELED,
  TEST_MODE,
  INVALID_CODE,
  NO_ROLES_MAPPED,
  TOO_MANY_ATTEMPTS,
  TICKETS_UNAVAILABLE,
  /** The ticket was released (by an organizer) while the member was registering it. */
  INTERRUPTED;

  /** True for the outcomes that count against the per-account failed-attempt limit (guessing). */
  public boolean countsAsFailedAttempt() {
    return this == NAME_MISMATCH
        || this == ORDER_NOT_FOUND
        || this == INVALID_CODE
        || this == CLAIMED_BY_OTHER;
  }

  /** True for the outcomes that should get an organizer's attention in the log channel. */
  public boolean alertsOrganizers() {
    return this == CLAIMED_BY_OTHER || this == NO_ROLES_MAPPED || this == TICKETS_UNAVAILABLE;
  }
}
