package dev.confbot.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingMessageTest {

  private static Embed embedOf(int descriptionChars) {
    return new Embed("t", null, "d".repeat(descriptionChars), 0, List.of(), "");
  }

  @Test
  void countsTheTextsDiscordCounts() {
    // given
    Embed embed =
        new Embed(
            "title",
            "https://x",
            "desc",
            0xFFFFFF,
            List.of(new Embed.Field("n", "value", false)),
            "foot");
    // when / then
    assertThat(embed.countedChars()).isEqualTo(5 + 4 + 1 + 5 + 4);
    assertThat(new OutgoingMessage("c", "", List.of(embed, embed)).embedChars()).isEqualTo(38);
  }

  @Test
  void acceptsAMessageExactlyAtTheLimits() {
    // given: 10 embeds of 600 counted characters
    List<Embed> embeds = Collections.nCopies(10, embedOf(599));
    // when
    OutgoingMessage message = new OutgoingMessage("programme", "x".repeat(2000), embeds);
    // then
    assertThat(message.embedChars()).isEqualTo(6000);
  }

  @Test
  void rejectsMessagesBeyondDiscordLimits() {
    // when / then
    assertThatThrownBy(() -> new OutgoingMessage("c", "", Collections.nCopies(11, embedOf(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OutgoingMessage("c", "", Collections.nCopies(10, embedOf(600))))
        .hasMessageContaining("6010");
    assertThatThrownBy(() -> new OutgoingMessage("c", "x".repeat(2001), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OutgoingMessage(" ", "x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OutgoingMessage("c", " ", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsEmbedsBeyondDiscordLimits() {
    // when / then
    assertThatThrownBy(() -> new Embed("t".repeat(257), null, "", 0, List.of(), ""))
        .hasMessageContaining("title");
    assertThatThrownBy(() -> embedOf(4097)).hasMessageContaining("description");
    assertThatThrownBy(() -> new Embed("t", null, "", 0, List.of(), "f".repeat(2049)))
        .hasMessageContaining("footer");
    assertThatThrownBy(
            () ->
                new Embed(
                    "t", null, "", 0, Collections.nCopies(26, new Embed.Field("n", "v", true)), ""))
        .hasMessageContaining("25 fields");
    assertThatThrownBy(() -> new Embed("t", null, "", 0x1000000, List.of(), ""))
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> new Embed.Field("n".repeat(257), "v", true))
        .hasMessageContaining("field name");
    assertThatThrownBy(() -> new Embed.Field("n", "v".repeat(1025), true))
        .hasMessageContaining("field value");
    assertThatThrownBy(() -> new Embed.Field("n", " ", true)).hasMessageContaining("blank");
  }
}
