package dev.confbot.adapter.pretix;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.confbot.core.port.GatewayException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A sync that fails on one order names it as audit lines do (first two characters), never in full:
 * the message reaches WARN lines and the organizer's {@code /registration resync} answer.
 */
@WireMockTest
class PretixOrderCodeInMessagesTest {
  private static final String EVENT = "/api/v1/organizers/pyconxx/events/2026/";
  private static final String GENERATED = "2026-03-01T08:00:00.123456+00:00";

  private PretixTicketSource source(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(EVENT + "items/")).willReturn(okJson(Fixtures.read("items.json"))));
    FakeTime time = new FakeTime(Instant.parse("2026-03-01T09:00:00Z"));
    PretixSettings settings =
        PretixSettings.defaults(
                wm.getHttpBaseUrl() + "/api/v1/", "pyconxx", "2026", "token-0123456789")
            .withRequestsPerMinute(0)
            .withRetries(1, Duration.ofMillis(10));
    return PretixTicketSource.create(settings, time, new OkHttpClient(), time);
  }

  private static void stubOrder(String json) {
    stubFor(
        get(urlPathEqualTo(EVENT + "orders/"))
            .willReturn(
                okJson("{\"count\":1,\"next\":null,\"previous\":null,\"results\":[" + json + "]}")
                    .withHeader("X-Page-Generated", GENERATED)));
  }

  @Test
  void namesAnIncompleteOrderByItsFirstTwoCharacters(WireMockRuntimeInfo wm) {
    // given
    stubOrder(
        "{\"code\":\"QW7RT\",\"status\":\"p\",\"testmode\":false,"
            + "\"positions\":[{\"id\":1,\"item\":101}]}");

    // when
    GatewayException e = catchThrowableOfType(GatewayException.class, () -> source(wm).fullSync());

    // then
    assertThat(e.getMessage()).contains("order QW…").doesNotContain("QW7RT");
  }

  @Test
  void neverEchoesANonCanonicalCodeInFull(WireMockRuntimeInfo wm) {
    // given
    stubOrder("{\"code\":\"qw7rt-secret\",\"status\":\"p\",\"testmode\":false,\"positions\":[]}");

    // when
    GatewayException e = catchThrowableOfType(GatewayException.class, () -> source(wm).fullSync());

    // then
    assertThat(e.getMessage()).contains("order qw…").doesNotContain("qw7rt", "secret");
  }
}
