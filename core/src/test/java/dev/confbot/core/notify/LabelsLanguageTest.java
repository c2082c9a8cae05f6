package dev.confbot.core.notify;

import static dev.confbot.core.notify.Sessions.FORUM;
import static dev.confbot.core.notify.Sessions.TERRACE;
import static dev.confbot.core.notify.Sessions.at;
import static dev.confbot.core.notify.Sessions.movedTo;
import static dev.confbot.core.notify.Sessions.talk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.Embed;
import dev.confbot.core.notify.Labels.Label;
import dev.confbot.core.schedule.ScheduleChange;
import dev.confbot.core.schedule.Session;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabelsLanguageTest {

  @Test
  void rendersNotificationFieldsInGerman() {
    // given
    Labels german = Labels.forLanguage(Texts.bundled().forLocale(Locale.forLanguageTag("de-CH")));
    // when
    Embed embed =
        new NotificationRenderer(NotificationSettings.defaults(), german)
            .embed(talk("A", at("2023-07-19T10:30"), FORUM));
    // then
    assertThat(german.locale()).isEqualTo(Locale.GERMAN);
    assertThat(embed.fields().stream().map(Embed.Field::name).collect(Collectors.toList()))
        .contains("Beginn", "Raum", "Dauer");
    assertThat(embed.fields().stream().map(Embed.Field::value).collect(Collectors.toList()))
        .contains("30 Min.");
    assertThat(embed.footer()).isEqualTo("Mi. 19 Juli, 10:30 Uhr Ortszeit (Europe/Prague)");
  }

  @Test
  void announcesAMovedSessionInFrench() {
    // given
    Session a = talk("A", at("2023-07-19T10:30"), FORUM);
    Session moved = movedTo(a, at("2023-07-19T14:00"), TERRACE);
    NotificationRenderer french =
        new NotificationRenderer(
            NotificationSettings.defaults(),
            Labels.forLanguage(Texts.bundled().forLanguage(Language.FRENCH)));
    // when
    String line = french.renderChange(new ScheduleChange.Moved(a, moved), "updates").content();
    // then
    assertThat(line)
        .isEqualTo(
            "📅 Déplacé\u00a0: **Talk A** commence désormais le <t:"
                + moved.startInstant().getEpochSecond()
                + ":f> dans Terrace 2A (au lieu du <t:"
                + a.startInstant().getEpochSecond()
                + ":f> dans Forum Hall)");
  }

  @Test
  void englishLabelsComeFromTheEnglishBundle() {
    Labels english = Labels.english();
    for (Label label : Label.values()) {
      assertThat(english.get(label))
          .isEqualTo(Texts.bundledTexts(Language.ENGLISH).get(label.textKey()));
    }
    assertThat(english.format(Label.PART, Map.of("part", "1", "parts", "2"))).isEqualTo(" (1/2)");
  }

  @Test
  void takesTheOrganizersOverrideOfTheLanguage() {
    // given
    Texts texts =
        Texts.configured(Locale.FRENCH, Map.of("fr", Map.of("notify.ask", "Une question ?")));
    // when
    Labels french = Labels.forLanguage(texts.defaults());
    // then
    assertThat(french.get(Label.ASK)).isEqualTo("Une question ?");
    assertThat(french.get(Label.ROOM)).isEqualTo("Salle");
    assertThat(french.locale()).isEqualTo(Locale.FRENCH);
  }
}
