package dev.confbot.core.notify;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.Texts;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every attendee-facing text of programme notifications, by key, in one place: {@link #english()}
 * or {@link #forLanguage} (the bundles of {@link Texts}, with the organizer's overrides). Texts may
 * hold {@code {name}} placeholders, filled by {@link #format}.
 */
public final class Labels {

  /** The keys; {@link #key()} is the snake_case name used in configuration overrides. */
  public enum Label {
    /** Main-channel message above the embeds; {@code {time}} is a Discord timestamp. */
    MAIN_HEADER,
    /** Room-channel message above the embed. */
    ROOM_HEADER,
    /** Appended to a header when a slot is split over several messages. */
    PART,
    SPEAKERS,
    START,
    ROOM,
    TRACK,
    LEVEL,
    DURATION,
    MINUTES,
    LIVESTREAM,
    WATCH,
    QUESTIONS,
    ASK,
    /** Footer; {@code {time}} is the start in the event's time zone, {@code {zone}} its id. */
    FOOTER,
    CHANGE_MOVED,
    CHANGE_CANCELLED,
    CHANGE_ADDED,
    /** A session that kept its time and room; the details follow. */
    CHANGE_UPDATED,
    /** Appended to a move or update whose title changed; {@code {old_title}}. */
    CHANGE_TITLE,
    /**
     * Appended to a move or update whose speakers changed; {@code {speakers}}, {@code
     * {old_speakers}}.
     */
    CHANGE_SPEAKERS;

    /** The snake_case key of the label, e.g. {@code main_header}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The key in the language bundles and {@code [attendee.texts.<lang>]}, e.g. {@code
     * notify.room}.
     */
    public String textKey() {
      return "notify." + key();
    }
  }

  private final Map<Label, String> texts;
  private final Locale locale;

  private Labels(Map<Label, String> texts, Locale locale) {
    this.texts = texts;
    this.locale = locale;
  }

  /** The bundled English texts. */
  public static Labels english() {
    return forLanguage(Texts.bundled().forLanguage(Language.ENGLISH));
  }

  /**
   * The labels of one language (keys {@code notify.<key>}, with the organizer's overrides); dates
   * are formatted in that language.
   */
  public static Labels forLanguage(TextBundle bundle) {
    Map<Label, String> texts = new EnumMap<>(Label.class);
    for (Label label : Label.values()) {
      texts.put(label, bundle.get(label.textKey()));
    }
    return new Labels(texts, bundle.locale());
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
    if (text == null) {
      throw new AssertionError("no text for " + label);
    }
    return text;
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
