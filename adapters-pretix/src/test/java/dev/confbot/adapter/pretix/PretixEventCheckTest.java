package dev.confbot.adapter.pretix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.confbot.core.check.Finding;
import dev.confbot.core.check.Severity;
import dev.confbot.core.model.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class PretixEventCheckTest {
  private static final String TOKEN = "s3cr3t-team-token-0123456789";
  private static final String ITEMS = "/api/v1/organizers/pyconxx/events/2026/items/";

  private PretixSettings settings =
      PretixSettings.defaults("http://localhost/api/v1/", "pyconxx", "2026", TOKEN);

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    settings = PretixSettings.defaults(wm.getHttpBaseUrl() + "/api/v1/", "pyconxx", "2026", TOKEN);
  }

  private static void answer(int status) {
    stubFor(
        get(urlPathEqualTo(ITEMS))
            .willReturn(aResponse().withStatus(status).withBody("{\"detail\": \"nope\"}")));
  }

  private Finding onlyFinding() {
    PretixEventCheck.Outcome outcome = PretixEventCheck.check(settings);
    assertThat(outcome.itemsRead()).isFalse();
    assertThat(outcome.products()).isEmpty();
    assertThat(outcome.findings()).hasSize(1);
    Finding finding = outcome.findings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.line()).doesNotContain(TOKEN);
    return finding;
  }

  @Test
  void readsTheProductsWithTheTokenAndConfirms() {
    // given
    stubFor(
        get(urlPathEqualTo(ITEMS))
            .withHeader("Authorization", equalTo("Token " + TOKEN))
            .willReturn(okJson(Fixtures.read("items.json"))));
    // when
    PretixEventCheck.Outcome outcome = PretixEventCheck.check(settings);
    // then
    assertThat(outcome.itemsRead()).isTrue();
    assertThat(outcome.products())
        .contains(Product.item(101, "Business"), new Product(106, "Sponsor", 1061L, "Gold"))
        .doesNotContain(Product.item(106, "Sponsor"));
    assertThat(outcome.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.OK);
              assertThat(f.key()).isEqualTo("pretix.event");
              assertThat(f.message()).contains("token accepted").contains("has 9 items");
            });
  }

  @Test
  void followsItemPages(WireMockRuntimeInfo wm) {
    // given
    stubFor(
        get(urlPathEqualTo(ITEMS))
            .withQueryParam("page", equalTo("1"))
            .willReturn(
                okJson(
                    "{\"count\":2,\"next\":\""
                        + wm.getHttpBaseUrl()
                        + ITEMS
                        + "?page=2\",\"previous\":null,\"results\":[{\"id\":1,\"name\":{\"en\":\"A\"},"
                        + "\"variations\":[]}]}")));
    stubFor(
        get(urlPathEqualTo(ITEMS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(
                okJson(
                    "{\"count\":2,\"next\":null,\"previous\":null,\"results\":[{\"id\":2,"
                        + "\"name\":{\"en\":\"B\"},\"variations\":[]}]}")));
    // when
    PretixEventCheck.Outcome outcome = PretixEventCheck.check(settings);
    // then
    assertThat(outcome.products()).containsExactly(Product.item(1, "A"), Product.item(2, "B"));
  }

  @Test
  void namesTheTokenWhenPretixRefusesIt() {
    // given
    answer(401);
    // when
    Finding finding = onlyFinding();
    // then
    assertThat(finding.key()).isEqualTo("PRETIX_TOKEN");
    assertThat(finding.message()).contains("HTTP 401").contains(".secrets");
  }

  @Test
  void namesTheTokenOrTheEventOnForbidden() {
    // given
    answer(403);
    // when
    Finding finding = onlyFinding();
    // then
    assertThat(finding.key()).isEqualTo("PRETIX_TOKEN");
    assertThat(finding.message()).contains("403").contains("pretix.event");
  }

  @Test
  void namesTheEventWhenPretixDoesNotKnowIt() {
    // given
    answer(404);
    // when
    Finding finding = onlyFinding();
    // then
    assertThat(finding.key()).isEqualTo("pretix.event");
    assertThat(finding.message())
        .startsWith("pretix answers 404 for event \"2026\" of organizer \"pyconxx\"")
        .endsWith("/pyconxx/2026/)");
  }

  @Test
  void namesTheBaseUrlOnServerErrorsWithoutRetrying() {
    // given
    answer(503);
    // when
    Finding finding = onlyFinding();
    // then
    assertThat(finding.key()).isEqualTo("pretix.base_url");
    assertThat(finding.message()).contains("HTTP 503").contains("try again later");
  }

  @Test
  void namesTheBaseUrlWhenTheAnswerIsNotPretix() {
    // given
    stubFor(
        get(urlPathEqualTo(ITEMS))
            .willReturn(aResponse().withStatus(200).withBody("<html>hello</html>")));
    // when
    Finding finding = onlyFinding();
    // then
    assertThat(finding.key()).isEqualTo("pretix.base_url");
    assertThat(finding.message()).contains("not a pretix item list");
  }

  @Test
  void namesTheBaseUrlWhenPretixCannotBeReached() {
    // given
    settings = PretixSettings.defaults("http://127.0.0.1:9/api/v1/", "pyconxx", "2026", TOKEN);
    // when
    Finding finding = onlyFinding();
    // then
    assertThat(finding.key()).isEqualTo("pretix.base_url");
    assertThat(finding.message()).startsWith("cannot reach pretix at http://127.0.0.1:9/api/v1/");
  }
}
