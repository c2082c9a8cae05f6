package dev.confbot.adapter.pretix;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach one pretix event and how hard to use it. Built by the app from the configuration.
 *
 * @param baseUrl API root ending in {@code /}, e.g. {@code https://pretix.eu/api/v1/}
 * @param organizer organizer slug
 * @param event event slug
 * @param token team API token, sent as {@code Authorization: Token …}; never printed
 * @param requestsPerMinute request rate shared by every call (pretix Hosted allows 360); 0 lifts
 *     the limit (self-hosted pretix, local stand-ins)
 * @param maxConcurrentPages how many order pages a full sync fetches at once (1 = sequential)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time allowed between bytes of a response
 * @param callTimeout time allowed for one whole request, body included
 * @param maxAttempts attempts per request on I/O errors and 5xx answers (1 = no retry)
 * @param retryBackoff wait before the first retry; doubled for each further one
 * @param negativeCacheTtl how long an order code that pretix did not know is answered as unknown
 *     without asking again
 * @param directLookupsPerMinute rate of single-order lookups (index misses), on top of which the
 *     shared request rate applies; lookups beyond it fail fast
 */
public record PretixSettings(
    String baseUrl,
    String organizer,
    String event,
    String token,
    int requestsPerMinute,
    int maxConcurrentPages,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    int maxAttempts,
    Duration retryBackoff,
    Duration negativeCacheTtl,
    int directLookupsPerMinute) {

  /** pretix Hosted's limit for token authentication. */
  public static final int PRETIX_HOSTED_REQUESTS_PER_MINUTE = 360;

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public PretixSettings {
    if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
      throw new IllegalArgumentException("pretix base URL must start with https://: " + baseUrl);
    }
    if (!baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    requireSlug("organizer", organizer);
    requireSlug("event", event);
    if (token.isBlank()) {
      throw new IllegalArgumentException("pretix token must not be blank");
    }
    requireAtLeast("requests per minute", requestsPerMinute, 0);
    requireAtLeast("max concurrent pages", maxConcurrentPages, 1);
    requirePositive("connect timeout", connectTimeout);
    requirePositive("read timeout", readTimeout);
    requirePositive("call timeout", callTimeout);
    requireAtLeast("max attempts", maxAttempts, 1);
    if (retryBackoff.isNegative()) {
      throw new IllegalArgumentException("retry backoff must not be negative");
    }
    if (negativeCacheTtl.isNegative()) {
      throw new IllegalArgumentException("negative cache TTL must not be negative");
    }
    requireAtLeast("direct lookups per minute", directLookupsPerMinute, 1);
  }

  /**
   * Settings with the defaults: 360 requests/minute, 4 pages at once, 5 s connect, 20 s read, 60 s
   * call timeout, 3 attempts from 500 ms backoff, 60 s negative cache, 60 direct lookups/minute.
   */
  public static PretixSettings defaults(
      String baseUrl, String organizer, String event, String token) {
    return new PretixSettings(
        baseUrl,
        organizer,
        event,
        token,
        PRETIX_HOSTED_REQUESTS_PER_MINUTE,
        4,
        Duration.ofSeconds(5),
        Duration.ofSeconds(20),
        Duration.ofSeconds(60),
        3,
        Duration.ofMillis(500),
        Duration.ofSeconds(60),
        60);
  }

  /** A copy with another request rate (0 = unlimited). */
  public PretixSettings withRequestsPerMinute(int perMinute) {
    return new PretixSettings(
        baseUrl,
        organizer,
        event,
        token,
        perMinute,
        maxConcurrentPages,
        connectTimeout,
        readTimeout,
        callTimeout,
        maxAttempts,
        retryBackoff,
        negativeCacheTtl,
        directLookupsPerMinute);
  }

  /** A copy with another number of pages fetched at once. */
  public PretixSettings withMaxConcurrentPages(int pages) {
    return new PretixSettings(
        baseUrl,
        organizer,
        event,
        token,
        requestsPerMinute,
        pages,
        connectTimeout,
        readTimeout,
        callTimeout,
        maxAttempts,
        retryBackoff,
        negativeCacheTtl,
        directLookupsPerMinute);
  }

  /** A copy with other timeouts. */
  public PretixSettings withTimeouts(Duration connect, Duration read, Duration call) {
    return new PretixSettings(
        baseUrl,
        organizer,
        event,
        token,
        requestsPerMinute,
        maxConcurrentPages,
        connect,
        read,
        call,
        maxAttempts,
        retryBackoff,
        negativeCacheTtl,
        directLookupsPerMinute);
  }

  /** A copy with another retry policy. */
  public PretixSettings withRetries(int attempts, Duration backoff) {
    return new PretixSettings(
        baseUrl,
        organizer,
        event,
        token,
        requestsPerMinute,
        maxConcurrentPages,
        connectTimeout,
        readTimeout,
        callTimeout,
        attempts,
        backoff,
        negativeCacheTtl,
        directLookupsPerMinute);
  }

  /** A copy with another direct-lookup policy. */
  public PretixSettings withDirectLookups(int perMinute, Duration negativeTtl) {
    return new PretixSettings(
        baseUrl,
        organizer,
        event,
        token,
        requestsPerMinute,
        maxConcurrentPages,
        connectTimeout,
        readTimeout,
        callTimeout,
        maxAttempts,
        retryBackoff,
        negativeTtl,
        perMinute);
  }

  /** The event's API root, {@code <base>organizers/<org>/events/<event>/}. */
  public String eventUrl() {
    return baseUrl + "organizers/" + organizer + "/events/" + event + "/";
  }

  @Override
  public String toString() {
    return "PretixSettings[baseUrl="
        + baseUrl
        + ", organizer="
        + organizer
        + ", event="
        + event
        + ", token=***, requestsPerMinute="
        + requestsPerMinute
        + ", maxConcurrentPages="
        + maxConcurrentPages
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", callTimeout="
        + callTimeout
        + ", maxAttempts="
        + maxAttempts
        + ", retryBackoff="
        + retryBackoff
        + ", negativeCacheTtl="
        + negativeCacheTtl
        + ", directLookupsPerMinute="
        + directLookupsPerMinute
        + "]";
  }

  private static void requireSlug(String what, String value) {
    if (!SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException("pretix " + what + " is not a slug: " + value);
    }
  }

  private static void requireAtLeast(String what, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be at least " + min + ", was " + value);
    }
  }

  private static void requirePositive(String what, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }
}
