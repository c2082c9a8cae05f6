package dev.confbot.fakediscord;

import java.util.List;

/**
 * A snapshot of a message: a channel message, or an interaction answer (possibly ephemeral).
 *
 * @param id snowflake
 * @param channelId channel the message belongs to
 * @param authorId the author's user id (the bot, a member, or a webhook id)
 * @param content text content, "" when none
 * @param embeds the embeds in order
 * @param attachments the attachments in order
 * @param buttonCustomIds custom ids of the buttons in its components, in order
 * @param ephemeral whether only the interacting member sees it (flag 64)
 * @param edited whether it has been edited since it was created
 */
public record FakeMessage(
    long id,
    long channelId,
    long authorId,
    String content,
    List<FakeEmbed> embeds,
    List<FakeAttachment> attachments,
    List<String> buttonCustomIds,
    boolean ephemeral,
    boolean edited) {

  /** Copies the lists. */
  public FakeMessage {
    embeds = List.copyOf(embeds);
    attachments = List.copyOf(attachments);
    buttonCustomIds = List.copyOf(buttonCustomIds);
  }

  /** All visible text: content, then each embed's title, description and field texts. */
  public String allText() {
    StringBuilder text = new StringBuilder(content);
    for (FakeEmbed embed : embeds) {
      for (String part : new String[] {embed.title(), embed.description(), embed.footer()}) {
        if (part != null) {
          text.append('\n').append(part);
        }
      }
      for (FakeEmbed.Field field : embed.fields()) {
        text.append('\n').append(field.name()).append('\n').append(field.value());
      }
    }
    return text.toString();
  }
}
