package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpPayloadFetcherTest {

  @Test
  void storesEntityTagsWithoutQuotesOrWeakPrefix() {
    assertThat(HttpPayloadFetcher.unquote("\"0f3a\"")).isEqualTo("0f3a");
    assertThat(HttpPayloadFetcher.unquote("W/\"0f3a\"")).isEqualTo("0f3a");
    assertThat(HttpPayloadFetcher.unquote("0f3a")).isEqualTo("0f3a");
    assertThat(HttpPayloadFetcher.unquote("\"\"")).isNull();
    assertThat(HttpPayloadFetcher.unquote(null)).isNull();
  }

  @Test
  void redactsCredentialsAndQueryFromUrls() {
    assertThat(HttpPayloadFetcher.redacted("https://u:p@pretalx.com/api/events/ep/?token=x#frag"))
        .isEqualTo("https://pretalx.com/api/events/ep/");
    assertThat(HttpPayloadFetcher.redacted("not a url")).isEqualTo("(invalid URL)");
  }
}
