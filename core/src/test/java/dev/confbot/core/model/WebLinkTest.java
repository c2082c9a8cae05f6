package dev.confbot.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebLinkTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://pretalx.example.org/pyconfx-2025/talk/KEYN01/",
        "http://ep2023.example/session/ABC?x=1#top",
        "HTTPS://Example.org",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
      })
  void keepsAbsoluteHttpUrls(String url) {
    assertThat(WebLink.valid(url)).contains(url);
  }

  @Test
  void stripsSurroundingWhitespace() {
    assertThat(WebLink.valid("  https://example.org/a \n")).contains("https://example.org/a");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "/pyconfx-2025/talk/KEYN01/",
        "pretalx.example.org/talk/KEYN01",
        "ftp://example.org/file",
        "javascript:alert(1)",
        "mailto:orga@example.org",
        "https://",
        "https:///path-only",
        "https://example.org/a b",
        "https://example.org/a\tb",
        "https://example.org/<script>",
        "https://example.org/x)y",
        "https://exa mple.org",
      })
  void refusesWhatDiscordWouldRefuse(String url) {
    assertThat(WebLink.valid(url)).isEmpty();
    assertThat(WebLink.isValid(url)).isFalse();
  }

  @Test
  void refusesNullAndOverlongUrls() {
    assertThat(WebLink.valid(null)).isEmpty();
    assertThat(WebLink.valid("https://example.org/" + "a".repeat(WebLink.MAX_LENGTH))).isEmpty();
    String longest = "https://example.org/" + "a".repeat(WebLink.MAX_LENGTH - 20);
    assertThat(WebLink.valid(longest)).contains(longest);
  }
}
