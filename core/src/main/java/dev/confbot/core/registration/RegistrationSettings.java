package dev.confbot.core.registration;

import dev.confbot.core.model.OrderStatus;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Tunables of {@link RegistrationService}.
 *
 * @param allowedStates order states that may register (default: paid only); never cancelled
 * @param setNickname whether to set the member's nickname to the ticket name (≤ 32 characters)
 * @param maxFailedAttempts failed attempts per account allowed within {@code failedAttemptWindow}
 * @param failedAttemptWindow the sliding window of the failed-attempt limit
 * @param negativeCacheTtl how long an order code unknown to the ticket source is answered from
 *     memory without asking again
 * @param unavailableAlertInterval at most one organizer alert per this interval while the ticket
 *     source is unreachable (every attempt is still logged)
 */
public record RegistrationSettings(
    Set<OrderStatus> allowedStates,
    boolean setNickname,
    int maxFailedAttempts,
    Duration failedAttemptWindow,
    Duration negativeCacheTtl,
    Duration unavailableAlertInterval) {

  public RegistrationSettings {
    allowedStates = Set.copyOf(allowedStates);
    if (allowedStates.isEmpty() || allowedStates.contains(OrderStatus.CANCELED)) {
      throw new IllegalArgumentException(
          "allowed order states must be non-empty and exclude cancelled: " + allowedStates);
    }
    if (maxFailedAttempts < 1) {
      throw new IllegalArgumentException("max failed attempts must be at least 1");
    }
    requirePositive(failedAttemptWindow, "failed-attempt window");
    if (negativeCacheTtl.isNegative()) {
      throw new IllegalArgumentException("negative cache TTL must not be negative");
    }
    if (unavailableAlertInterval.isNegative()) {
      throw new IllegalArgumentException("alert interval must not be negative");
    }
  }

  /** Paid only, no nickname, 5 failures per 10 minutes, 30 s negative cache, 5 min alerts. */
  public static RegistrationSettings defaults() {
    return new RegistrationSettings(
        EnumSet.of(OrderStatus.PAID),
        false,
        5,
        Duration.ofMinutes(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(5));
  }

  /** A copy with the nickname option set. */
  public RegistrationSettings withNickname(boolean enabled) {
    return new RegistrationSettings(
        allowedStates,
        enabled,
        maxFailedAttempts,
        failedAttemptWindow,
        negativeCacheTtl,
        unavailableAlertInterval);
  }

  /** A copy with other allowed order states. */
  public RegistrationSettings withAllowedStates(Set<OrderStatus> states) {
    return new RegistrationSettings(
        states,
        setNickname,
        maxFailedAttempts,
        failedAttemptWindow,
        negativeCacheTtl,
        unavailableAlertInterval);
  }

  private static void requirePositive(Duration d, String what) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(what + " must be positive, was " + d);
    }
  }
}
