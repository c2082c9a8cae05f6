package dev.confbot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.Embed;
import dev.confbot.core.model.OutgoingMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTextTest {

  @Test
  void drawsContentAndEveryEmbedPart() {
    // given
    Embed card =
        new Embed(
            "Keynote",
            "https://ep.example/k",
            "*by Ada*\n\nOpening",
            0x57F287,
            List.of(new Embed.Field("Room", "Forum Hall", true)),
            "Wed 19 Jul, 09:00 local time (Europe/Prague)");
    Embed bare = new Embed("Lightning talks", null, "", 0, List.of(), "");
    // when
    String text =
        MessageText.of(new OutgoingMessage("programme", "Starting soon:", List.of(card, bare)));
    // then
    assertThat(text)
        .isEqualTo(
            "#programme: Starting soon:\n"
                + "┃ Keynote <https://ep.example/k>\n"
                + "┃ *by Ada*\n"
                + "┃ \n"
                + "┃ Opening\n"
                + "┃ Room: Forum Hall\n"
                + "┃ Wed 19 Jul, 09:00 local time (Europe/Prague)\n"
                + "┃ Lightning talks\n");
  }
}
