package dev.confbot.adapter.pretix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class PretixTicketSourceTest {
  static final String TOKEN = "s3cr3t-team-token-0123456789";
  static final String EVENT = "/api/v1/organizers/pyconxx/events/2026/";
  static final String GENERATED = "2026-03-01T08:00:00.123456+00:00";

  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T09:00:00Z"));
  private String baseUrl = "";
  private PretixSettings settings =
      PretixSettings.defaults("http://localhost/api/v1/", "pyconxx", "2026", TOKEN);

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    baseUrl = wm.getHttpBaseUrl();
    settings =
        PretixSettings.defaults(baseUrl + "/api/v1/", "pyconxx", "2026", TOKEN)
            .withRequestsPerMinute(0)
            .withRetries(3, Duration.ofMillis(100))
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30));
    stubFor(get(urlPathEqualTo(EVENT + "items/")).willReturn(okJson(Fixtures.read("items.json"))));
  }

  /** Every request of every test here uses documented endpoints and query parameters only. */
  @AfterEach
  void everyRequestIsDocumented() {
    for (var event : getAllServeEvents()) {
      PretixPayloadContractTest.assertDocumentedRequest(
          event.getRequest().getMethod().getName(), event.getRequest().getAbsoluteUrl());
    }
  }

  private PretixTicketSource source() {
    return PretixTicketSource.create(settings, time, new OkHttpClient(), time);
  }

  private PretixTicketSource source(OkHttpClient client) {
    return PretixTicketSource.create(settings, time, client, time);
  }

  private static void stubFixturePages() {
    for (int page = 1; page <= 3; page++) {
      stubFor(
          get(urlPathEqualTo(EVENT + "orders/"))
              .withQueryParam("page", equalTo(String.valueOf(page)))
              .willReturn(
                  okJson(Fixtures.read("orders-page-" + page + ".json"))
                      .withHeader("X-Page-Generated", GENERATED)));
    }
  }

  private static Map<String, Order> byCode(Snapshot snapshot) {
    return snapshot.orders().stream()
        .collect(Collectors.toMap(o -> o.code().value(), Function.identity()));
  }

  @Test
  void fullSyncMapsEveryNonTestOrderOfAllPages() {
    // given
    stubFixturePages();
    // when
    Snapshot snapshot = source().fullSync();
    // then
    Map<String, Order> orders = byCode(snapshot);
    assertThat(orders).hasSize(59).doesNotContainKey("V0JT3");
    assertThat(snapshot.cursor()).isEqualTo(GENERATED);
    assertThat(find(orders, "HACQW").status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(find(orders, "SRQDS").status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(find(orders, "FAM9F").status()).isEqualTo(OrderStatus.PENDING);
    assertThat(find(orders, "DLSSW").status()).isEqualTo(OrderStatus.PAID);
    assertThat(find(orders, "DLSSW").positions().get(0).attendeeName())
        .isEqualTo("José Müller-Lüdenscheidt");
    // no attendee e-mail asked for: the order's e-mail stands in (speaker matching)
    assertThat(find(orders, "DLSSW").positions().get(0).email()).isEqualTo("dlssw@example.org");
  }

  @Test
  void foldsAddOnsIntoTheirParentPositionsOfAGroupOrder() {
    // given
    stubFixturePages();
    // when
    Order group = find(byCode(source().fullSync()), "MWM3A");
    // then
    OrderCode code = new OrderCode("MWM3A");
    assertThat(group.positions())
        .containsExactly(
            new Position(
                new PositionKey(code, 1),
                Product.item(101, "Business"),
                List.of(Product.item(108, "Tutorial day")),
                "Ingrid Bergström",
                false,
                "mwm3a@example.org"),
            new Position(
                new PositionKey(code, 2),
                Product.item(101, "Business"),
                List.of(Product.item(109, "Conference T-shirt")),
                "Pål Øvergård",
                false,
                "mwm3a@example.org"));
  }

  @Test
  void mapsVariationsInvoiceNameFallbackAndCancelledPositions() {
    // given
    stubFixturePages();
    // when
    Map<String, Order> orders = byCode(source().fullSync());
    // then
    assertThat(find(orders, "3WGRY").positions())
        .extracting(Position::product)
        .containsExactly(
            new Product(106, "Sponsor", 1061L, "Gold"),
            new Product(106, "Sponsor", 1062L, "Silver"));
    assertThat(find(orders, "TED7J").positions().get(0).attendeeName())
        .isEqualTo("Kim Invoiceonly");
    assertThat(find(orders, "KLFJJ").positions())
        .extracting(Position::canceled)
        .containsExactly(false, true);
    assertThat(find(orders, "HXYCT").positions()).hasSize(1);
    assertThat(find(orders, "HXYCT").positions().get(0).addOns())
        .containsExactly(Product.item(108, "Tutorial day"));
  }

  @Test
  void sendsTheTokenAndAsksForNonTestOrdersWithCancelledPositions() {
    // given
    stubFixturePages();
    // when
    source().fullSync();
    // then
    verify(
        3,
        getRequestedFor(urlPathEqualTo(EVENT + "orders/"))
            .withHeader("Authorization", equalTo("Token " + TOKEN))
            .withQueryParam("testmode", equalTo("false"))
            .withQueryParam("include_canceled_positions", equalTo("true")));
    verify(
        getRequestedFor(urlPathEqualTo(EVENT + "items/"))
            .withHeader("Authorization", equalTo("Token " + TOKEN)));
  }

  @Test
  void looksUpATestModeOrderDirectly() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/V0JT3/"))
            .willReturn(okJson(orderJson("orders-page-1.json", "V0JT3"))));
    // when
    Order order = source().order(new OrderCode("V0JT3")).orElseThrow();
    // then
    assertThat(order.testMode()).isTrue();
    assertThat(order.positions()).hasSize(1);
    assertThat(order.positions().get(0).product()).isEqualTo(Product.item(101, "Business"));
  }

  @Test
  void answersUnknownOrderAsEmptyAndCachesThatBriefly() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/ZZZZZ/"))
            .willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Not found.\"}")));
    PretixTicketSource source = source();
    OrderCode code = new OrderCode("ZZZZZ");
    // when
    var first = source.order(code);
    var cached = source.order(code);
    time.advance(settings.limits().negativeCacheTtl().plusSeconds(1));
    var afterTtl = source.order(code);
    // then
    assertThat(first).isEmpty();
    assertThat(cached).isEmpty();
    assertThat(afterTtl).isEmpty();
    verify(2, getRequestedFor(urlPathEqualTo(EVENT + "orders/ZZZZZ/")));
  }

  @Test
  void capsDirectLookupsPerMinute() {
    // given
    settings = settings.withDirectLookups(2, Duration.ofSeconds(60));
    stubFor(get(urlPathEqualTo(EVENT + "orders/AAAAA/")).willReturn(aResponse().withStatus(404)));
    stubFor(get(urlPathEqualTo(EVENT + "orders/BBBBB/")).willReturn(aResponse().withStatus(404)));
    stubFor(get(urlPathEqualTo(EVENT + "orders/CCCCC/")).willReturn(aResponse().withStatus(404)));
    PretixTicketSource source = source();
    source.order(new OrderCode("AAAAA"));
    source.order(new OrderCode("BBBBB"));
    // when
    Throwable refused =
        catchThrowableOfType(GatewayException.class, () -> source.order(new OrderCode("CCCCC")));
    time.advance(Duration.ofSeconds(30));
    var later = source.order(new OrderCode("CCCCC"));
    // then
    assertThat(refused).hasMessageContaining("too many direct order lookups");
    assertThat(later).isEmpty();
    verify(1, getRequestedFor(urlPathEqualTo(EVENT + "orders/CCCCC/")));
  }

  @Test
  void reportsARejectedTokenWithoutLeakingIt() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "items/"))
            .willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid token.\"}")));
    // when
    GatewayException e = catchThrowableOfType(GatewayException.class, () -> source().fullSync());
    // then
    assertThat(e.system()).isEqualTo("pretix");
    assertThat(e).hasMessageContaining("HTTP 401");
    assertNoToken(e);
    verify(1, getRequestedFor(urlPathEqualTo(EVENT + "items/")));
  }

  @Test
  void retriesServerErrorsWithBackoffThenSucceeds() {
    // given
    stubFixturePages();
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("2"))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("recovered"));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("2"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(Fixtures.read("orders-page-2.json"))));
    // when
    Snapshot snapshot = source().fullSync();
    // then
    assertThat(snapshot.orders()).hasSize(59);
    verify(
        2, getRequestedFor(urlPathEqualTo(EVENT + "orders/")).withQueryParam("page", equalTo("2")));
    assertThat(time.sleeps()).contains(Duration.ofMillis(100));
  }

  @Test
  void givesUpAfterTheConfiguredAttemptsOnPersistentServerErrors() {
    // given
    stubFor(get(urlPathEqualTo(EVENT + "orders/ZZZZZ/")).willReturn(aResponse().withStatus(503)));
    // when
    GatewayException e =
        catchThrowableOfType(GatewayException.class, () -> source().order(new OrderCode("ZZZZZ")));
    // then
    assertThat(e).hasMessageContaining("HTTP 503").hasMessageContaining("3 attempt");
    verify(3, getRequestedFor(urlPathEqualTo(EVENT + "orders/ZZZZZ/")));
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void timesOutASlowServerAndReportsIt() {
    // given
    settings =
        settings
            .withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(150), Duration.ofSeconds(30))
            .withRetries(2, Duration.ofMillis(10));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/ZZZZZ/"))
            .willReturn(okJson("{}").withFixedDelay(1_000)));
    // when
    GatewayException e =
        catchThrowableOfType(GatewayException.class, () -> source().order(new OrderCode("ZZZZZ")));
    // then
    assertThat(e).hasMessageContaining("timed out").hasMessageContaining("2 attempt");
    assertNoToken(e);
  }

  @Test
  void honoursRetryAfterOnTooManyRequests() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/V0JT3/"))
            .inScenario("limited")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("free"));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/V0JT3/"))
            .inScenario("limited")
            .whenScenarioStateIs("free")
            .willReturn(okJson(orderJson("orders-page-1.json", "V0JT3"))));
    // when
    var order = source().order(new OrderCode("V0JT3"));
    // then
    assertThat(order).isPresent();
    assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    verify(2, getRequestedFor(urlPathEqualTo(EVENT + "orders/V0JT3/")));
  }

  @Test
  void givesUpWhenRateLimitedOverAndOver() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/V0JT3/"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
    // when
    GatewayException e =
        catchThrowableOfType(GatewayException.class, () -> source().order(new OrderCode("V0JT3")));
    // then
    assertThat(e).hasMessageContaining("429");
    verify(
        PretixHttp.MAX_RATE_LIMITED + 1, getRequestedFor(urlPathEqualTo(EVENT + "orders/V0JT3/")));
  }

  @Test
  void rejectsMalformedJson() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(
                okJson("{\"count\": 1, \"results\": [{\"code\": ]}")
                    .withHeader("X-Page-Generated", GENERATED)));
    // when / then
    assertThatThrownBy(() -> source().fullSync())
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("order page 1");
  }

  @Test
  void rejectsJsonOfTheWrongShape() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(
                okJson("{\"count\": \"many\", \"results\": {}}")
                    .withHeader("X-Page-Generated", GENERATED)));
    // when / then
    assertThatThrownBy(() -> source().fullSync())
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void rejectsTruncatedJson() {
    // given
    String page = Fixtures.read("orders-page-1.json");
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(
                okJson(page.substring(0, page.length() / 2))
                    .withHeader("X-Page-Generated", GENERATED)));
    // when
    GatewayException e = catchThrowableOfType(GatewayException.class, () -> source().fullSync());
    // then
    assertThat(e).hasMessageContaining("order page 1");
  }

  @Test
  void rejectsAnIncompleteOrder() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(
                okJson(
                        "{\"count\":1,\"next\":null,\"previous\":null,\"results\":"
                            + "[{\"code\":\"ABCDE\",\"status\":\"p\",\"testmode\":false,"
                            + "\"positions\":[{\"id\":1,\"item\":101}]}]}")
                    .withHeader("X-Page-Generated", GENERATED)));
    // when / then
    assertThatThrownBy(() -> source().fullSync())
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("positionid");
  }

  @Test
  void requiresTheServerCursor() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(okJson("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}")));
    // when / then
    assertThatThrownBy(() -> source().fullSync())
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("X-Page-Generated");
  }

  @Test
  void syncsAnEventWithoutOrders() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(
                okJson("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}")
                    .withHeader("X-Page-Generated", GENERATED)));
    // when
    Snapshot snapshot = source().fullSync();
    // then
    assertThat(snapshot.orders()).isEmpty();
    assertThat(snapshot.cursor()).isEqualTo(GENERATED);
  }

  @Test
  void stopsAtAPageThatVanishedBecauseOrdersWereDeleted() {
    // given
    stubFixturePages();
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("3"))
            .willReturn(aResponse().withStatus(404).withBody("{\"detail\":\"Invalid page.\"}")));
    // when
    Snapshot snapshot = source().fullSync();
    // then
    assertThat(snapshot.orders()).hasSize(39);
    assertThat(byCode(snapshot)).containsKeys("TYJEL", "X9FNJ").doesNotContainKey("KJ3XH");
  }

  @Test
  void copesWithACountThatShrinksBetweenPages() {
    // given: page 1 promises 3 pages; by page 2 two orders are gone and page 3 no longer exists
    String url = baseUrl + EVENT;
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(
                okJson(Fixtures.syntheticPage(6, 1, 2, url))
                    .withHeader("X-Page-Generated", GENERATED)));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson(Fixtures.syntheticPage(4, 2, 2, url))));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("3"))
            .willReturn(aResponse().withStatus(404)));
    // when
    Snapshot snapshot = source().fullSync();
    // then
    assertThat(snapshot.orders())
        .extracting(o -> o.code().value())
        .containsExactly("ORD00000", "ORD00001", "ORD00002", "ORD00003");
  }

  @Test
  void waitsOutARateLimitHitInTheMiddleOfAConcurrentSync() {
    // given
    stubFixturePages();
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("3"))
            .inScenario("limited")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5"))
            .willSetStateTo("free"));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("3"))
            .inScenario("limited")
            .whenScenarioStateIs("free")
            .willReturn(okJson(Fixtures.read("orders-page-3.json"))));
    // when
    Snapshot snapshot = source().fullSync();
    // then
    assertThat(snapshot.orders()).hasSize(59);
    assertThat(time.sleeps()).contains(Duration.ofSeconds(5));
  }

  @Test
  void incrementalSyncLeavesOutTestModeOrders() {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("modified_since", equalTo(GENERATED))
            .willReturn(
                okJson(
                        Fixtures.read("orders-page-1.json")
                            .replace("\"next\": \"https", "\"x\": \"https"))
                    .withHeader("X-Page-Generated", GENERATED)));
    // when
    Snapshot changed = source().changedSince(GENERATED);
    // then
    assertThat(changed.orders()).hasSize(19);
    assertThat(byCode(changed)).doesNotContainKey("V0JT3");
  }

  @Test
  void followsNextLinksWhenOrdersWereAddedDuringTheSync() {
    // given: page 1 says 2 pages of 2, page 2 links to a page 3 that appeared meanwhile
    String url = baseUrl + EVENT;
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(
                okJson(Fixtures.syntheticPage(4, 1, 2, url))
                    .withHeader("X-Page-Generated", GENERATED)));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson(Fixtures.syntheticPage(5, 2, 2, url))));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("page", equalTo("3"))
            .willReturn(okJson(Fixtures.syntheticPage(5, 3, 2, url))));
    // when
    Snapshot snapshot = source().fullSync();
    // then
    assertThat(snapshot.orders()).hasSize(5);
  }

  @Test
  void incrementalSyncPassesTheCursorVerbatimAndFollowsNextLinks() {
    // given
    String next = "2026-03-01T09:30:00.654321+00:00";
    String url = baseUrl + EVENT;
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("modified_since", equalTo(GENERATED))
            .withQueryParam("page", equalTo("1"))
            .willReturn(
                okJson(Fixtures.syntheticPage(3, 1, 2, url)).withHeader("X-Page-Generated", next)));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("modified_since", equalTo(GENERATED))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                okJson(Fixtures.syntheticPage(3, 2, 2, url)).withHeader("X-Page-Generated", "x")));
    // when
    Snapshot changed = source().changedSince(GENERATED);
    // then
    assertThat(changed.cursor()).isEqualTo(next);
    assertThat(changed.orders())
        .extracting(o -> o.code().value())
        .containsExactly("ORD00000", "ORD00001", "ORD00002");
    verify(
        2,
        getRequestedFor(urlPathEqualTo(EVENT + "orders/"))
            .withQueryParam("testmode", equalTo("false"))
            .withQueryParam("modified_since", equalTo(GENERATED)));
  }

  @Test
  void fetchesPagesConcurrentlyButNeverMoreThanTheLimit() {
    // given
    int pages = 12;
    String url = baseUrl + EVENT;
    for (int page = 1; page <= pages; page++) {
      stubFor(
          get(urlPathEqualTo(EVENT + "orders/"))
              .withQueryParam("page", equalTo(String.valueOf(page)))
              .willReturn(
                  okJson(Fixtures.syntheticPage(pages * 10, page, 10, url))
                      .withHeader("X-Page-Generated", GENERATED)
                      .withFixedDelay(100)));
    }
    settings = settings.withMaxConcurrentPages(3);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    OkHttpClient counting =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  try {
                    return chain.proceed(chain.request());
                  } finally {
                    inFlight.decrementAndGet();
                  }
                })
            .build();
    // when
    Snapshot snapshot = source(counting).fullSync();
    // then
    assertThat(snapshot.orders()).hasSize(pages * 10);
    assertThat(maxInFlight.get()).isBetween(2, 3);
  }

  @Test
  void spacesRequestsToTheConfiguredRate() {
    // given
    stubFixturePages();
    settings = settings.withRequestsPerMinute(60);
    // when
    source().fullSync();
    // then: items + 3 order pages, one second apart
    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void neverPutsTheTokenIntoExceptionsOrLogs() throws Exception {
    // given
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/AAAAA/"))
            .willReturn(aResponse().withStatus(401).withBody(TOKEN)));
    stubFor(get(urlPathEqualTo(EVENT + "orders/BBBBB/")).willReturn(aResponse().withStatus(500)));
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/CCCCC/"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"code\": \"" + TOKEN)
                    .withHeader("Content-Type", "application/json")));
    PretixTicketSource source = source();
    // when
    String log;
    List<GatewayException> failures;
    try (LogCapture capture = LogCapture.start()) {
      failures =
          List.of(
              catchThrowableOfType(
                  GatewayException.class, () -> source.order(new OrderCode("AAAAA"))),
              catchThrowableOfType(
                  GatewayException.class, () -> source.order(new OrderCode("BBBBB"))),
              catchThrowableOfType(
                  GatewayException.class, () -> source.order(new OrderCode("CCCCC"))));
      log = capture.text();
    }
    // then
    assertThat(failures).doesNotContainNull().allSatisfy(PretixTicketSourceTest::assertNoToken);
    assertThat(log).isNotEmpty().doesNotContain(TOKEN);
    assertThat(settings.toString()).doesNotContain(TOKEN).contains("token=***");
    assertThat(getAllServeEvents()).isNotEmpty();
  }

  private static Order find(Map<String, Order> orders, String code) {
    Order order = orders.get(code);
    assertThat(order).as(code).isNotNull();
    return java.util.Objects.requireNonNull(order);
  }

  private static void assertNoToken(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
      assertThat(t.toString()).doesNotContain(TOKEN);
    }
  }

  /** One order of a fixture page, as the detail route returns it. */
  private static String orderJson(String page, String code) {
    String json = Fixtures.read(page);
    int start = json.indexOf("\"code\": \"" + code + "\"");
    int open = json.lastIndexOf('{', start);
    int depth = 0;
    for (int i = open; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return json.substring(open, i + 1);
        }
      }
    }
    throw new IllegalArgumentException("no order " + code);
  }
}
