package dev.confbot.core.model;

import java.util.List;

/**
 * A chat message the bot posts to a channel, free of any library type. The compact constructor
 * enforces Discord's per-message limits (content, number of embeds, embed characters), so a
 * renderer must split before building one.
 *
 * @param channel the target channel by name or id (a snowflake written as digits); the adapter
 *     resolves it, or maps it to a webhook
 * @param content plain text above the embeds (Markdown), at most {@value #CONTENT_MAX} characters
 * @param embeds at most {@value #EMBEDS_MAX} embeds whose counted characters sum to at most {@value
 *     #EMBED_CHARS_MAX}
 */
public record OutgoingMessage(String channel, String content, List<Embed> embeds) {

  /** Discord's limit for the plain content of a message. */
  public static final int CONTENT_MAX = 2000;

  /** Discord's limit for the number of embeds of a message. */
  public static final int EMBEDS_MAX = 10;

  /** Discord's limit for the sum of all embed texts of a message. */
  public static final int EMBED_CHARS_MAX = 6000;

  public OutgoingMessage {
    embeds = List.copyOf(embeds);
    if (channel.isBlank()) {
      throw new IllegalArgumentException("channel must not be blank");
    }
    if (content.length() > CONTENT_MAX) {
      throw new IllegalArgumentException("content has " + content.length() + " characters");
    }
    if (content.isBlank() && embeds.isEmpty()) {
      throw new IllegalArgumentException("a message needs content or embeds");
    }
    if (embeds.size() > EMBEDS_MAX) {
      throw new IllegalArgumentException("a message holds at most 10 embeds: " + embeds.size());
    }
    int chars = embeds.stream().mapToInt(Embed::countedChars).sum();
    if (chars > EMBED_CHARS_MAX) {
      throw new IllegalArgumentException("embeds have " + chars + " characters, at most 6000");
    }
  }

  /** The characters Discord counts against the 6,000-character limit (all embed texts). */
  public int embedChars() {
    return embeds.stream().mapToInt(Embed::countedChars).sum();
  }
}
