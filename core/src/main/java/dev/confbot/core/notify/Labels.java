package dev.confbot.core.notify;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every attendee-facing text of programme notifications, by key, in one place so that a translation
 * (or a config override) replaces them all. Texts may hold {@code {name}} placeholders, filled by
 * {@link #format}.
 */
public final class Labels {

  /** The keys; {@link #key()} is the snake_case name used in configuration overrides. */
  public enum Label {
    /** Main-channel message above the embeds; {@code {time}} is a Discord timestamp. */
    MAIN_HEADER("Starting {relative} at {time}:"),
    /** Room-channel message above the embed. */
    ROOM_HEADER("Up next in this room {relative}:"),
    /** Appended to a header when a slot is split over several messages. */
    PART(" ({part}/{parts})"),
    SPEAKERS("by {speakers}"),
    START("Start"),
    ROOM("Room"),
    TRACK("Track"),
    LEVEL("Level"),
    DURATION("Duration"),
    MINUTES("{minutes} min"),
    LIVESTREAM("Livestream"),
    WATCH("Watch live"),
    QUESTIONS("Q&A"),
    ASK("Ask a question"),
    /** Footer; {@code {time}} is the start in the event's time zone, {@code {zone}} its id. */
    FOOTER("{day}, {time} local time ({zone})"),
    CHANGE_MOVED(
        "📅 Moved: **{title}** now starts {time} in {room} (was {old_time} in {old_room})"),
    CHANGE_CANCELLED("❌ Cancelled: **{title}** ({old_time} in {old_room})"),
    CHANGE_ADDED("🆕 Added: **{title}** {time} in {room}");

    private final String english;

    Label(String english) {
      this.english = english;
    }

    /** The snake_case key of the label, e.g. {@code main_header}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Map<Label, String> texts;
  private final Locale locale;

  private Labels(Map<Label, String> texts, Locale locale) {
    this.texts = texts;
    this.locale = locale;
  }

  /** The English texts. */
  public static Labels english() {
    Map<Label, String> texts = new EnumMap<>(Label.class);
    for (Label label : Label.values()) {
      texts.put(label, label.english);
    }
    return new Labels(texts, Locale.ENGLISH);
  }

  /**
   * These labels with some texts replaced, keyed by {@link Label#key()}; dates are formatted in the
   * given locale.
   *
   * @throws IllegalArgumentException for an unknown key
   */
  public Labels withOverrides(Map<String, String> overrides, Locale dateLocale) {
    Map<Label, String> copy = new EnumMap<>(texts);
    overrides.forEach(
        (key, text) -> {
          try {
            copy.put(Label.valueOf(key.toUpperCase(Locale.ROOT)), text);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown notification label: " + key, e);
          }
        });
    return new Labels(copy, dateLocale);
  }

  /** The locale for day and month names. */
  public Locale locale() {
    return locale;
  }

  /** The text of a label, placeholders unfilled. */
  public String get(Label label) {
    String text = texts.get(label);
    return text != null ? text : label.english;
  }

  /** The text of a label with its placeholders filled; unknown placeholders stay as they are. */
  public String format(Label label, Map<String, String> values) {
    String text = get(label);
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{" + value.getKey() + "}", value.getValue());
    }
    return text;
  }
}
