package dev.confbot.core.registration;

import static dev.confbot.core.registration.Speakers.position;
import static dev.confbot.core.registration.Speakers.schedule;
import static dev.confbot.core.registration.Speakers.session;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static dev.confbot.core.testing.TestData.SPEAKERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.Position;
import dev.confbot.core.schedule.Speaker;
import dev.confbot.core.testing.TestData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SpeakerRolesTest {
  private final SpeakerRoles speakers = new SpeakerRoles(List.of(SPEAKERS));

  @Test
  void matchesByEmailWhenBothSidesHaveOneEvenIfTheNamesDiffer() {
    // given
    speakers.update(
        schedule(session("ABC123", "confirmed", new Speaker("Zoë M.", "Zoe@Example.org"))));
    // when
    var match = speakers.match(position("XJ7Q2", "Zoe Mueller", " zoe@example.org ", BUSINESS));
    // then
    assertThat(match).contains(new SpeakerRoles.Match("ABC123", "Talk ABC123", true));
    assertThat(match.orElseThrow().reason())
        .isEqualTo("speaker of “Talk ABC123” (ABC123), matched by e-mail");
  }

  @Test
  void doesNotFallBackToTheNameWhenBothEmailsAreKnownAndDiffer() {
    // given
    speakers.update(
        schedule(session("ABC123", "confirmed", new Speaker("Zoë Müller", "zoe@example.org"))));
    // when / then
    assertThat(speakers.match(position("XJ7Q2", "Zoë Müller", "other@example.org", BUSINESS)))
        .isEmpty();
  }

  @Test
  void matchesByTolerantNameWhenTheScheduleHasNoEmail() {
    // given: the frab export has names only
    speakers.update(schedule(session("ABC123", null, new Speaker("Zoë Müller", ""))));
    // when
    var match = speakers.match(position("XJ7Q2", "zoe mueller", "zoe@example.org", BUSINESS));
    // then
    assertThat(match).map(SpeakerRoles.Match::byEmail).contains(false);
  }

  @Test
  void matchesByNameWhenTheTicketHasNoEmail() {
    speakers.update(
        schedule(session("ABC123", "confirmed", new Speaker("Jan Novák", "jan@example.org"))));
    assertThat(speakers.match(position("XJ7Q2", "Jan Novak", "", BUSINESS))).isPresent();
  }

  @Test
  void ignoresSessionsThatAreNotConfirmedAndBreaks() {
    // given
    speakers.update(
        schedule(
            session("ACC001", "accepted", new Speaker("Zoë Müller", "")),
            session("WDR001", "withdrawn", new Speaker("Jan Novák", ""))));
    // when / then
    assertThat(speakers.match(position("XJ7Q2", "Zoë Müller", "", BUSINESS))).isEmpty();
    assertThat(speakers.match(position("XJ7Q3", "Jan Novák", "", BUSINESS))).isEmpty();
    assertThat(speakers.size()).isZero();
  }

  @Test
  void givesNothingWithoutConfiguredRoles() {
    SpeakerRoles none = SpeakerRoles.none();
    none.update(schedule(session("ABC123", null, new Speaker("Zoë Müller", ""))));
    assertThat(none.rolesFor(position("XJ7Q2", "Zoë Müller", "", BUSINESS))).isEmpty();
    assertThat(none.enabled()).isFalse();
  }

  @Test
  void followsTheScheduleASpeakerDroppedFromItNoLongerMatches() {
    Position ticket = position("XJ7Q2", "Zoë Müller", "", BUSINESS);
    speakers.update(schedule(session("ABC123", null, new Speaker("Zoë Müller", ""))));
    assertThat(speakers.rolesFor(ticket)).containsExactly(SPEAKERS);
    speakers.update(schedule(session("DEF456", null, new Speaker("Jan Novák", ""))));
    assertThat(speakers.rolesFor(ticket)).isEmpty();
  }

  @Test
  void roleMappingAddsTheSpeakerRolesToTheTicketsRolesAndListsThem() {
    // given
    RoleMapping mapping = TestData.roleMapping().withSpeakerRoles(speakers);
    speakers.update(schedule(session("ABC123", null, new Speaker("Zoë Müller", ""))));
    // when / then
    assertThat(mapping.rolesFor(position("XJ7Q2", "Zoë Müller", "", BUSINESS)))
        .containsExactlyInAnyOrder(ATTENDEES, ON_SITE, SPEAKERS);
    assertThat(mapping.rolesFor(position("XJ7Q3", "Jan Novák", "", BUSINESS)))
        .containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(mapping.allRoles()).contains(SPEAKERS);
    assertThat(mapping.withExtraRoles(java.util.Map.of()).speakers()).isSameAs(speakers);
  }

  // --- properties: name variants a speaker list and a ticket may differ in

  @Property
  void aSpeakerMatchesTheirTicketWhateverTheSpellingVariant(
      @ForAll("names") List<String> tokens, @ForAll("variant") Variant variant, @ForAll long seed) {
    // given
    String canonical = String.join(" ", tokens);
    String onTicket = variant.apply(tokens, new Random(seed));
    speakers.update(schedule(session("ABC123", null, new Speaker(canonical, ""))));
    // when / then: both directions, the schedule may carry either spelling
    assertThat(speakers.match(position("XJ7Q2", onTicket, "", BUSINESS))).isPresent();
    speakers.update(schedule(session("ABC123", null, new Speaker(onTicket, ""))));
    assertThat(speakers.match(position("XJ7Q2", canonical, "", BUSINESS))).isPresent();
  }

  @Property
  void aDifferentPersonNeverMatches(
      @ForAll("names") List<String> speaker, @ForAll("names") List<String> other) {
    List<String> a = NameMatcher.canonical(String.join(" ", speaker)).tokens();
    List<String> b = NameMatcher.canonical(String.join(" ", other)).tokens();
    net.jqwik.api.Assume.that(
        Collections.disjoint(a, b) && !String.join("", a).equals(String.join("", b)));
    speakers.update(schedule(session("ABC123", null, new Speaker(String.join(" ", speaker), ""))));
    assertThat(speakers.match(position("XJ7Q2", String.join(" ", other), "", BUSINESS))).isEmpty();
  }

  @Property
  void emailCaseAndSpacesDoNotMatterButTheAddressDoes(
      @ForAll("local") String local, @ForAll("local") String otherLocal) {
    speakers.update(
        schedule(
            session("ABC123", "confirmed", new Speaker("Somebody Else", local + "@example.org"))));
    String typed = "  " + local.toUpperCase(java.util.Locale.ROOT) + "@EXAMPLE.org ";
    assertThat(speakers.match(position("XJ7Q2", "Zoë Müller", typed, BUSINESS))).isPresent();
    net.jqwik.api.Assume.that(!otherLocal.equals(local));
    assertThat(
            speakers.match(position("XJ7Q2", "Zoë Müller", otherLocal + "@example.org", BUSINESS)))
        .isEmpty();
  }

  @Provide
  Arbitrary<List<String>> names() {
    Arbitrary<String> token =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(3)
            .ofMaxLength(9)
            .filter(
                t ->
                    !List.of(
                            "dr",
                            "mr",
                            "mrs",
                            "ms",
                            "sir",
                            "herr",
                            "frau",
                            "prof",
                            "miss",
                            "dame",
                            "mx",
                            "professor")
                        .contains(t))
            .map(t -> Character.toUpperCase(t.charAt(0)) + t.substring(1));
    return token.list().ofMinSize(2).ofMaxSize(4).uniqueElements();
  }

  @Provide
  Arbitrary<String> local() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
  }

  @Provide
  Arbitrary<Variant> variant() {
    return Arbitraries.of(Variant.values());
  }

  /** Ways the same person's name is written differently on the ticket and in pretalx. */
  enum Variant {
    SAME {
      @Override
      String apply(List<String> tokens, Random random) {
        return String.join(" ", tokens);
      }
    },
    CASE_AND_SPACES {
      @Override
      String apply(List<String> tokens, Random random) {
        return "  " + String.join("   ", tokens).toUpperCase(java.util.Locale.ROOT) + " ";
      }
    },
    REORDERED {
      @Override
      String apply(List<String> tokens, Random random) {
        List<String> copy = new ArrayList<>(tokens);
        Collections.shuffle(copy, random);
        return String.join(" ", copy);
      }
    },
    ACCENTED {
      @Override
      String apply(List<String> tokens, Random random) {
        return String.join(" ", tokens).replace('a', 'á').replace('e', 'é').replace('o', 'ö');
      }
    },
    WITH_TITLE {
      @Override
      String apply(List<String> tokens, Random random) {
        return "Dr. " + String.join(" ", tokens);
      }
    },
    HYPHENATED {
      @Override
      String apply(List<String> tokens, Random random) {
        return String.join("-", tokens);
      }
    },
    MIDDLE_NAMES_LEFT_OUT {
      @Override
      String apply(List<String> tokens, Random random) {
        return tokens.size() < 3
            ? String.join(" ", tokens)
            : tokens.get(0) + " " + tokens.get(tokens.size() - 1);
      }
    };

    abstract String apply(List<String> tokens, Random random);
  }
}
