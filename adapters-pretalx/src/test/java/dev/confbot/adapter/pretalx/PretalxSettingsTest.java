package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PretalxSettingsTest {

  @Test
  void hidesTheTokenInToString() {
    // given
    PretalxSettings settings =
        PretalxSettings.of("https://pretalx.com/api/events/ep/schedules/latest/")
            .withToken("abcdef0123456789");

    // then
    assertThat(settings.token()).isEqualTo("abcdef0123456789");
    assertThat(settings.toString()).doesNotContain("abcdef0123456789").contains("token=***");
    assertThat(settings.withToken(" ").toString()).contains("token=none");
  }

  @Test
  void treatsBlankOptionalValuesAsAbsent() {
    // when
    PretalxSettings settings =
        new PretalxSettings(
            " schedule.json ",
            "  ",
            "",
            "de",
            ZoneId.of("Europe/Berlin"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofMinutes(5));

    // then
    assertThat(settings.source()).isEqualTo("schedule.json");
    assertThat(settings.token()).isNull();
    assertThat(settings.apiVersion()).isNull();
    assertThat(settings.isUrl()).isFalse();
  }

  @Test
  void recognisesUrls() {
    assertThat(PretalxSettings.of("HTTPS://pretalx.com/x/schedule.json").isUrl()).isTrue();
    assertThat(PretalxSettings.of("http://localhost:8080/x").isUrl()).isTrue();
    assertThat(PretalxSettings.of("/var/lib/confbot/schedule.json").isUrl()).isFalse();
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> PretalxSettings.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pretalx source must be a URL or a file path");
    assertThatThrownBy(
            () -> PretalxSettings.of("x.json").withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessage("pretalx connect timeout must be positive: PT0S");
  }
}
