package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.schedule.Schedule;
import java.time.Clock;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;

/**
 * The schedule from a pretalx URL: the frab export or a REST schedule, recognised by shape. Each
 * {@link #fetch()} sends a conditional request (the unquoted ETag as {@code If-None-Match}, and
 * {@code If-Modified-Since}); a 304 or an unchanged payload returns the same {@link Schedule}
 * instance without parsing again. When pretalx fails (5xx, timeout, bad JSON…) the last good
 * schedule is returned (from memory or, after a restart, from the {@link ScheduleCache}) and the
 * organizers are alerted once per outage; with nothing to fall back on it throws {@code
 * GatewayException("pretalx", …)}. Thread-safe.
 */
public final class PretalxScheduleSource extends ScheduleRefresher {

  private PretalxScheduleSource(
      HttpPayloadFetcher fetcher,
      PretalxSettings settings,
      Clock clock,
      AuditSink audit,
      ScheduleCache cache) {
    super(fetcher, settings, clock, audit, cache);
  }

  /**
   * A source for {@code settings.source()}, an {@code http(s)} URL. Does no I/O.
   *
   * @param http the shared client; timeouts from the settings are applied to a derived client
   * @throws IllegalArgumentException when the source is not an http(s) URL
   */
  public static PretalxScheduleSource create(
      PretalxSettings settings,
      OkHttpClient http,
      Clock clock,
      AuditSink audit,
      ScheduleCache cache) {
    HttpUrl url = HttpUrl.parse(settings.source());
    if (url == null || !settings.isUrl()) {
      throw new IllegalArgumentException(
          "pretalx source is not an http(s) URL: "
              + HttpPayloadFetcher.redacted(settings.source()));
    }
    return new PretalxScheduleSource(fetcher(settings, http, clock), settings, clock, audit, cache);
  }

  /**
   * The conditional HTTP fetcher of {@code settings.source()} (an http(s) URL, checked by the
   * caller), with the settings' timeouts.
   */
  static HttpPayloadFetcher fetcher(PretalxSettings settings, OkHttpClient http, Clock clock) {
    HttpUrl url = Objects.requireNonNull(HttpUrl.parse(settings.source()), "source URL");
    OkHttpClient client =
        http.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .readTimeout(settings.readTimeout())
            .callTimeout(settings.connectTimeout().plus(settings.readTimeout()))
            .build();
    PretalxApi api =
        new Retrofit.Builder()
            .baseUrl(url.newBuilder().encodedPath("/").query(null).fragment(null).build())
            .client(client)
            .build()
            .create(PretalxApi.class);
    return new HttpPayloadFetcher(api, settings, clock);
  }
}
