package dev.confbot.core.setup;

import java.util.Locale;

/**
 * The kinds of guild channel setup manages. Discord can change a channel's kind in place only
 * between {@link #TEXT} and {@link #ANNOUNCEMENT}; other kinds are fixed once created.
 */
public enum ChannelKind {
  /** A text channel (Discord type 0). */
  TEXT,
  /** A voice channel (type 2): no topic, name may hold capitals and spaces. */
  VOICE,
  /** A forum channel (type 15): its topic is the post guidelines. */
  FORUM,
  /** An announcement channel (type 5): needs the server's Community feature on Discord. */
  ANNOUNCEMENT,
  /** A stage channel (type 13): no topic, needs the server's Community feature on Discord. */
  STAGE;

  /** Whether channels of this kind have a topic (text, announcement, forum). */
  public boolean hasTopic() {
    return this == TEXT || this == ANNOUNCEMENT || this == FORUM;
  }

  /**
   * Whether Discord lists channels of this kind after the text-like ones of the same category
   * (voice and stage), whatever their positions.
   */
  public boolean listedLast() {
    return this == VOICE || this == STAGE;
  }

  /** Whether names of this kind are free text (voice, stage) rather than lower case, no spaces. */
  boolean freeName() {
    return listedLast();
  }

  /** Whether Discord can turn a channel of this kind into one of {@code other} in place. */
  public boolean convertibleTo(ChannelKind other) {
    return this == other
        || (this == TEXT && other == ANNOUNCEMENT)
        || (this == ANNOUNCEMENT && other == TEXT);
  }

  /** Lower-case name for plan lines and messages: {@code text}, {@code voice}… */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
