package dev.confbot.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The attendee-facing texts of every bundled {@link Language}, with the organizer's overrides, and
 * the configured default language. {@link #forLocale} picks the texts for a member's Discord
 * locale: its language if bundled ({@code fr-CA} → French), else the default language.
 *
 * <p>Texts live in UTF-8 {@code texts_<tag>.properties} next to this class. Keys are namespaced:
 * {@code registration.*} (answers to the registration form), {@code discord.*} (the form, the
 * registration channel message, the {@code /now} and {@code /next} answers) and {@code notify.*}
 * (programme notifications). Placeholders are {@code {name}}; an override may use only the
 * placeholders of the key's English text (and {@code {help}} in {@code registration.*} texts).
 * Organizer log lines are not here: they stay English.
 */
public final class Texts {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");
  private static final Map<Language, Map<String, String>> BUNDLED = loadAll();

  /**
   * Discord's length limits of texts shown in components: button label 80, modal title and input
   * labels 45, label descriptions 100.
   */
  private static final Map<String, Integer> MAX_LENGTH =
      Map.of(
          "discord.register_button", 80,
          "discord.modal_title", 45,
          "discord.order_label", 45,
          "discord.name_label", 45,
          "discord.order_description", 100,
          "discord.name_description", 100,
          "discord.forget_me_button", 80,
          "discord.forget_me_cancel_button", 80);

  private final Language defaultLanguage;
  private final Map<Language, TextBundle> bundles;

  private Texts(Language defaultLanguage, Map<Language, TextBundle> bundles) {
    this.defaultLanguage = defaultLanguage;
    this.bundles = bundles;
  }

  /** The bundled texts without overrides, English by default. */
  public static Texts bundled() {
    return configured(Locale.ENGLISH, Map.of());
  }

  /**
   * The bundled texts with the organizer's overrides, as {@code [attendee]} configures them.
   *
   * @param defaultLanguage for members whose locale has no bundled language ({@code
   *     default_language}); must be {@code en}, {@code de} or {@code fr}
   * @param overrides language tag → text key → text ({@code [attendee.texts.<tag>]})
   * @throws IllegalArgumentException listing every {@link #problems problem}, one per line
   */
  public static Texts configured(
      Locale defaultLanguage, Map<String, Map<String, String>> overrides) {
    List<TextProblem> problems = problems(defaultLanguage, overrides);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          problems.stream().map(TextProblem::toString).collect(Collectors.joining("\n")));
    }
    Map<Language, TextBundle> bundles = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      Map<String, String> texts = new TreeMap<>(bundledTexts(language));
      overrides.forEach(
          (tag, byKey) -> {
            if (Language.forTag(tag).orElseThrow() == language) {
              texts.putAll(byKey);
            }
          });
      bundles.put(language, new TextBundle(language, texts));
    }
    return new Texts(Language.of(defaultLanguage).orElseThrow(), bundles);
  }

  /**
   * Everything wrong with these settings (empty if usable): a default language without bundled
   * texts, an override for a language without bundled texts, an unknown key, a placeholder the key
   * does not have (e.g. {@code {code}} instead of {@code {order}}), a blank text, or a form text
   * longer than Discord allows.
   */
  public static List<TextProblem> problems(
      Locale defaultLanguage, Map<String, Map<String, String>> overrides) {
    List<TextProblem> problems = new ArrayList<>();
    if (Language.of(defaultLanguage).isEmpty()) {
      problems.add(
          new TextProblem(
              "attendee.default_language",
              "no bundled texts for \""
                  + defaultLanguage.toLanguageTag()
                  + "\"; use "
                  + supportedTags()));
    }
    Map<String, String> english = bundledTexts(Language.ENGLISH);
    overrides.forEach(
        (tag, byKey) -> {
          if (Language.forTag(tag).isEmpty()) {
            problems.add(
                new TextProblem(
                    "attendee.texts." + tag,
                    "no bundled texts for \""
                        + tag
                        + "\" (texts are per language, without region); use "
                        + supportedTags()));
            return;
          }
          byKey.forEach(
              (key, text) -> {
                String path = "attendee.texts." + tag + ".\"" + key + "\"";
                String reference = english.get(key);
                if (reference == null) {
                  problems.add(
                      new TextProblem(
                          path, "unknown text key; see docs/attendees.md for the list of keys"));
                  return;
                }
                checkText(key, text, reference)
                    .ifPresent(m -> problems.add(new TextProblem(path, m)));
              });
        });
    return List.copyOf(problems);
  }

  private static Optional<String> checkText(String key, String text, String reference) {
    if (text.isBlank()) {
      return Optional.of("the text is empty");
    }
    Set<String> allowed = allowedPlaceholders(key, reference);
    Set<String> unknown = new LinkedHashSet<>(placeholders(text));
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      return Optional.of(
          "unknown placeholder "
              + braces(unknown)
              + "; this text may use "
              + (allowed.isEmpty() ? "no placeholders" : braces(allowed)));
    }
    Integer max = MAX_LENGTH.get(key);
    if (max != null && text.length() > max) {
      return Optional.of(
          "Discord allows at most " + max + " characters here, the text has " + text.length());
    }
    return Optional.empty();
  }

  /** The placeholders an override of {@code key} may use. */
  static Set<String> allowedPlaceholders(String key, String englishText) {
    Set<String> allowed = new LinkedHashSet<>(placeholders(englishText));
    if (key.startsWith("registration.")) {
      allowed.add("help");
    }
    return allowed;
  }

  /** The language used when a member's locale has no bundled texts. */
  public Language defaultLanguage() {
    return defaultLanguage;
  }

  /**
   * The texts for a member's locale (e.g. a Discord interaction's user locale): its language if
   * bundled, ignoring the region ({@code fr-CA} → French), else the default language.
   */
  public TextBundle forLocale(Locale locale) {
    return forLanguage(Language.of(locale).orElse(defaultLanguage));
  }

  /** The texts of one language. */
  public TextBundle forLanguage(Language language) {
    TextBundle bundle = bundles.get(language);
    if (bundle == null) {
      throw new AssertionError(language);
    }
    return bundle;
  }

  /** The texts of the default language (for channel messages that everyone reads). */
  public TextBundle defaults() {
    return forLanguage(defaultLanguage);
  }

  /** The bundled texts of a language, without overrides, sorted by key (for tests and docs). */
  public static Map<String, String> bundledTexts(Language language) {
    Map<String, String> texts = BUNDLED.get(language);
    if (texts == null) {
      throw new AssertionError(language);
    }
    return texts;
  }

  /** The placeholder names in a text, in order of appearance: {@code {order}} → {@code order}. */
  public static Set<String> placeholders(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Fills {@code {name}} placeholders; those without a value stay as they are. */
  public static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String braces(Set<String> names) {
    return names.stream().map(n -> "{" + n + "}").collect(Collectors.joining(", "));
  }

  private static String supportedTags() {
    List<String> tags = new ArrayList<>();
    for (Language language : Language.values()) {
      tags.add("\"" + language.tag() + "\"");
    }
    return String.join(", ", tags);
  }

  private static Map<Language, Map<String, String>> loadAll() {
    Map<Language, Map<String, String>> all = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      all.put(language, load(language));
    }
    return Collections.unmodifiableMap(all);
  }

  private static Map<String, String> load(Language language) {
    String name = "texts_" + language.tag() + ".properties";
    try (InputStream in = Texts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled texts " + name);
      }
      Properties properties = new Properties();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
      Map<String, String> texts = new TreeMap<>();
      properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
      return Collections.unmodifiableMap(texts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled texts " + name, e);
    }
  }
}
