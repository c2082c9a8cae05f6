package dev.confbot.core.remind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SessionSearchPropertyTest {
  private static final Instant NOW = Programme.at(8, 0).toInstant();

  @Property(tries = 300)
  void findsEveryUpcomingSessionByAnyCaseOrAccentVariantOfItsTitle(
      @ForAll("titles") String title, @ForAll boolean upper, @ForAll boolean stripAccents) {
    // given
    Session session = Programme.session("S1", title, 10, 0, Programme.HALL);
    String typed = upper ? title.toUpperCase(Locale.ROOT) : title.toLowerCase(Locale.ROOT);
    if (stripAccents) {
      typed = Normalizer.normalize(typed, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
    // when
    List<Session> found = SessionSearch.search(List.of(session), typed, NOW);
    // then
    assertThat(found).containsExactly(session);
  }

  @Property(tries = 200)
  void neverSuggestsMoreThan25ChoicesOfAtMost100Characters(
      @ForAll("titles") String title,
      @ForAll @IntRange(min = 0, max = 80) int count,
      @ForAll("queries") String query) {
    // given
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sessions.add(
          Programme.session(
              "C" + i,
              title + " " + i,
              9 + i % 8,
              (i * 7) % 60,
              i % 2 == 0 ? Programme.HALL : new Room("x" + i, title)));
    }
    ReminderService service =
        new ReminderService(
            new InMemoryReminderStore(),
            new RecordingMessenger(),
            () -> Optional.of(new Schedule("v", Programme.PARIS, sessions)),
            Texts.bundled(),
            Programme.PARIS,
            ReminderSettings.defaults(),
            Clock.fixed(NOW, Programme.PARIS),
            () -> {});
    // when
    List<SessionChoice> choices = service.suggest(query, Locale.FRENCH);
    // then
    assertThat(choices).hasSizeLessThanOrEqualTo(SessionSearch.MAX_RESULTS);
    assertThat(choices)
        .allSatisfy(
            c -> {
              assertThat(c.name().length()).isBetween(1, SessionChoice.MAX);
              assertThat(c.value().length()).isBetween(1, SessionChoice.MAX);
            });
    assertThat(choices).extracting(SessionChoice::value).doesNotHaveDuplicates();
  }

  @Property(tries = 200)
  void neverSuggestsSessionsThatStartedOrBreaks(@ForAll @IntRange(min = 0, max = 600) int minutes) {
    // given
    Instant now = NOW.plus(Duration.ofMinutes(minutes));
    // when
    List<Session> found = SessionSearch.search(Programme.SCHEDULE.sessions(), "", now);
    // then
    assertThat(found)
        .allSatisfy(
            s -> {
              assertThat(s.startInstant()).isAfter(now);
              assertThat(s.isBreak()).isFalse();
            });
  }

  @Test
  void putsTitlesStartingWithTheQueryFirst() {
    // given
    Session later = Programme.session("A", "Typing in practice", 9, 0, Programme.HALL);
    Session earlier = Programme.session("B", "Practical typing", 11, 0, Programme.HALL);
    // when
    List<Session> found = SessionSearch.search(List.of(earlier, later), "typing", NOW);
    // then
    assertThat(found).containsExactly(later, earlier);
  }

  @Test
  void showsOneChoicePerCodeAtItsNextOccurrence() {
    // given a two-part tutorial
    Session part1 = Programme.session("TUT", "Tutorial", 9, 0, Programme.HALL);
    Session part2 = Programme.session("TUT", "Tutorial", 14, 0, Programme.HALL);
    // then
    assertThat(SessionSearch.search(List.of(part2, part1), "tut", NOW)).containsExactly(part1);
    assertThat(SessionSearch.occurrence(List.of(part1, part2), "TUT", part1.startInstant()))
        .contains(part2);
    assertThat(
            SessionSearch.occurrence(
                List.of(part1, part2), "TUT", part2.startInstant().plusSeconds(1)))
        .contains(part2);
    assertThat(SessionSearch.occurrence(List.of(part1), "NOPE", NOW)).isEmpty();
  }

  @Test
  void cutsLongTitlesInChoices() {
    // given
    Session session = Programme.session("L", "x".repeat(300), 10, 0, new Room("r", "y".repeat(95)));
    ReminderFormat format = new ReminderFormat(Programme.PARIS, ReminderSettings.defaults());
    // when
    SessionChoice choice = format.choice(session, Texts.bundled().forLanguage(Language.GERMAN));
    // then
    assertThat(choice.name()).hasSize(100).endsWith("…");
  }

  @Provide
  Arbitrary<String> titles() {
    Arbitrary<String> word =
        Arbitraries.strings()
            .withChars("abcdefghijklmnopqrstuvwxyzéèàçüößñøÅ0123456789")
            .ofMinLength(1)
            .ofMaxLength(15);
    Arbitrary<String> punctuated =
        Arbitraries.strings().withChars(" -:,.!?'()&/").ofMinLength(1).ofMaxLength(2);
    return Arbitraries.strings()
        .all()
        .ofMaxLength(0)
        .flatMap(
            empty ->
                word.list()
                    .ofMinSize(1)
                    .ofMaxSize(20)
                    .flatMap(words -> punctuated.map(p -> String.join(p, words))));
  }

  @Provide
  Arbitrary<String> queries() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(120), Arbitraries.of("", "a", "1", "É"));
  }
}
