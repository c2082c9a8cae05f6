package dev.confbot.adapter.pretalx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.confbot.core.port.CachedSchedule;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PretalxScheduleSourceTest {

  /** Without gzip, so that the ETag arrives exactly as pretalx sends it (Jetty appends --gzip). */
  @RegisterExtension
  static final WireMockExtension wiremock =
      WireMockExtension.newInstance()
          .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true))
          .configureStaticDsl(true)
          .build();

  private static final String PATH = "/api/events/europython-2023/schedules/latest/";
  private static final String LEGACY = Fixtures.read("europython-2023-schedule-legacy.json");
  private static final String PARTIAL = Fixtures.read("europython-2023-schedule-partial.json");
  private static final String JULY_1 = Fixtures.read("pretalx-schedule-response-20230701.json");
  private static final String JULY_14 = Fixtures.read("pretalx-schedule-response-20230714.json");
  private static final String TOKEN = "s3cr3t-t0ken-value";
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  private final TestClock clock = new TestClock(Instant.parse("2023-07-17T06:00:00Z"));
  private final RecordingAudit audit = new RecordingAudit();
  private final InMemoryScheduleCache cache = new InMemoryScheduleCache();
  private String url = "";

  /** The documented REST source: the latest schedule with slots, rooms and submissions. */
  private static final String EXPAND =
      "?expand=slots,slots.room,slots.submission,slots.submission.speakers,"
          + "slots.submission.submission_type,slots.submission.track";

  @BeforeEach
  void setUp() {
    url = wiremock.baseUrl() + PATH;
  }

  /** Every request of every test here must be an operation of pretalx's OpenAPI schema. */
  @AfterEach
  void everyRequestIsInPretalxsOpenApiSchema() {
    PretalxRequestContract.assertConforms(wiremock.getAllServeEvents());
  }

  private PretalxScheduleSource source(PretalxSettings settings) {
    return PretalxScheduleSource.create(settings, new okhttp3.OkHttpClient(), clock, audit, cache);
  }

  private PretalxScheduleSource source() {
    return source(PretalxSettings.of(url + EXPAND).withEventZone(PRAGUE));
  }

  @Test
  void readsTheScheduleAnonymouslyAndCachesTheRawPayload() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(LEGACY).withHeader("ETag", "\"abc123\"")));

    // when
    Schedule schedule = source().fetch();

    // then
    assertThat(schedule.sessions()).hasSize(268);
    assertThat(schedule.zone()).isEqualTo(PRAGUE);
    verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Accept", equalTo("application/json"))
            .withoutHeader("Authorization")
            .withoutHeader("Pretalx-Version")
            .withoutHeader("If-None-Match")
            .withoutHeader("If-Modified-Since"));
    CachedSchedule saved = cache.load().orElseThrow();
    assertThat(saved.payload()).isEqualTo(LEGACY);
    assertThat(saved.etag()).isEqualTo("abc123");
    assertThat(saved.source()).isEqualTo(url);
    assertThat(saved.sha256()).isEqualTo(ScheduleRefresher.sha256(LEGACY));
    assertThat(audit.lines()).isEmpty();
  }

  @Test
  void sendsTheEtagBackUnquotedAndKeepsTheScheduleOn304() {
    // given
    PretalxScheduleSource source = source();
    stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(
                okJson(JULY_1)
                    .withHeader("ETag", "\"abc123\"")
                    .withHeader("Last-Modified", "Sat, 01 Jul 2023 06:12:47 GMT")));
    Schedule first = source.fetch();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_14)));
    stubFor(
        get(urlPathEqualTo(PATH))
            .atPriority(1)
            .withHeader("If-None-Match", equalTo("abc123"))
            .willReturn(status(304)));

    // when
    Schedule second = source.fetch();

    // then
    assertThat(second).isSameAs(first);
    verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withHeader("If-None-Match", equalTo("abc123"))
            .withHeader("If-Modified-Since", equalTo("Sat, 01 Jul 2023 06:12:47 GMT")));
    assertThat(source.status().orElseThrow().stale()).isFalse();
  }

  @Test
  void noticesWhenTheScheduleChangesBetweenRefreshes() {
    // given
    PretalxScheduleSource source = source();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_1)));
    Schedule july1 = source.fetch();
    String firstRevision = source.revision().orElseThrow();
    Instant firstChange = source.lastChange().orElseThrow();
    clock.advance(Duration.ofMinutes(5));

    // when the same payload comes again, then a changed one
    Schedule again = source.fetch();
    String sameRevision = source.revision().orElseThrow();
    clock.advance(Duration.ofMinutes(5));
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_14)));
    Schedule july14 = source.fetch();

    // then
    assertThat(again).isSameAs(july1);
    assertThat(sameRevision).isEqualTo(firstRevision);
    assertThat(source.revision())
        .contains(ScheduleRefresher.sha256(JULY_14))
        .isNotEqualTo(firstRevision);
    assertThat(source.lastChange()).contains(firstChange.plus(Duration.ofMinutes(10)));
    assertThat(july1.sessions()).extracting(Session::code).containsExactly("ABABAB");
    assertThat(july14.sessions())
        .extracting(Session::code)
        .containsExactly("break-2184-20230717T1100");
    assertThat(source.status().orElseThrow().version()).isEqualTo("0.11");
    assertThat(cache.load().orElseThrow().payload()).isEqualTo(JULY_14);
  }

  @Test
  void holdsBackAScheduleThatSuddenlyLosesMostSessionsAndAlertsOnce() {
    // given: the full programme is in force
    PretalxScheduleSource source = source();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(LEGACY).withHeader("ETag", "\"v4\"")));
    Schedule full = source.fetch();
    String revision = source.revision().orElseThrow();
    // when: pretalx serves a half export, twice
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(PARTIAL).withHeader("ETag", "\"v5\"")));
    clock.advance(Duration.ofMinutes(5));
    Schedule first = source.fetch();
    clock.advance(Duration.ofMinutes(5));
    Schedule second = source.fetch();
    // then: the full schedule stays in force, also in the cache, with one alert naming the counts
    assertThat(first).isSameAs(full);
    assertThat(second).isSameAs(full);
    assertThat(source.revision()).contains(revision);
    assertThat(cache.load().orElseThrow().payload()).isEqualTo(LEGACY);
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("version 5 is held back")
        .contains("drops 144 of the 184 upcoming sessions (40 sessions left)")
        .contains("previous schedule (version 0.23) stays in force");
    assertThat(source.heldBack()).isPresent();
    // and every refresh asks anew, with the ETag of the schedule in force
    verify(2, getRequestedFor(urlPathEqualTo(PATH)).withHeader("If-None-Match", equalTo("v4")));

    // when: pretalx serves a complete schedule again (a new version)
    stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson(LEGACY.replace("\"version\":\"0.23\"", "\"version\":\"0.24\""))));
    Schedule normal = source.fetch();
    // then: it is taken
    assertThat(normal.version()).isEqualTo("0.24");
    assertThat(normal.sessions()).hasSize(full.sessions().size());
    assertThat(source.heldBack()).isEmpty();
    assertThat(audit.notices()).anySatisfy(n -> assertThat(n).contains("looks normal again"));
    assertThat(audit.alerts()).hasSize(1);
  }

  @Test
  void holdsBackAnEmptyScheduleUntilAnOrganizerAcceptsIt() {
    // given
    PretalxScheduleSource source = source();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(LEGACY)));
    Schedule full = source.fetch();
    stubFor(
        get(urlPathEqualTo(PATH)).willReturn(okJson(Fixtures.read("pretalx-empty-schedule.json"))));
    assertThat(source.fetch()).isSameAs(full);
    // when: an organizer confirms
    source.acceptHeldBack();
    Schedule accepted = source.fetch();
    // then
    assertThat(accepted.sessions()).isEmpty();
    assertThat(source.heldBack()).isEmpty();
    assertThat(audit.notices()).anySatisfy(n -> assertThat(n).contains("accepted by an organizer"));
  }

  @Test
  void keepsTheLastGoodScheduleThroughAnOutageAndAlertsOncePerOutage() {
    // given
    PretalxScheduleSource source = source();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_1)));
    Schedule good = source.fetch();

    // when pretalx fails three times, recovers, then fails again
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(503)));
    Schedule duringOutage = source.fetch();
    source.fetch();
    source.fetch();
    boolean staleDuringOutage = source.status().orElseThrow().stale();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_1)));
    Schedule afterOutage = source.fetch();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(502)));
    source.fetch();

    // then
    assertThat(duringOutage).isSameAs(good);
    assertThat(afterOutage).isSameAs(good);
    assertThat(staleDuringOutage).isTrue();
    assertThat(audit.alerts())
        .containsExactly(
            "pretalx: HTTP 503 from "
                + url
                + "; using the last good schedule (version 0.10 of 2023-07-17T06:00:00Z)",
            "pretalx: HTTP 502 from "
                + url
                + "; using the last good schedule (version 0.10 of 2023-07-17T06:00:00Z)");
    assertThat(audit.notices())
        .containsExactly(
            "pretalx schedule source " + url + " works again (failing since 2023-07-17T06:00:00Z)");
  }

  @Test
  void startsFromTheCachedScheduleWhenPretalxIsDown() {
    // given a payload saved before a restart
    cache.save(
        new CachedSchedule(
            url,
            JULY_1,
            ScheduleRefresher.sha256(JULY_1),
            "abc123",
            null,
            Instant.parse("2023-07-16T22:00:00Z")));
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500)));

    // when
    Schedule schedule = source().fetch();

    // then
    assertThat(schedule.sessions()).extracting(Session::code).containsExactly("ABABAB");
    verify(getRequestedFor(urlPathEqualTo(PATH)).withHeader("If-None-Match", equalTo("abc123")));
    assertThat(audit.alerts())
        .containsExactly(
            "pretalx: HTTP 500 from "
                + url
                + "; using the last good schedule (version 0.10 of 2023-07-16T22:00:00Z)");
  }

  @Test
  void confirmsTheCachedScheduleWithAConditionalRequestAfterARestart() {
    // given
    cache.save(
        new CachedSchedule(
            url,
            JULY_1,
            ScheduleRefresher.sha256(JULY_1),
            "abc123",
            "Sat, 01 Jul 2023 06:12:47 GMT",
            Instant.parse("2023-07-16T22:00:00Z")));
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_14)));
    stubFor(
        get(urlPathEqualTo(PATH))
            .atPriority(1)
            .withHeader("If-None-Match", equalTo("abc123"))
            .willReturn(status(304)));
    PretalxScheduleSource source = source();

    // when
    Schedule schedule = source.fetch();

    // then
    assertThat(schedule.sessions()).extracting(Session::code).containsExactly("ABABAB");
    assertThat(source.status().orElseThrow())
        .isEqualTo(
            new SourceStatus(
                ScheduleRefresher.sha256(JULY_1),
                "0.10",
                ScheduleFormat.REST_EXPANDED,
                Instant.parse("2023-07-16T22:00:00Z"),
                false));
    verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withHeader("If-Modified-Since", equalTo("Sat, 01 Jul 2023 06:12:47 GMT")));
    assertThat(audit.lines()).isEmpty();
  }

  @Test
  void ignoresACacheOfAnotherSource() {
    // given
    cache.save(
        new CachedSchedule(
            "https://other.example/schedule.json",
            JULY_1,
            ScheduleRefresher.sha256(JULY_1),
            null,
            null,
            Instant.parse("2023-07-16T22:00:00Z")));
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500)));
    PretalxScheduleSource source = source();

    // then
    assertThatThrownBy(source::fetch)
        .isInstanceOf(GatewayException.class)
        .hasMessage("pretalx: HTTP 500 from " + url);
  }

  @Test
  void failsWithOneAlertWhenDownAndNothingIsCached() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500)));
    PretalxScheduleSource source = source();

    // then
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(source::fetch)
          .isInstanceOf(GatewayException.class)
          .satisfies(e -> assertThat(((GatewayException) e).system()).isEqualTo("pretalx"));
    }
    assertThat(audit.alerts())
        .containsExactly("pretalx: HTTP 500 from " + url + "; no schedule available yet");
    assertThat(source.status()).isEmpty();
  }

  @Test
  void reportsATimeout() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_1).withFixedDelay(2_000)));
    PretalxScheduleSource source =
        source(PretalxSettings.of(url).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200)));

    // then
    assertThatThrownBy(source::fetch)
        .isInstanceOf(GatewayException.class)
        .hasMessage("pretalx: no answer from " + url + " within 200 ms");
  }

  @Test
  void reportsABrokenConnection() {
    // given
    stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    // then
    assertThatThrownBy(source()::fetch)
        .isInstanceOf(GatewayException.class)
        .hasMessageStartingWith("pretalx: cannot reach " + url);
  }

  @Test
  void keepsTheLastGoodScheduleWhenTheAnswerIsMalformedOrTruncated() {
    // given
    PretalxScheduleSource source = source();
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_1)));
    Schedule good = source.fetch();

    // when
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("<html>Bad gateway</html>")));
    Schedule afterMalformed = source.fetch();
    stubFor(
        get(urlPathEqualTo(PATH))
            .willReturn(okJson(JULY_14.substring(0, JULY_14.indexOf("\"slots\"")))));
    Schedule afterTruncated = source.fetch();

    // then
    assertThat(afterMalformed).isSameAs(good);
    assertThat(afterTruncated).isSameAs(good);
    assertThat(audit.alerts())
        .containsExactly(
            "pretalx: schedule is not valid JSON at $; using the last good schedule (version 0.10"
                + " of 2023-07-17T06:00:00Z)");
    assertThat(cache.load().orElseThrow().payload()).isEqualTo(JULY_1);
  }

  @Test
  void failsOnMalformedJsonWithNothingCached() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"slots\": [")));

    // then
    assertThatThrownBy(source()::fetch)
        .isInstanceOf(GatewayException.class)
        .hasMessage("pretalx: schedule is truncated (the JSON ends early)");
    assertThat(cache.load()).isEmpty();
  }

  @Test
  void sendsTheTokenAndVersionPinOnlyWhenConfigured() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(JULY_1)));
    PretalxSettings settings =
        new PretalxSettings(
            url,
            TOKEN,
            "v1",
            "en",
            PRAGUE,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofMinutes(5));

    // when
    source(settings).fetch();

    // then
    verify(
        getRequestedFor(urlPathEqualTo(PATH))
            .withHeader("Authorization", equalTo("Token " + TOKEN))
            .withHeader("Pretalx-Version", equalTo("v1")));
  }

  @Test
  void neverPutsTheTokenIntoMessages() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(401)));
    PretalxSettings settings = PretalxSettings.of(url).withToken(TOKEN);

    // when
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(source(settings)::fetch);

    // then
    assertThat(failure)
        .isInstanceOf(GatewayException.class)
        .hasMessage("pretalx: HTTP 401 from " + url + ": the pretalx token was refused");
    assertThat(audit.lines())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.text()).doesNotContain(TOKEN));
    assertThat(settings.toString()).doesNotContain(TOKEN).contains("token=***");
  }

  @Test
  void explainsRefusalsWithoutToken() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(403)));

    // then
    assertThatThrownBy(source()::fetch)
        .hasMessage(
            "pretalx: HTTP 403 from " + url + ": the schedule is not public, set a pretalx token");
  }

  @Test
  void explainsNotFoundAndRateLimits() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(404)));

    // then
    assertThatThrownBy(source()::fetch)
        .hasMessage(
            "pretalx: HTTP 404: no schedule at " + url + " (check the event slug and the URL)");

    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(429).withHeader("Retry-After", "30")));

    // then
    assertThatThrownBy(source()::fetch)
        .hasMessage("pretalx: HTTP 429: pretalx rate limit reached, retry after 30 s");
  }

  @Test
  void keepsQueryAndCredentialsOutOfMessages() {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(status(500)));
    String withSecrets =
        url.replace("http://", "http://user:pw@") + "?expand=slots&expand=slots.room";

    // then
    assertThatThrownBy(source(PretalxSettings.of(withSecrets))::fetch)
        .hasMessage("pretalx: HTTP 500 from " + url);
  }

  @Test
  void rejectsASourceThatIsNoUrl() {
    assertThatThrownBy(() -> source(PretalxSettings.of("schedule.json")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pretalx source is not an http(s) URL: (invalid URL)");
  }
}
