package dev.confbot.adapter.pretalx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Retrofit;

/** pretalx asking the bot to wait, and answers too large to hold, against WireMock. */
class PretalxFaultsTest {
  @RegisterExtension
  static final WireMockExtension wiremock =
      WireMockExtension.newInstance()
          .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
          .configureStaticDsl(true)
          .build();

  private static final String PATH = "/api/events/europython-2023/schedules/latest/";
  private static final String JULY_1 = Fixtures.read("pretalx-schedule-response-20230701.json");

  private final TestClock clock = new TestClock(Instant.parse("2023-07-17T06:00:00Z"));
  private String url = "";

  @BeforeEach
  void setUp() {
    url = wiremock.baseUrl() + PATH;
  }

  private HttpPayloadFetcher fetcher(int maxBytes) {
    PretalxApi api =
        new Retrofit.Builder()
            .baseUrl(wiremock.baseUrl() + "/")
            .client(new OkHttpClient())
            .build()
            .create(PretalxApi.class);
    return new HttpPayloadFetcher(api, PretalxSettings.of(url), clock, maxBytes);
  }

  @Test
  void sendsNothingBeforeTheRetryAfterOfA429() {
    // given
    HttpPayloadFetcher fetcher = fetcher(HttpPayloadFetcher.MAX_PAYLOAD_BYTES);
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(429).withHeader("Retry-After", "120")));
    assertThatThrownBy(() -> fetcher.fetch(null, null))
        .hasMessage("pretalx: HTTP 429: pretalx rate limit reached, retry after 120 s");
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_1)));

    // when: 119 s later
    clock.advance(Duration.ofSeconds(119));

    // then: no request, a clear answer
    assertThatThrownBy(() -> fetcher.fetch(null, null))
        .isInstanceOf(GatewayException.class)
        .hasMessage(
            "pretalx: pretalx asked to wait (Retry-After): no request to "
                + url
                + " before 2023-07-17T06:02:00Z");
    verify(1, getRequestedFor(urlPathEqualTo(PATH)));

    // when: once the time has come
    clock.advance(Duration.ofSeconds(1));

    // then
    assertThat(fetcher.fetch(null, null)).isInstanceOf(PayloadFetcher.Fresh.class);
    verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void honoursAnHttpDateRetryAfterOfA503() {
    // given
    HttpPayloadFetcher fetcher = fetcher(HttpPayloadFetcher.MAX_PAYLOAD_BYTES);
    String inFiveMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            clock.instant().plusSeconds(300).atOffset(ZoneOffset.UTC));
    stubFor(
        get(urlPathEqualTo(PATH)).willReturn(status(503).withHeader("Retry-After", inFiveMinutes)));
    assertThatThrownBy(() -> fetcher.fetch(null, null)).hasMessageStartingWith("pretalx: HTTP 503");

    // when
    clock.advance(Duration.ofSeconds(299));

    // then
    assertThatThrownBy(() -> fetcher.fetch(null, null)).hasMessageContaining("asked to wait");
    verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    clock.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> fetcher.fetch(null, null)).hasMessageStartingWith("pretalx: HTTP 503");
    verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void capsAFarRetryAfterAndIgnoresAnUnreadableOne() {
    assertThat(HttpPayloadFetcher.retryAfter("86400", clock.instant()))
        .contains(HttpPayloadFetcher.MAX_RETRY_AFTER);
    assertThat(HttpPayloadFetcher.retryAfter("soon", clock.instant())).isEmpty();
    assertThat(HttpPayloadFetcher.retryAfter(null, clock.instant())).isEmpty();
  }

  @Test
  void refusesAnAnswerLargerThanTheLimitWithoutHoldingIt() {
    // given: 4 KB without Content-Length (chunked), limit 1 KB
    HttpPayloadFetcher fetcher = fetcher(1024);
    stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withChunkedDribbleDelay(4, 1)
                    .withBody("[" + " ".repeat(4094) + "]")));

    // then
    assertThatThrownBy(() -> fetcher.fetch(null, null))
        .isInstanceOf(GatewayException.class)
        .hasMessage(
            "pretalx: the answer from " + url + " is larger than 1 KB: not a schedule export");
  }
}
