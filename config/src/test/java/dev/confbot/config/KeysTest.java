package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KeysTest {
  @Test
  void suggestsTheClosestKnownKey() {
    assertThat(Keys.suggestion("guild", List.of("guild_id", "message_content_intent")))
        .hasValue("guild_id");
    assertThat(Keys.suggestion("Log_Chanel", List.of("channel", "log_channel")))
        .hasValue("log_channel");
  }

  @Test
  void suggestsNothingWhenNoKeyIsClose() {
    assertThat(Keys.suggestion("colour_scheme", List.of("guild_id", "channel"))).isEmpty();
    assertThat(Keys.suggestion("x", List.of())).isEmpty();
  }

  @Test
  void quotesKeysThatAreNotBare() {
    assertThat(Keys.join("livestreams", "North Hall")).isEqualTo("livestreams.\"North Hall\"");
    assertThat(Keys.join("", "discord")).isEqualTo("discord");
    assertThat(Keys.join("a", "b_c-1")).isEqualTo("a.b_c-1");
  }

  @Property
  void distanceIsAMetric(@ForAll String a, @ForAll String b) {
    assertThat(Keys.distance(a, a)).isZero();
    assertThat(Keys.distance(a, b)).isEqualTo(Keys.distance(b, a));
    assertThat(Keys.distance(a, b))
        .isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
  }
}
