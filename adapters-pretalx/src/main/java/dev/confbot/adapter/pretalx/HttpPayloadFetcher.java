package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.GatewayException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * Fetches the schedule over HTTP with conditional requests. pretalx compares {@code If-None-Match}
 * with its unquoted hash, so the entity tag is stored and sent back without quotes.
 */
final class HttpPayloadFetcher implements PayloadFetcher {

  private final PretalxApi api;
  private final PretalxSettings settings;
  private final String location;

  HttpPayloadFetcher(PretalxApi api, PretalxSettings settings) {
    this.api = api;
    this.settings = settings;
    this.location = redacted(settings.source());
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
    try {
      return body.string();
    } catch (IOException e) {
      throw new GatewayException(
          "pretalx", "the answer from " + location + " broke off while reading", e);
    }
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
