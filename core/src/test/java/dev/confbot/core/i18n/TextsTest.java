package dev.confbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TextsTest {
  private static final Map<String, String> ENGLISH = Texts.bundledTexts(Language.ENGLISH);

  /** Texts that read the same in the translation (names, numbers, loanwords). */
  private static final Set<String> SAME_AS_ENGLISH =
      Set.of("notify.part", "notify.track", "notify.livestream", "discord.livestream");

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyBundleHasExactlyTheEnglishKeys(Language language) {
    assertThat(Texts.bundledTexts(language).keySet())
        .containsExactlyInAnyOrderElementsOf(ENGLISH.keySet());
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyTextHasTheSamePlaceholdersAsInEnglish(Language language) {
    // when
    List<String> differing = new ArrayList<>();
    Texts.bundledTexts(language)
        .forEach(
            (key, text) -> {
              String english = ENGLISH.get(key);
              if (english != null
                  && !Texts.placeholders(text).equals(Texts.placeholders(english))) {
                differing.add(key + " " + Texts.placeholders(text));
              }
            });
    // then
    assertThat(differing).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void bundledTextsAreUsableAsOverridesAndNotBlank(Language language) {
    assertThat(Texts.bundledTexts(language)).allSatisfy((k, v) -> assertThat(v).isNotBlank());
    assertThat(Texts.problems(Locale.ENGLISH, Map.of(language.tag(), Texts.bundledTexts(language))))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"GERMAN", "FRENCH"})
  void translatesEveryText(Language language) {
    // when
    List<String> untranslated = new ArrayList<>();
    Texts.bundledTexts(language)
        .forEach(
            (key, text) -> {
              if (text.equals(ENGLISH.get(key)) && !SAME_AS_ENGLISH.contains(key)) {
                untranslated.add(key);
              }
            });
    // then
    assertThat(untranslated).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "en, ENGLISH",
    "en-GB, ENGLISH",
    "de, GERMAN",
    "de-AT, GERMAN",
    "fr, FRENCH",
    "fr-CA, FRENCH",
    "es-ES, GERMAN",
    "pt-BR, GERMAN",
    "und, GERMAN"
  })
  void picksTheLanguageOfTheLocaleElseTheDefault(String locale, Language expected) {
    // given
    Texts texts = Texts.configured(Locale.GERMAN, Map.of());
    // when
    TextBundle bundle = texts.forLocale(Locale.forLanguageTag(locale));
    // then
    assertThat(bundle.language()).isEqualTo(expected);
    assertThat(bundle.locale().getLanguage()).isEqualTo(expected.tag());
  }

  @Test
  void bundledTextsDefaultToEnglish() {
    assertThat(Texts.bundled().defaultLanguage()).isEqualTo(Language.ENGLISH);
    assertThat(Texts.bundled().defaults().get("discord.register_button")).isEqualTo("Register");
    assertThat(Texts.bundled().forLocale(Locale.JAPANESE).language()).isEqualTo(Language.ENGLISH);
  }

  @Test
  void overridesReplaceOneTextInOneLanguage() {
    // given
    Texts texts =
        Texts.configured(
            Locale.ENGLISH,
            Map.of(
                "fr",
                Map.of(
                    "registration.order_not_found", "Commande {order} introuvable, voir {help}."),
                "DE",
                Map.of("discord.register_button", "Ticket einlösen")));
    // when
    TextBundle french = texts.forLocale(Locale.CANADA_FRENCH);
    // then
    assertThat(french.format("registration.order_not_found", Map.of("order", "XJ7Q2")))
        .isEqualTo("Commande XJ7Q2 introuvable, voir {help}.");
    assertThat(french.get("registration.test_mode"))
        .isEqualTo(Texts.bundledTexts(Language.FRENCH).get("registration.test_mode"));
    assertThat(texts.forLanguage(Language.GERMAN).get("discord.register_button"))
        .isEqualTo("Ticket einlösen");
    assertThat(texts.forLanguage(Language.ENGLISH).get("registration.order_not_found"))
        .isEqualTo(ENGLISH.get("registration.order_not_found"));
  }

  @Test
  void reportsEveryUnusableOverrideWithItsConfigKey() {
    // given
    Map<String, Map<String, String>> overrides =
        Map.of(
            "fr",
            Map.of(
                "registration.nope", "x",
                "registration.order_not_found", "Commande {code} introuvable",
                "discord.busy", " ",
                "discord.modal_title", "Enregistrez votre billet pour la conférence PyCon FR 2026"),
            "es",
            Map.of("discord.register_button", "Registrarse"));
    // when
    List<TextProblem> problems = Texts.problems(Locale.forLanguageTag("it"), overrides);
    // then
    assertThat(problems)
        .extracting(TextProblem::toString)
        .containsExactlyInAnyOrder(
            "attendee.default_language: no bundled texts for \"it\"; use \"en\", \"de\", \"fr\"",
            "attendee.texts.es: no bundled texts for \"es\" (texts are per language, without"
                + " region); use \"en\", \"de\", \"fr\"",
            "attendee.texts.fr.\"registration.nope\": unknown text key; see docs/attendees.md for"
                + " the list of keys",
            "attendee.texts.fr.\"registration.order_not_found\": unknown placeholder {code}; this"
                + " text may use {order}, {help}",
            "attendee.texts.fr.\"discord.busy\": the text is empty",
            "attendee.texts.fr.\"discord.modal_title\": Discord allows at most 45 characters"
                + " here, the text has 57");
  }

  @Test
  void refusesToStartWithUnusableOverrides() {
    assertThatThrownBy(
            () ->
                Texts.configured(
                    Locale.ENGLISH, Map.of("de", Map.of("notify.room", "Raum {room_name}"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attendee.texts.de.\"notify.room\": unknown placeholder {room_name}; this text may use"
                + " no placeholders");
    assertThatThrownBy(() -> Texts.configured(Locale.forLanguageTag("es"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attendee.default_language");
  }

  @Test
  void acceptsAnOverrideThatLeavesOutAPlaceholder() {
    assertThat(
            Texts.problems(
                Locale.ENGLISH,
                Map.of("en", Map.of("registration.claimed_by_other", "Taken. Ask in #help-desk."))))
        .isEmpty();
  }

  @Test
  void fillsPlaceholdersLiterallyAndKeepsUnknownOnes() {
    assertThat(Texts.fill("{a} costs {price}, {b}", Map.of("a", "Tea", "price", "$3 \\o/")))
        .isEqualTo("Tea costs $3 \\o/, {b}");
    assertThat(Texts.placeholders("{order} {help} {order} {}"))
        .containsExactly("order", "help", "");
  }

  @Test
  void rejectsAnUnknownKeyInCode() {
    assertThatThrownBy(() -> Texts.bundled().defaults().get("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }
}
