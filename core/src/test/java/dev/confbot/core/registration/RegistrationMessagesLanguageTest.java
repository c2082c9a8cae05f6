package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.registration.RegistrationResult.OrderNotFound;
import dev.confbot.core.registration.RegistrationResult.Registered;
import dev.confbot.core.registration.RegistrationResult.TooManyAttempts;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegistrationMessagesLanguageTest {
  private static final OrderCode CODE = new OrderCode("XJ7Q2");
  private static final Registered REGISTERED =
      new Registered(new PositionKey(CODE, 1), BUSINESS, Set.of(ATTENDEES));

  private static RegistrationMessages messages(String locale) {
    return RegistrationMessages.forLanguage(
        Texts.bundled().forLocale(Locale.forLanguageTag(locale)), "<#42>");
  }

  @Test
  void answersAFrenchMemberInFrench() {
    // when
    String answer = messages("fr-FR").attendeeMessage(new OrderNotFound(CODE));
    // then
    assertThat(answer)
        .isEqualTo(
            "Nous n'avons pas trouvé la commande XJ7Q2. Vérifiez le code de commande indiqué sur"
                + " votre billet (lettres et chiffres, p.\u00a0ex. XJ7Q2). Si vous venez de"
                + " l'acheter, réessayez dans quelques minutes.");
  }

  @Test
  void answersAGermanMemberInGerman() {
    // when
    String registered = messages("de-DE").attendeeMessage(REGISTERED);
    String waiting = messages("de").attendeeMessage(new TooManyAttempts(Duration.ofSeconds(61)));
    // then
    assertThat(registered)
        .isEqualTo(
            "Du bist mit deinem Ticket „Business“ registriert. Willkommen! Deine Rollen werden"
                + " gerade vergeben und sollten gleich erscheinen.");
    assertThat(waiting).contains("warte 2 Minute(n)", "<#42>");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyResultHasItsOwnFilledInAnswerInEveryLanguage(Language language) {
    // given
    RegistrationMessages messages =
        RegistrationMessages.forLanguage(Texts.bundled().forLanguage(language), "<#42>");
    // when
    List<String> answers =
        RegistrationMessagesTest.everyResult().stream().map(messages::attendeeMessage).toList();
    // then
    assertThat(answers).allSatisfy(a -> assertThat(a).isNotBlank().doesNotContain("{", "}"));
    assertThat(answers).doesNotHaveDuplicates();
  }

  @Test
  void englishBundleGivesTheSameAnswersAsTheEnglishDefaults() {
    RegistrationMessages english =
        RegistrationMessages.forLanguage(Texts.bundled().forLanguage(Language.ENGLISH), "x");
    RegistrationMessages defaults = new RegistrationMessages(Map.of(), "x");
    assertThat(RegistrationMessagesTest.everyResult())
        .allSatisfy(
            r -> assertThat(english.attendeeMessage(r)).isEqualTo(defaults.attendeeMessage(r)));
  }

  @Test
  void everyResultHasABundledTextKey() {
    assertThat(RegistrationMessagesTest.everyResult())
        .allSatisfy(
            r ->
                assertThat(Texts.bundledTexts(Language.ENGLISH))
                    .containsKey(RegistrationMessages.textKey(r)));
    assertThat(
            RegistrationMessages.textKey(
                new RegistrationResult.InvalidCode(ParsedCode.Reason.TOO_SHORT)))
        .isEqualTo("registration.invalid_code.too_short");
  }

  @Test
  void keepsOrganizerLogLinesInEnglish() {
    assertThat(messages("fr").logLine(ALICE, REGISTERED))
        .isEqualTo(RegistrationMessages.ENGLISH.logLine(ALICE, REGISTERED));
  }

  @Test
  void usesTheOrganizersOverrideOfTheMembersLanguage() {
    // given
    Texts texts =
        Texts.configured(
            Locale.ENGLISH,
            Map.of("fr", Map.of("registration.registered", "Bienvenue, billet {ticket} !")));
    // when
    String answer =
        RegistrationMessages.forLanguage(texts.forLocale(Locale.FRANCE), "#aide")
            .attendeeMessage(REGISTERED);
    // then
    assertThat(answer).isEqualTo("Bienvenue, billet Business !");
  }
}
