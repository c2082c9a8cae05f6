package dev.confbot.core.i18n;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Every attendee-facing text in one language (bundled texts with the organizer's overrides). */
public final class TextBundle {
  private final Language language;
  private final Map<String, String> texts;

  TextBundle(Language language, Map<String, String> texts) {
    this.language = language;
    this.texts = Collections.unmodifiableMap(new TreeMap<>(texts));
  }

  /** The language of the texts. */
  public Language language() {
    return language;
  }

  /** The locale for dates and day names in this language. */
  public Locale locale() {
    return language.locale();
  }

  /** Every key (the same in every language). */
  public Set<String> keys() {
    return texts.keySet();
  }

  /**
   * The text of a key, placeholders unfilled.
   *
   * @throws IllegalArgumentException for a key no bundle has (a programming error)
   */
  public String get(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no attendee text with key " + key);
    }
    return text;
  }

  /**
   * The text of a key with its {@code {name}} placeholders filled from {@code values}; placeholders
   * without a value stay as they are.
   */
  public String format(String key, Map<String, String> values) {
    return Texts.fill(get(key), values);
  }

  @Override
  public String toString() {
    return "TextBundle[" + language.tag() + ", " + texts.size() + " texts]";
  }
}
