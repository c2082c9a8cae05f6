package dev.confbot.core.notify;

import dev.confbot.core.model.Embed;
import dev.confbot.core.model.OutgoingMessage;

/**
 * A plain-text picture of a message, for the preview command, the demo transcript and logs:
 * channel, content, then each embed as an indented card.
 */
public final class MessageText {

  private MessageText() {}

  /**
   * The message as readable lines, e.g. {@code #programme: Starting …} followed by {@code ┃ title
   * <url>}, the description, {@code ┃ Name: value} per field and the footer.
   */
  public static String of(OutgoingMessage message) {
    StringBuilder text = new StringBuilder();
    text.append('#').append(message.channel()).append(": ").append(message.content()).append('\n');
    for (Embed embed : message.embeds()) {
      text.append("┃ ").append(embed.title());
      if (embed.url() != null) {
        text.append(" <").append(embed.url()).append('>');
      }
      text.append('\n');
      if (!embed.description().isEmpty()) {
        for (String line : embed.description().split("\n", -1)) {
          text.append("┃ ").append(line).append('\n');
        }
      }
      for (Embed.Field field : embed.fields()) {
        text.append("┃ ").append(field.name()).append(": ").append(field.value()).append('\n');
      }
      if (!embed.footer().isEmpty()) {
        text.append("┃ ").append(embed.footer()).append('\n');
      }
    }
    return text.toString();
  }
}
