package dev.confbot.core.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Paula Larsen | paula larsen",
        "Paula Larsen | Larsen Paula",
        "Paula Larsen | '  PAULA   Larsen '",
        "José Müller-Lüdenscheidt | Jose Mueller Luedenscheidt",
        "José Müller-Lüdenscheidt | jose muller-ludenscheidt",
        "José Müller-Lüdenscheidt | José MüllerLüdenscheidt",
        "Søren Kierkegaard Nielsen | Soren Nielsen",
        "Søren Kierkegaard Nielsen | Soeren Kierkegaard Nielsen",
        "Søren Kierkegaard Nielsen | Nielsen Søren",
        "Đorđe Petrović | Dorde Petrovic",
        "Ævar Þórsson | Aevar Thorsson",
        "Ævar Þórsson | Ævar Þórsson",
        "Straßburger Jörg | Joerg Strassburger",
        "Straßburger Jörg | Jörg Straßburger",
        "Plato | plato",
        "O'Connor Seán | Sean O'Connor",
        "O'Connor Seán | Seán O’Connor",
        "İlkay Gündoğan | Ilkay Gundogan",
        "İlkay Gündoğan | ilkay gündoğan",
        "王小明 | 王小明",
        "王小明 | 王 小明",
        "Ana María García Márquez | Ana Marquez",
        "Ana María García Márquez | ana maria garcia marquez",
        "Dr. Maria Anna van der Berg | Maria van der Berg",
        "Dr. Maria Anna van der Berg | Maria Berg",
        "Dr. Maria Anna van der Berg | Dr Maria Anna van der Berg",
        "Łukasz Wójcik | Lukasz Wojcik",
        "Pål Øvergård | Pal Overgard",
        "Chloë Brontë | Chloe Bronte",
        "François-Xavier Lefèvre | Francois Xavier Lefevre",
        "Ingrid Bergström | Ingrid Bergstroem",
        "Zoë Papadopoulou | ＺＯＥ Papadopoulou",
        "Anna Haddad | Anna\u200B Haddad",
      })
  void matchesTheSamePersonTypedDifferently(String ticket, String typed) {
    assertThat(NameMatcher.matches(ticket, typed)).isTrue();
  }

  @ParameterizedTest(name = "{0} !~ {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Paula Larsen | Paula",
        "Paula Larsen | Larsen",
        "Paula Larsen | Paula Larsen Smith",
        "Lea Fischer | Lea Yilmaz",
        "Elif Yilmaz | Nina Yilmaz",
        "Søren Kierkegaard Nielsen | Søren Kierkegaard",
        "Søren Kierkegaard Nielsen | Kierkegaard Nielsen",
        "Ana María García Márquez | Ana García",
        "Plato | Aristotle",
        "王小明 | 王小红",
        "Paula Larsen | ''",
        "'' | Paula Larsen",
        "'' | ''",
        "Paula Larsen | '...'",
      })
  void doesNotMatchAnotherPerson(String ticket, String typed) {
    assertThat(NameMatcher.matches(ticket, typed)).isFalse();
  }

  @Test
  void canonicalFormFoldsTransliterationsAndDropsTitles() {
    assertThat(NameMatcher.canonical("Dr. Ævar Þórsson-Straße").tokens())
        .containsExactly("avar", "thorsson", "strasse");
  }

  @Test
  void aTitleAloneIsKeptAsTheName() {
    assertThat(NameMatcher.canonical("Dr.").tokens()).containsExactly("dr");
  }

  @Test
  void cutsAbsurdlyLongInputInsteadOfFailing() {
    assertThat(NameMatcher.canonical("a ".repeat(10_000)).tokens())
        .hasSize(NameMatcher.MAX_INPUT / 2);
  }

  @Test
  void canonicalNamesOfEqualInputAreEqual() {
    assertThat(NameMatcher.canonical("Zoë  Müller"))
        .isEqualTo(NameMatcher.canonical("zoe mueller"))
        .hasSameHashCodeAs(NameMatcher.canonical("zoe mueller"));
    assertThat(NameMatcher.canonical("Zoë  Müller")).hasToString("zo muller");
  }

  // --- properties -------------------------------------------------------------------------

  private static final List<String> GIVEN =
      List.of(
          "Søren", "José", "Łukasz", "Đorđe", "İlkay", "Ævar", "Chloë", "Jörg", "Anna", "Kofi",
          "Hiroshi", "Priya", "Siobhán", "Ngozi", "Mateus", "Pål", "Zoë", "Rémy", "Ingrid", "Elif");
  private static final List<String> FAMILY =
      List.of(
          "Nielsen",
          "Müller",
          "Wójcik",
          "Petrović",
          "Gündoğan",
          "Þórsson",
          "Brontë",
          "Straßburger",
          "Haddad",
          "Silva",
          "Tanaka",
          "Ramaswamy",
          "Bhriain",
          "Adichie",
          "Sauro",
          "Øvergård",
          "Papadopoulou",
          "Lefèvre",
          "Bergström",
          "Yilmaz");

  /** A person: given name, optional middle name, family name. */
  record Person(String given, String middle, String family) {
    String full() {
      return middle.isEmpty() ? given + " " + family : given + " " + middle + " " + family;
    }
  }

  @Provide
  Arbitrary<Person> people() {
    Arbitrary<String> given = Arbitraries.of(GIVEN);
    Arbitrary<String> middle = Arbitraries.of(GIVEN).injectNull(0.5).map(m -> m == null ? "" : m);
    Arbitrary<String> family = Arbitraries.of(FAMILY);
    return Combinators.combine(given, middle, family).as(Person::new);
  }

  @Property
  void matchesAnyOrderOfTheTokens(@ForAll("people") Person p, @ForAll long seed) {
    // given
    List<String> tokens = new ArrayList<>(List.of(p.full().split(" ")));
    Collections.shuffle(tokens, new Random(seed));
    // then
    assertThat(NameMatcher.matches(p.full(), String.join(" ", tokens))).isTrue();
  }

  @Property
  void matchesWithoutAccentsWhateverTheCaseAndSpacing(
      @ForAll("people") Person p, @ForAll boolean upper, @ForAll("spaces") String spaces) {
    // given
    String plain =
        java.text.Normalizer.normalize(p.full(), java.text.Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "");
    String typed =
        spaces + (upper ? plain.toUpperCase(java.util.Locale.ROOT) : plain).replace(" ", spaces);
    // then
    assertThat(NameMatcher.matches(p.full(), typed)).isTrue();
  }

  @Property
  void matchesCommonTransliterations(@ForAll("people") Person p) {
    // given
    String typed =
        p.full()
            .replace("ü", "ue")
            .replace("ö", "oe")
            .replace("ä", "ae")
            .replace("ß", "ss")
            .replace("Æ", "Ae")
            .replace("Þ", "Th")
            .replace("þ", "th")
            .replace("ø", "oe")
            .replace("Ø", "Oe")
            .replace("ł", "l")
            .replace("Ł", "L")
            .replace("đ", "d")
            .replace("Đ", "D");
    // then
    assertThat(NameMatcher.matches(p.full(), typed)).isTrue();
  }

  @Property
  void matchesWhenMiddleNameIsLeftOut(@ForAll("people") Person p) {
    assertThat(NameMatcher.matches(p.full(), p.given() + " " + p.family())).isTrue();
  }

  @Property
  void doesNotMatchADifferentPerson(@ForAll("people") Person a, @ForAll("people") Person b) {
    // given
    // a different person: b's given or family name is not among a's names at all
    List<String> aNames = List.of(a.given(), a.middle(), a.family());
    Assume.that(!aNames.contains(b.given()) || !aNames.contains(b.family()));
    // then
    assertThat(NameMatcher.matches(a.full(), b.full())).isFalse();
    assertThat(NameMatcher.matches(a.full(), b.given() + " " + b.family())).isFalse();
  }

  @Property
  void neverMatchesOnlyOneTokenOfATwoTokenName(@ForAll("people") Person p) {
    Assume.that(p.middle().isEmpty());
    assertThat(NameMatcher.matches(p.full(), p.given())).isFalse();
    assertThat(NameMatcher.matches(p.full(), p.family())).isFalse();
  }

  @Property
  void canonicalisesAnyInputWithoutThrowing(@ForAll String anything) {
    assertThat(NameMatcher.canonical(anything)).isNotNull();
  }

  @Provide
  Arbitrary<String> spaces() {
    return Arbitraries.of(" ", "  ", "\t", " \u00A0 ");
  }
}
