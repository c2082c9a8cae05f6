package dev.confbot.adapter.pretix;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.confbot.core.port.GatewayException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs pretix calls within the shared request rate, retries I/O errors and 5xx with exponential
 * backoff (bounded), waits out 429s as {@code Retry-After} says (pausing every caller), and turns
 * every failure into a {@link GatewayException} whose message names the request and the HTTP
 * status, never the token.
 */
final class PretixHttp {
  static final String SYSTEM = "pretix";

  /** 429s tolerated for one request before giving up. */
  static final int MAX_RATE_LIMITED = 8;

  private static final Logger log = LoggerFactory.getLogger(PretixHttp.class);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  /** The body and headers of a successful answer. */
  record Fetched<T>(T body, Headers headers) {}

  private final RequestPacer pacer;
  private final Sleeper sleeper;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration retryBackoff;

  PretixHttp(
      RequestPacer pacer, Sleeper sleeper, Clock clock, int maxAttempts, Duration retryBackoff) {
    this.pacer = pacer;
    this.sleeper = sleeper;
    this.clock = clock;
    this.maxAttempts = maxAttempts;
    this.retryBackoff = retryBackoff;
  }

  /**
   * Executes the call (a fresh one per attempt). Returns empty for 404 when {@code
   * notFoundIsEmpty}; throws {@link GatewayException} for anything else that is not a 2xx with a
   * body.
   */
  <T> Optional<Fetched<T>> fetch(Supplier<Call<T>> call, String what, boolean notFoundIsEmpty) {
    int failures = 0;
    int rateLimited = 0;
    while (true) {
      Response<T> response;
      try {
        pacer.acquire();
        response = call.get().execute();
      } catch (InterruptedException | InterruptedIOException e) {
        if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
          Thread.currentThread().interrupt();
          throw new GatewayException(SYSTEM, what + " was interrupted", e);
        }
        failures = retryOrThrow(failures, what, "timed out", e);
        continue;
      } catch (JsonEncodingException | JsonDataException e) {
        throw new GatewayException(SYSTEM, what + " returned malformed JSON", e);
      } catch (IOException e) {
        failures = retryOrThrow(failures, what, "failed (" + e.getClass().getSimpleName() + ")", e);
        continue;
      } catch (RuntimeException e) {
        throw new GatewayException(SYSTEM, what + " failed unexpectedly", e);
      }
      int code = response.code();
      if (response.isSuccessful()) {
        T body = response.body();
        if (body == null) {
          throw new GatewayException(SYSTEM, what + " returned an empty body", null);
        }
        return Optional.of(new Fetched<>(body, response.headers()));
      }
      close(response.errorBody());
      if (code == 404 && notFoundIsEmpty) {
        return Optional.empty();
      }
      if (code == 429) {
        rateLimited++;
        if (rateLimited > MAX_RATE_LIMITED) {
          throw new GatewayException(SYSTEM, what + " stayed rate-limited (HTTP 429)", null);
        }
        Duration wait = retryAfter(response.headers().get("Retry-After"));
        log.warn("pretix rate limit hit on {}; pausing requests for {}", what, wait);
        pacer.pauseFor(wait);
        continue;
      }
      if (code >= 500) {
        failures = retryOrThrow(failures, what, "answered HTTP " + code, null);
        continue;
      }
      throw new GatewayException(SYSTEM, what + " " + describe(code), null);
    }
  }

  private int retryOrThrow(int failures, String what, String problem, @Nullable Throwable cause) {
    int attempts = failures + 1;
    if (attempts >= maxAttempts) {
      throw new GatewayException(
          SYSTEM, what + " " + problem + " after " + attempts + " attempt(s)", cause);
    }
    Duration backoff = retryBackoff.multipliedBy(1L << Math.min(attempts - 1, 10));
    log.debug("pretix {} {}; retry {} in {}", what, problem, attempts, backoff);
    try {
      sleeper.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(SYSTEM, what + " was interrupted", e);
    }
    return attempts;
  }

  /** {@code Retry-After} as seconds or an HTTP date; 1 s if absent or unreadable, at most 5 min. */
  Duration retryAfter(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    String value = header.strip();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException notADate) {
        return DEFAULT_RETRY_AFTER;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private static String describe(int code) {
    return switch (code) {
      case 401 -> "was refused: pretix does not accept the API token (HTTP 401)";
      case 403 ->
          "was refused: the token's team may not view orders, or the event does not exist"
              + " (HTTP 403)";
      case 404 -> "found nothing: check the organizer and event slugs (HTTP 404)";
      default -> "answered HTTP " + code;
    };
  }

  private static void close(@Nullable ResponseBody body) {
    if (body != null) {
      body.close();
    }
  }
}
