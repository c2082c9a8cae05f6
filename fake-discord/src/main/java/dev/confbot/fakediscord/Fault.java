package dev.confbot.fakediscord;

import java.time.Duration;

/**
 * A failure the fake answers instead of handling a request, queued with {@link
 * FakeDiscord#failNext(String, Fault)}.
 */
public sealed interface Fault {

  /**
   * A 429 as Discord sends it: {@code Retry-After} (whole seconds, rounded up), {@code Via}, {@code
   * X-RateLimit-*} headers and a {@code retry_after} body, so JDA waits and retries.
   */
  static Fault rateLimited(Duration retryAfter) {
    return new RateLimited(retryAfter);
  }

  /** An error status with a Discord JSON body ({@code code} 0 and a generic message). */
  static Fault status(int httpStatus) {
    return new Status(httpStatus, 0, "Injected failure " + httpStatus);
  }

  /** An error status with a specific Discord error code and message. */
  static Fault error(int httpStatus, int code, String message) {
    return new Status(httpStatus, code, message);
  }

  /**
   * The request is carried out (a message is stored, a role given) but its answer is lost: the
   * client gets {@code httpStatus} instead, as when a proxy times out or fails after Discord did
   * the work. The client cannot tell whether anything happened.
   */
  static Fault responseLost(int httpStatus) {
    return new ResponseLost(httpStatus);
  }

  /**
   * A lost answer after the work was done.
   *
   * @param httpStatus the error status the client sees, 500–599
   */
  record ResponseLost(int httpStatus) implements Fault {
    /** Rejects statuses that are no server error. */
    public ResponseLost {
      if (httpStatus < 500 || httpStatus > 599) {
        throw new IllegalArgumentException("httpStatus must be 500-599: " + httpStatus);
      }
    }
  }

  /**
   * A rate limit answer.
   *
   * @param retryAfter how long the client must wait
   */
  record RateLimited(Duration retryAfter) implements Fault {
    /** Rejects negative durations. */
    public RateLimited {
      if (retryAfter.isNegative()) {
        throw new IllegalArgumentException("retryAfter must not be negative");
      }
    }
  }

  /**
   * An HTTP error answer.
   *
   * @param httpStatus HTTP status, 400–599
   * @param code Discord JSON error code
   * @param message Discord error message
   */
  record Status(int httpStatus, int code, String message) implements Fault {
    /** Rejects non-error statuses. */
    public Status {
      if (httpStatus < 400 || httpStatus > 599) {
        throw new IllegalArgumentException("httpStatus must be 400-599: " + httpStatus);
      }
    }
  }
}
