package dev.confbot.adapter.pretalx;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to read the schedule.
 *
 * @param source an {@code http(s)://} URL (frab export or REST schedule) or a local file path
 * @param token pretalx API token, sent as {@code Authorization: Token …}; null for anonymous access
 *     (the public export and released REST schedules need none). Never printed.
 * @param apiVersion value of the {@code Pretalx-Version} header pinning the REST API version
 *     ({@code v1}, {@code v2}); null to send none
 * @param language preferred language of multilingual fields, e.g. {@code "en"}
 * @param eventZone the event's time zone, used when the payload names none (the REST shapes); null
 *     to take the first slot's offset
 * @param connectTimeout TCP connect timeout
 * @param readTimeout timeout between bytes of the answer (the whole call gets both added)
 * @param refreshInterval how often the schedule should be fetched again (default 5 minutes)
 */
public record PretalxSettings(
    String source,
    @Nullable String token,
    @Nullable String apiVersion,
    String language,
    @Nullable ZoneId eventZone,
    Duration connectTimeout,
    Duration readTimeout,
    Duration refreshInterval) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);

  public PretalxSettings {
    if (source.isBlank()) {
      throw new IllegalArgumentException("pretalx source must be a URL or a file path");
    }
    source = source.strip();
    token = token == null || token.isBlank() ? null : token.strip();
    apiVersion = apiVersion == null || apiVersion.isBlank() ? null : apiVersion.strip();
    if (language.isBlank()) {
      throw new IllegalArgumentException("pretalx language must not be blank");
    }
    requirePositive("connect timeout", connectTimeout);
    requirePositive("read timeout", readTimeout);
    requirePositive("refresh interval", refreshInterval);
  }

  /** Anonymous access to {@code source} in English with default timeouts, zone from payload. */
  public static PretalxSettings of(String source) {
    return new PretalxSettings(
        source,
        null,
        null,
        ScheduleParser.DEFAULT_LANGUAGE,
        null,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_REFRESH_INTERVAL);
  }

  /** A copy with the given token (null or blank for none). */
  public PretalxSettings withToken(@Nullable String newToken) {
    return new PretalxSettings(
        source,
        newToken,
        apiVersion,
        language,
        eventZone,
        connectTimeout,
        readTimeout,
        refreshInterval);
  }

  /** A copy with the given event zone. */
  public PretalxSettings withEventZone(@Nullable ZoneId zone) {
    return new PretalxSettings(
        source, token, apiVersion, language, zone, connectTimeout, readTimeout, refreshInterval);
  }

  /** A copy with the given timeouts. */
  public PretalxSettings withTimeouts(Duration connect, Duration read) {
    return new PretalxSettings(
        source, token, apiVersion, language, eventZone, connect, read, refreshInterval);
  }

  /** True when {@link #source} is an {@code http://} or {@code https://} URL. */
  public boolean isUrl() {
    String lower = source.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private static void requirePositive(String what, Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("pretalx " + what + " must be positive: " + duration);
    }
  }

  @Override
  public String toString() {
    return "PretalxSettings[source="
        + source
        + ", token="
        + (token == null ? "none" : "***")
        + ", apiVersion="
        + apiVersion
        + ", language="
        + language
        + ", eventZone="
        + eventZone
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", refreshInterval="
        + refreshInterval
        + "]";
  }
}
