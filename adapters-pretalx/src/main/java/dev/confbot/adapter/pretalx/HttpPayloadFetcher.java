package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.GatewayException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Fetches the schedule over HTTP with conditional requests. pretalx compares {@code If-None-Match}
 * with its unquoted hash, so the entity tag is stored and sent back without quotes.
 *
 * <p>A 429 or 503 with {@code Retry-After} (seconds or an HTTP date, at most {@link
 * #MAX_RETRY_AFTER}) is honoured as the pretix adapter does: no request goes to pretalx before that
 * time; fetches until then fail at once (the refresher keeps the last good schedule). A success
 * body is read up to {@link #MAX_PAYLOAD_BYTES}; error bodies are never read.
 */
final class HttpPayloadFetcher implements PayloadFetcher {
  /** The largest schedule accepted (the biggest real exports are a few MB). */
  static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

  /** The longest pause a {@code Retry-After} can ask for. */
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  private final PretalxApi api;
  private final PretalxSettings settings;
  private final Clock clock;
  private final String location;
  private final int maxPayloadBytes;
  private volatile Instant quietUntil = Instant.MIN;

  HttpPayloadFetcher(PretalxApi api, PretalxSettings settings, Clock clock) {
    this(api, settings, clock, MAX_PAYLOAD_BYTES);
  }

  /** With a smaller payload limit, for tests. */
  HttpPayloadFetcher(PretalxApi api, PretalxSettings settings, Clock clock, int maxPayloadBytes) {
    this.api = api;
    this.settings = settings;
    this.clock = clock;
    this.location = redacted(settings.source());
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** The URL without user info, query or fragment, safe for messages. */
  static String redacted(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      return "(invalid URL)";
    }
    return parsed
        .newBuilder()
        .username("")
        .password("")
        .query(null)
        .fragment(null)
        .build()
        .toString();
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public Result fetch(@Nullable String etag, @Nullable String lastModified) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept", "application/json");
    if (settings.token() != null) {
      headers.put("Authorization", "Token " + settings.token());
    }
    if (settings.apiVersion() != null) {
      headers.put("Pretalx-Version", settings.apiVersion());
    }
    if (etag != null) {
      headers.put("If-None-Match", etag);
    }
    if (lastModified != null) {
      headers.put("If-Modified-Since", lastModified);
    }
    Instant now = clock.instant();
    Instant quiet = quietUntil;
    if (now.isBefore(quiet)) {
      throw new GatewayException(
          "pretalx",
          "pretalx asked to wait (Retry-After): no request to "
              + location
              + " before "
              + quiet.truncatedTo(ChronoUnit.SECONDS),
          null);
    }
    Response<ResponseBody> response;
    try {
      response = api.schedule(settings.source(), headers).execute();
    } catch (InterruptedIOException e) {
      throw new GatewayException(
          "pretalx", "no answer from " + location + " within " + human(settings.readTimeout()), e);
    } catch (IOException e) {
      throw new GatewayException(
          "pretalx", "cannot reach " + location + " (" + e.getClass().getSimpleName() + ")", e);
    }
    ResponseBody errorBody = response.errorBody();
    if (errorBody != null) {
      errorBody.close();
    }
    try (ResponseBody body = response.body()) {
      int code = response.code();
      if (code == 304) {
        return new NotModified();
      }
      if (!response.isSuccessful() || body == null) {
        if (code == 429 || code == 503) {
          retryAfter(response.headers().get("Retry-After"), now)
              .ifPresent(wait -> quietUntil = now.plus(wait));
        }
        throw new GatewayException("pretalx", failure(code, response), null);
      }
      String payload = readBody(body);
      return new Fresh(
          payload,
          unquote(response.headers().get("ETag")),
          response.headers().get("Last-Modified"));
    }
  }

  private String readBody(ResponseBody body) {
    long declared = body.contentLength();
    if (declared > maxPayloadBytes) {
      throw tooLarge();
    }
    try (InputStream in = body.byteStream()) {
      byte[] bytes = in.readNBytes(maxPayloadBytes + 1);
      if (bytes.length > maxPayloadBytes) {
        throw tooLarge();
      }
      MediaType type = body.contentType();
      Charset charset = type == null ? null : type.charset();
      return new String(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
    } catch (IOException e) {
      throw new GatewayException(
          "pretalx", "the answer from " + location + " broke off while reading", e);
    }
  }

  private GatewayException tooLarge() {
    return new GatewayException(
        "pretalx",
        "the answer from "
            + location
            + " is larger than "
            + (maxPayloadBytes >= 1 << 20
                ? (maxPayloadBytes >> 20) + " MB"
                : (maxPayloadBytes >> 10) + " KB")
            + ": not a schedule export",
        null);
  }

  /**
   * {@code Retry-After} as seconds or an HTTP date, at most {@link #MAX_RETRY_AFTER}; empty when
   * absent or unreadable.
   */
  static Optional<Duration> retryAfter(@Nullable String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(now, at.toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative() || wait.isZero()) {
      return Optional.empty();
    }
    return Optional.of(wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
  }

  private String failure(int code, Response<ResponseBody> response) {
    if (code == 401 || code == 403) {
      return settings.token() == null
          ? "HTTP "
              + code
              + " from "
              + location
              + ": the schedule is not public, set a pretalx token"
          : "HTTP " + code + " from " + location + ": the pretalx token was refused";
    }
    if (code == 404) {
      return "HTTP 404: no schedule at " + location + " (check the event slug and the URL)";
    }
    if (code == 429) {
      String retryAfter = response.headers().get("Retry-After");
      return "HTTP 429: pretalx rate limit reached"
          + (retryAfter == null ? "" : ", retry after " + retryAfter + " s");
    }
    if (code == 503) {
      String retryAfter = response.headers().get("Retry-After");
      return "HTTP 503 from "
          + location
          + (retryAfter == null ? "" : ", retry after " + retryAfter.strip() + " s");
    }
    return "HTTP " + code + " from " + location;
  }

  private static String human(Duration duration) {
    return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
  }

  /** {@code "abc"} and {@code W/"abc"} → {@code abc}; null stays null. */
  static @Nullable String unquote(@Nullable String etag) {
    if (etag == null) {
      return null;
    }
    String value = etag.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    return value.isEmpty() ? null : value;
  }
}
