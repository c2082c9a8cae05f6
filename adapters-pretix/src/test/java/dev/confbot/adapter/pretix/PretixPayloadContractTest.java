package dev.confbot.adapter.pretix;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getAllServeEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.TicketSource.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The field shapes pretix documents for orders, order positions and items (docs.pretix.eu, {@code
 * doc/api/resources/orders.rst} and {@code items.rst}; EXTERNAL-APIS §1): nulls, name parts with
 * any scheme, add-ons without names, unknown extra fields at every level, every order status. Each
 * test serves such a page through WireMock and checks what the adapter makes of it; every request
 * it sends must use the documented endpoints and query parameters only.
 */
@WireMockTest
class PretixPayloadContractTest {
  static final String TOKEN = "s3cr3t-team-token-0123456789";
  static final String EVENT = "/api/v1/organizers/pyconxx/events/2026/";

  /** The documented query parameters of each endpoint the adapter calls. */
  static final Map<String, Set<String>> DOCUMENTED_QUERY =
      Map.of(
          "orders/",
          Set.of("page", "testmode", "include_canceled_positions", "modified_since"),
          "orders/{code}/",
          Set.of("include_canceled_positions"),
          "items/",
          Set.of("page"));

  /** Every kind of extra field pretix may add in a later version. */
  static final String EXTRA =
      "\"x_future_string\": \"new\", \"x_future_object\": {\"a\": [1, {\"b\": null}]},"
          + " \"x_future_list\": [], \"x_future_null\": null,";

