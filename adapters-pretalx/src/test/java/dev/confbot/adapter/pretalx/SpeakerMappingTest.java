package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.schedule.Speaker;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** What the parsers read about speakers and submission states, for speaker roles. */
class SpeakerMappingTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void readsSpeakerEmailsAndStatesFromAnOrganiserRestSchedule() {
    // when
    Schedule schedule =
        ScheduleParser.parse(Fixtures.read("pretalx-organiser-speakers.json"), BERLIN);
    // then
    assertThat(schedule.sessions())
        .extracting(Session::code, Session::state, Session::confirmed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ABABAB", "confirmed", true),
            org.assertj.core.groups.Tuple.tuple("CDCDCD", "accepted", false),
            org.assertj.core.groups.Tuple.tuple("EFEFEF", "confirmed", true));
    assertThat(schedule.sessions().get(0).speakerDetails())
        .containsExactly(
            new Speaker("John Johnson", "john.johnson@example.org"),
            new Speaker("Carl Carlsson", "carl.carlsson@example.org"));
    assertThat(schedule.sessions().get(0).speakers())
        .containsExactly("John Johnson", "Carl Carlsson");
    assertThat(schedule.sessions().get(2).speakerDetails())
        .containsExactly(new Speaker("Zoë Müller", ""));
  }

  @Test
  void anAnonymousRestScheduleHasNamesAndStatesButNoEmails() {
    Schedule schedule = ScheduleParser.parse(Fixtures.read("pretalx-one-session.json"), BERLIN);
    Session session = schedule.sessions().get(0);
    assertThat(session.state()).isEqualTo("confirmed");
    assertThat(session.speakerDetails())
        .containsExactly(new Speaker("John Johnson", ""), new Speaker("Carl Carlsson", ""));
  }

  @Test
  void theLegacyRestShapeCarriesTheState() {
    Schedule schedule =
        ScheduleParser.parse(Fixtures.read("europython-2023-schedule-legacy.json"), BERLIN);
    assertThat(schedule.sessions().stream().filter(s -> !s.isBreak()))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.state()).isEqualTo("confirmed"));
  }

  @Test
  void theFrabExportHasSpeakerNamesOnlyAndNoState() {
    Schedule schedule = ScheduleParser.parse(Fixtures.read("pyconfx-2025-frab.json"), BERLIN);
    Session talk =
        schedule.sessions().stream().filter(s -> !s.speakers().isEmpty()).findFirst().orElseThrow();
    assertThat(talk.state()).isNull();
    assertThat(talk.confirmed()).isTrue();
    assertThat(talk.speakerDetails()).allSatisfy(s -> assertThat(s.email()).isEmpty());
    assertThat(talk.speakerDetails()).extracting(Speaker::name).isEqualTo(talk.speakers());
  }
}
