package dev.confbot.adapter.pretix;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach one pretix event and how hard to use it. Built by the app from the configuration.
 *
 * @param endpoint which pretix, organizer, event and token
 * @param limits how fast and how much at once
 * @param timeouts how long a request may take
 * @param retries how often a failed request is tried again
 */
public record PretixSettings(Endpoint endpoint, Limits limits, Timeouts timeouts, Retries retries) {

  /** pretix Hosted's limit for token authentication. */
  public static final int PRETIX_HOSTED_REQUESTS_PER_MINUTE = 360;

  private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * The event's API.
   *
   * @param baseUrl API root ending in {@code /}, e.g. {@code https://pretix.eu/api/v1/}
   * @param organizer organizer slug
   * @param event event slug
   * @param token team API token, sent as {@code Authorization: Token …}; never printed
   */
  public record Endpoint(String baseUrl, String organizer, String event, String token) {
    public Endpoint {
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
    }

    @Override
    public String toString() {
      return "Endpoint[baseUrl="
          + baseUrl
          + ", organizer="
          + organizer
          + ", event="
          + event
          + ", token=***]";
    }
  }

  /**
   * Rates and concurrency.
   *
   * @param requestsPerMinute request rate shared by every call (pretix Hosted allows 360); 0 lifts
   *     the limit (self-hosted pretix, local stand-ins)
   * @param maxConcurrentPages how many order pages a full sync fetches at once (1 = sequential)
   * @param directLookupsPerMinute rate of single-order lookups (index misses), on top of which the
   *     shared request rate applies; lookups beyond it fail fast
   * @param negativeCacheTtl how long an order code that pretix did not know is answered as unknown
   *     without asking again
   */
  public record Limits(
      int requestsPerMinute,
      int maxConcurrentPages,
      int directLookupsPerMinute,
      Duration negativeCacheTtl) {
    public Limits {
      requireAtLeast("requests per minute", requestsPerMinute, 0);
      requireAtLeast("max concurrent pages", maxConcurrentPages, 1);
      requireAtLeast("direct lookups per minute", directLookupsPerMinute, 1);
      if (negativeCacheTtl.isNegative()) {
        throw new IllegalArgumentException("negative cache TTL must not be negative");
      }
    }
  }

  /**
   * Request timeouts.
   *
   * @param connect TCP connect timeout
   * @param read time allowed between bytes of a response
   * @param call time allowed for one whole request, body included
   */
  public record Timeouts(Duration connect, Duration read, Duration call) {
    public Timeouts {
      requirePositive("connect timeout", connect);
      requirePositive("read timeout", read);
      requirePositive("call timeout", call);
    }
  }

  /**
   * Retries on I/O errors and 5xx answers.
   *
   * @param maxAttempts attempts per request (1 = no retry)
   * @param backoff wait before the first retry; doubled for each further one
   */
  public record Retries(int maxAttempts, Duration backoff) {
    public Retries {
      requireAtLeast("max attempts", maxAttempts, 1);
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("retry backoff must not be negative");
      }
    }
  }

  /**
   * Settings with the defaults: 360 requests/minute, 4 pages at once, 5 s connect, 20 s read, 60 s
   * call timeout, 3 attempts from 500 ms backoff, 60 s negative cache, 60 direct lookups/minute.
   */
  public static PretixSettings defaults(
      String baseUrl, String organizer, String event, String token) {
    return new PretixSettings(
        new Endpoint(baseUrl, organizer, event, token),
        new Limits(PRETIX_HOSTED_REQUESTS_PER_MINUTE, 4, 60, Duration.ofSeconds(60)),
        new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60)),
        new Retries(3, Duration.ofMillis(500)));
  }

  /** A copy with another shared request rate (0 = unlimited). */
  public PretixSettings withRequestsPerMinute(int perMinute) {
    return withLimits(
        new Limits(
            perMinute,
            limits.maxConcurrentPages(),
            limits.directLookupsPerMinute(),
            limits.negativeCacheTtl()));
  }

  /** A copy fetching this many order pages at once. */
  public PretixSettings withMaxConcurrentPages(int pages) {
    return withLimits(
        new Limits(
            limits.requestsPerMinute(),
            pages,
            limits.directLookupsPerMinute(),
            limits.negativeCacheTtl()));
  }

  /** A copy with another direct-lookup policy. */
  public PretixSettings withDirectLookups(int perMinute, Duration negativeTtl) {
    return withLimits(
        new Limits(
            limits.requestsPerMinute(), limits.maxConcurrentPages(), perMinute, negativeTtl));
  }

  /** A copy with other rates and concurrency. */
  public PretixSettings withLimits(Limits other) {
    return new PretixSettings(endpoint, other, timeouts, retries);
  }

  /** A copy with other timeouts. */
  public PretixSettings withTimeouts(Duration connect, Duration read, Duration call) {
    return new PretixSettings(endpoint, limits, new Timeouts(connect, read, call), retries);
  }

  /** A copy with another retry policy. */
  public PretixSettings withRetries(int attempts, Duration backoff) {
    return new PretixSettings(endpoint, limits, timeouts, new Retries(attempts, backoff));
  }

  /** The event's API root, {@code <base>organizers/<org>/events/<event>/}. */
  public String eventUrl() {
    return endpoint.baseUrl()
        + "organizers/"
        + endpoint.organizer()
        + "/events/"
        + endpoint.event()
        + "/";
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
