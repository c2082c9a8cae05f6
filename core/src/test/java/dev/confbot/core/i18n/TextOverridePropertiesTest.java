package dev.confbot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TextOverridePropertiesTest {
  private static final String KEY = "registration.order_not_found";

  @Property(tries = 200)
  void acceptsAnyTextWithoutBracesVerbatim(@ForAll("plainTexts") String text) {
    // given
    Map<String, Map<String, String>> overrides = Map.of("fr", Map.of(KEY, text));
    // when
    TextBundle french = Texts.configured(Locale.ENGLISH, overrides).forLanguage(Language.FRENCH);
    // then
    assertThat(french.format(KEY, Map.of("order", "XJ7Q2", "help", "#aide"))).isEqualTo(text);
  }

  @Property(tries = 200)
  void reportsAnyPlaceholderTheKeyDoesNotHave(
      @ForAll("plainTexts") String text, @ForAll("names") String name) {
    // given
    Map<String, Map<String, String>> overrides = Map.of("de", Map.of(KEY, text + "{" + name + "}"));
    // when
    var problems = Texts.problems(Locale.ENGLISH, overrides);
    // then
    assertThat(problems).singleElement().asString().contains("{" + name + "}", KEY);
  }

  @Provide
  Arbitrary<String> plainTexts() {
    return Arbitraries.strings()
        .all()
        .excludeChars('{', '}')
        .ofMinLength(1)
        .ofMaxLength(80)
        .filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('_', 'é', 'Ö')
        .ofMinLength(1)
        .ofMaxLength(12)
        .filter(s -> !s.equals("order") && !s.equals("help"));
  }
}
