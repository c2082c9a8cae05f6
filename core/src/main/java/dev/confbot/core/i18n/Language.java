package dev.confbot.core.i18n;

import java.util.Locale;
import java.util.Optional;

/** A language with complete bundled texts. English is the reference every bundle must match. */
public enum Language {
  ENGLISH("en"),
  GERMAN("de"),
  FRENCH("fr");

  private final String tag;

  Language(String tag) {
    this.tag = tag;
  }

  /** The language tag, e.g. {@code fr}: the bundle's name and the config's table name. */
  public String tag() {
    return tag;
  }

  /** The locale of the language (no region), e.g. for day names. */
  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /**
   * The bundled language of a locale, ignoring region and script: {@code fr-CA} is French, {@code
   * en-GB} English; empty for a language without bundled texts (e.g. {@code es-ES}).
   */
  public static Optional<Language> of(Locale locale) {
    return forTag(locale.getLanguage());
  }

  /**
   * The language of exactly this tag ({@code en}, {@code de}, {@code fr}, any case); else empty.
   */
  public static Optional<Language> forTag(String tag) {
    for (Language language : values()) {
      if (language.tag.equalsIgnoreCase(tag.strip())) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }
}
