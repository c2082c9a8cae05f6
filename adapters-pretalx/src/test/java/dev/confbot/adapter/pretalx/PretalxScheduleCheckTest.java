package dev.confbot.adapter.pretalx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.confbot.core.check.Finding;
import dev.confbot.core.check.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
class PretalxScheduleCheckTest {
  private static final String PATH = "/pyconfx-2025/schedule/export/schedule.json";
  private static final String TOKEN = "pretalx-secret-token-987";

  private static List<Finding> check(String source) {
    return PretalxScheduleCheck.check(
        PretalxSettings.of(source).withToken(TOKEN), Clock.systemUTC());
  }

  private static Finding onlyError(List<Finding> findings) {
    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.key()).isEqualTo("schedule.source");
    assertThat(finding.line()).doesNotContain(TOKEN);
    return finding;
  }

  @Test
  void confirmsAReadableSchedule(WireMockRuntimeInfo wm) {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(Fixtures.read("pyconfx-2025-frab.json"))));
    // when
    List<Finding> findings = check(wm.getHttpBaseUrl() + PATH);
    // then
    assertThat(findings).first().extracting(Finding::severity).isEqualTo(Severity.OK);
    assertThat(findings.get(0).message()).startsWith("schedule readable: frab format, version ");
  }

  @Test
  void namesTheSourceWhenPretalxAnswers404(WireMockRuntimeInfo wm) {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
    // when
    Finding finding = onlyError(check(wm.getHttpBaseUrl() + PATH));
    // then
    assertThat(finding.message()).startsWith("HTTP 404: no schedule at").contains("event slug");
  }

  @Test
  void namesTheSourceWhenThePayloadIsNotASchedule(WireMockRuntimeInfo wm) {
    // given
    stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"hello\": \"world\"}")));
    // when
    Finding finding = onlyError(check(wm.getHttpBaseUrl() + PATH));
    // then
    assertThat(finding.message()).contains("check schedule.source");
  }

  @Test
  void namesTheSourceWhenPretalxCannotBeReached() {
    // when
    Finding finding = onlyError(check("http://127.0.0.1:9" + PATH));
    // then
    assertThat(finding.message()).startsWith("cannot reach http://127.0.0.1:9" + PATH);
  }

  @Test
  void warnsAboutAScheduleWithoutSessions(WireMockRuntimeInfo wm) {
    // given
    stubFor(
        get(urlPathEqualTo(PATH)).willReturn(okJson(Fixtures.read("pretalx-empty-schedule.json"))));
    // when
    List<Finding> findings = check(wm.getHttpBaseUrl() + PATH);
    // then
    assertThat(findings).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
  }

  @Test
  void namesTheSourceWhenTheFileIsMissing(@TempDir Path directory) {
    // when
    Finding finding = onlyError(check(directory.resolve("schedule.json").toString()));
    // then
    assertThat(finding.message()).startsWith("schedule file not found");
  }
}