  private final FakeTime time = new FakeTime(Instant.parse("2026-03-01T09:00:00Z"));
  private PretixSettings settings =
      PretixSettings.defaults("http://localhost/api/v1/", "pyconxx", "2026", TOKEN);

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    settings =
        PretixSettings.defaults(wm.getHttpBaseUrl() + "/api/v1/", "pyconxx", "2026", TOKEN)
            .withRequestsPerMinute(0)
            .withRetries(3, Duration.ofMillis(100));
    stubFor(get(urlPathEqualTo(EVENT + "items/")).willReturn(okJson(ITEMS)));
  }

  @AfterEach
  void everyRequestIsDocumented() {
    for (ServeEvent event : getAllServeEvents()) {
      assertDocumentedRequest(
          event.getRequest().getMethod().getName(), event.getRequest().getAbsoluteUrl());
    }
  }

  /** Fails when a request leaves the documented endpoints or query parameters. */
  static void assertDocumentedRequest(String method, String absoluteUrl) {
    HttpUrl url = Objects.requireNonNull(HttpUrl.parse(absoluteUrl), absoluteUrl);
    assertThat(method).isEqualTo("GET");
    String path = url.encodedPath();
    assertThat(path).startsWith(EVENT);
    String endpoint =
        path.substring(EVENT.length()).replaceFirst("^orders/[^/]+/$", "orders/{code}/");
    assertThat(DOCUMENTED_QUERY).as("endpoint of %s", path).containsKey(endpoint);
    assertThat(DOCUMENTED_QUERY.get(endpoint))
        .as("query parameters of %s", path)
        .containsAll(url.queryParameterNames());
    for (String name : Set.of("testmode", "include_canceled_positions")) {
      String value = url.queryParameter(name);
      assertThat(value == null || value.equals("true") || value.equals("false"))
          .as("%s=%s is a pretix boolean", name, value)
          .isTrue();
    }
  }

  static final String ITEMS =
      """
      {"count": 3, "next": null, "previous": null, "x_future_root": 1, "results": [
        {"id": 201, "name": {"de": "Konferenzticket", "en": "Conference"}, "internal_name": null,
         "category": null, "active": true, "admission": true, "has_variations": true,
         "x_future_string": "new", "x_future_object": {"a": [1, {"b": null}]},
         "variations": [
           {"id": 2011, "value": {"en": "Early bird"}, "active": true, "position": 0,
            "price": "0.00", "description": null, "x_future_list": []},
           {"id": 2012, "value": {"de": "Nur Deutsch"}, "active": false, "position": 1}],
         "addons": [{"addon_category": 3, "min_count": 0, "max_count": 2,
                     "position": 0, "multi_allowed": false, "price_included": true}],
         "bundles": []},
        {"id": 202, "name": {"en": "T-shirt"}, "admission": false, "has_variations": true,
         "variations": [{"id": 2021, "value": {"en": "M", "de": "M"}}]},
        {"id": 203, "name": {"en": null, "fr": "Déjeuner"}, "admission": false,
         "has_variations": false, "variations": []}
      ]}
      """;

  /** One page with every documented shape of order, position and invoice address. */
  static final String ORDERS =
      """
      {"count": 4, "next": null, "previous": null, "x_future_root": {"page": 1}, "results": [
        {"code": "PAIDA", "status": "p", "testmode": false, "require_approval": false,
         "require_attention": true, "checkin_attention": true, "valid_if_pending": false,
         "email": null, "phone": null, "customer": null, "locale": "de",
         "cancellation_date": null, "api_meta": {}, "fees": [], "payments": [], "refunds": [],
         EXTRA
         "invoice_address": {"company": "", "name": "Invoice Person",
           "name_parts": {"_scheme": "given_family", "given_name": "Invoice",
                          "family_name": "Person"}, "country": "DE", EXTRA "vat_id": ""},
         "positions": [
           {"id": 9001, "order": "PAIDA", "positionid": 1, "item": 201, "variation": 2011,
            "price": "250.00", "attendee_name": null,
            "attendee_name_parts": {"_scheme": "given_family"},
            "attendee_email": null, "addon_to": null, "subevent": null, "canceled": false,
            "blocked": null, "valid_from": null, "valid_until": null,
            "checkins": [{"list": 1, "datetime": "2026-07-13T08:00:00Z", "type": "entry"}],
            "answers": [{"question": 4, "answer": "Vegan", "question_identifier": "FOOD",
                         "options": [12], "option_identifiers": ["V"]}],
            EXTRA "downloads": []},
           {"id": 9002, "order": "PAIDA", "positionid": 2, "item": 202, "variation": 2021,
            "price": "0.00", "attendee_name": "",
            "attendee_name_parts": {}, "addon_to": 9001, "canceled": false, EXTRA "checkins": []},
           {"id": 9003, "order": "PAIDA", "positionid": 3, "item": 203, "variation": null,
            "price": "0.00", "attendee_name": null, "addon_to": 9001, "canceled": true},
           {"id": 9004, "order": "PAIDA", "positionid": 4, "item": 201, "variation": 2012,
            "attendee_name": "Dr. Ada Lovelace",
            "attendee_name_parts": {"_scheme": "salutation_title_given_family",
              "salutation": "Ms", "title": "Dr.", "given_name": "Ada",
              "family_name": "Lovelace", "_legacy": "Ada Lovelace"},
            "addon_to": null, "canceled": false}
         ]},
        {"code": "PENDB", "status": "n", "testmode": false, "require_attention": false,
         "invoice_address": null, "positions": [
           {"id": 9101, "positionid": 1, "item": 201, "variation": null,
            "attendee_name": "  Ben Pending  ", "attendee_name_parts": {"_scheme": "full",
            "full_name": "Ben Pending"}, "addon_to": null}]},
        {"code": "EXPDC", "status": "e", "testmode": false, "invoice_address": null,
         "positions": []},
        {"code": "CANCD", "status": "c", "testmode": false,
         "invoice_address": {"name": null, "name_parts": {"_scheme": "full"}},
         "positions": [
           {"id": 9301, "positionid": 1, "item": 201, "variation": 2011, "attendee_name": null,
            "addon_to": null, "canceled": false}]}
      ]}
      """
          .replace("EXTRA", EXTRA);

  private PretixTicketSource source() {
    return PretixTicketSource.create(settings, time, new OkHttpClient(), time);
  }

  private Map<String, Order> syncOrders() {
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(okJson(ORDERS).withHeader("X-Page-Generated", "2026-03-01T08:00:00Z")));
    Snapshot snapshot = source().fullSync();
    return snapshot.orders().stream()
        .collect(Collectors.toMap(o -> o.code().value(), Function.identity()));
  }

  private static Order find(Map<String, Order> orders, String code) {
    return Objects.requireNonNull(orders.get(code), code);
  }

  @Test
  void readsEveryDocumentedOrderStatus() {
    Map<String, Order> orders = syncOrders();

    assertThat(orders).containsOnlyKeys("PAIDA", "PENDB", "EXPDC", "CANCD");
    assertThat(find(orders, "PAIDA").status()).isEqualTo(OrderStatus.PAID);
    assertThat(find(orders, "PENDB").status()).isEqualTo(OrderStatus.PENDING);
    assertThat(find(orders, "EXPDC").status()).isEqualTo(OrderStatus.EXPIRED);
    assertThat(find(orders, "CANCD").status()).isEqualTo(OrderStatus.CANCELED);
    assertThat(find(orders, "EXPDC").positions()).isEmpty();
  }

  @Test
  void keepsPaidPositionsWithTheirVariationsAndAddOnsWhateverTheExtraFields() {
    Order paid = find(syncOrders(), "PAIDA");

    assertThat(paid.positions()).extracting(p -> p.key().position()).containsExactly(1, 4);
    Position first = paid.positions().get(0);
    assertThat(first.product()).isEqualTo(new Product(201, "Conference", 2011L, "Early bird"));
    // the named add-on stays, the cancelled one is dropped; an empty attendee name is no problem
    assertThat(first.addOns()).containsExactly(new Product(202, "T-shirt", 2021L, "M"));
    assertThat(paid.positions().get(1).product())
        .isEqualTo(new Product(201, "Conference", 2012L, "Nur Deutsch"));
  }

  @Test
  void takesTheAttendeeNameAsPretixComposedItAndFallsBackToTheInvoiceName() {
    Map<String, Order> orders = syncOrders();

    // attendee_name null with bare name parts: the invoice-address name
    assertThat(find(orders, "PAIDA").positions().get(0).attendeeName()).isEqualTo("Invoice Person");
    // a scheme with title and salutation: attendee_name is pretix's concatenation
    assertThat(find(orders, "PAIDA").positions().get(1).attendeeName())
        .isEqualTo("Dr. Ada Lovelace");
    assertThat(find(orders, "PENDB").positions().get(0).attendeeName()).isEqualTo("Ben Pending");
    // neither attendee name nor invoice name (invoice_address with a null name)
    assertThat(find(orders, "CANCD").positions().get(0).attendeeName()).isEmpty();
  }

  @Test
  void namesItemsAndVariationsFromAnyLanguageTheyCome() {
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/LUNCH/"))
            .willReturn(
                okJson(
                    """
                    {"code": "LUNCH", "status": "p", "testmode": false, "invoice_address": null,
                     "positions": [{"id": 1, "positionid": 1, "item": 203, "variation": null,
                                    "attendee_name": "Lu", "addon_to": null}]}
                    """)));

    var order = source().order(new OrderCode("LUNCH"));

    assertThat(order).isPresent();
    assertThat(order.get().positions().get(0).product()).isEqualTo(Product.item(203, "Déjeuner"));
  }

  @Test
  void theRequestCheckAcceptsTheDocumentedRequestsOnly() {
    String base = "http://127.0.0.1:1" + EVENT;
    assertDocumentedRequest(
        "GET",
        base
            + "orders/?page=2&testmode=false&include_canceled_positions=true"
            + "&modified_since=2026-03-01T08%3A00%3A00Z");
    assertDocumentedRequest("GET", base + "orders/ABCDE/?include_canceled_positions=true");
    assertDocumentedRequest("GET", base + "items/?page=1");

    assertThatThrownBy(() -> assertDocumentedRequest("GET", base + "orders/?ordering=-code"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertDocumentedRequest("GET", base + "orders/?testmode=0"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertDocumentedRequest("GET", base + "orderpositions/"))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> assertDocumentedRequest("POST", base + "orders/"))
        .isInstanceOf(AssertionError.class);
  }
}
