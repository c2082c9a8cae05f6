package dev.confbot.adapter.pretalx;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScheduleParserTest {

  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Session byCode(Schedule schedule, String code) {
    return schedule.sessions().stream()
        .filter(s -> s.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session " + code));
  }

  private static Map<LocalDate, Long> perDay(Schedule schedule, Predicate<Session> which) {
    return schedule.sessions().stream()
        .filter(which)
        .collect(groupingBy(s -> s.start().toLocalDate(), counting()));
  }

  @Nested
  class LegacyEuroPython2023 {

    private final ParsedSchedule parsed =
        ScheduleParser.parseWithReport(
            Fixtures.read("europython-2023-schedule-legacy.json"), null, "en");
    private final Schedule schedule = parsed.schedule();

    @Test
    void detectsTheLegacyShapeAndReadsEverySlotAndBreak() {
      // then
      assertThat(parsed.format()).isEqualTo(ScheduleFormat.REST_LEGACY);
      assertThat(parsed.warnings()).isEmpty();
      assertThat(schedule.version()).isEqualTo("0.23");
      assertThat(schedule.sessions()).hasSize(184 + 84);
      assertThat(schedule.sessions()).filteredOn(s -> !s.isBreak()).hasSize(184);
      assertThat(schedule.sessions()).filteredOn(Session::isBreak).hasSize(84);
    }

    @Test
    void countsSessionsAndBreaksPerConferenceDay() {
      // then
      assertThat(perDay(schedule, s -> !s.isBreak()))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  LocalDate.of(2023, 7, 17), 13L,
                  LocalDate.of(2023, 7, 18), 13L,
                  LocalDate.of(2023, 7, 19), 48L,
                  LocalDate.of(2023, 7, 20), 55L,
                  LocalDate.of(2023, 7, 21), 55L));
      assertThat(perDay(schedule, Session::isBreak))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  LocalDate.of(2023, 7, 17), 18L,
                  LocalDate.of(2023, 7, 18), 18L,
                  LocalDate.of(2023, 7, 19), 16L,
                  LocalDate.of(2023, 7, 20), 16L,
                  LocalDate.of(2023, 7, 21), 16L));
    }

    @Test
    void readsThirteenRoomsWithIdsAndNames() {
      // then
      assertThat(schedule.sessions().stream().map(s -> s.room().name()).distinct().sorted())
          .containsExactly(
              "Club A",
              "Club B",
              "Club C",
              "Club D",
              "Club E",
              "Club H",
              "North Hall",
              "Open Space",
              "PyCharm (Forum Hall)",
              "South Hall 2A",
              "South Hall 2B",
              "Terrace 2A",
              "Terrace 2B");
      assertThat(byCode(schedule, "HSRTCT").room()).isEqualTo(new Room("2193", "Terrace 2B"));
    }

    @Test
    void takesTheOffsetOfThePayloadWhenNoZoneIsConfigured() {
      // then
      assertThat(schedule.zone()).isEqualTo(ZoneOffset.ofHours(2));
      assertThat(schedule.sessions())
          .allMatch(s -> s.start().getOffset().equals(ZoneOffset.ofHours(2)));
    }

    @Test
    void plansInTheConfiguredZoneKeepingTheInstant() {
      // when
      Schedule prague =
          ScheduleParser.parse(Fixtures.read("europython-2023-schedule-legacy.json"), PRAGUE);

      // then
      assertThat(prague.zone()).isEqualTo(PRAGUE);
      assertThat(prague.sessions().get(0).start())
          .isEqualTo(ZonedDateTime.of(2023, 7, 17, 8, 30, 0, 0, PRAGUE));
    }

    @Test
    void readsTheFirstSessionFieldByField() {
      // when
      Session first = schedule.sessions().get(0);

      // then
      assertThat(first.code()).isEqualTo("3HURZQ");
      assertThat(first.title()).isEqualTo("Registration & Welcome @ Forum Hall Foyer 1st Floor");
      assertThat(first.speakers()).isEmpty();
      assertThat(first.abstractText()).startsWith("Welcome to EuroPython 2023! You can pick up");
      assertThat(first.start().toOffsetDateTime())
          .isEqualTo(OffsetDateTime.parse("2023-07-17T08:30:00+02:00"));
      assertThat(first.duration()).isEqualTo(Duration.ofMinutes(60));
      assertThat(first.room()).isEqualTo(new Room("2183", "Club A"));
      assertThat(first.track()).isNull();
      assertThat(first.type()).isEqualTo("Announcements");
      assertThat(first.level()).isNull();
      assertThat(first.language()).isEqualTo("en");
      assertThat(first.url()).isNull();
      assertThat(first.isBreak()).isFalse();
    }

    @Test
    void readsSpeakersTrackAndTypeFromMultilingualFields() {
      // when
      Session poster = byCode(schedule, "HSRTCT");

      // then
      assertThat(poster.title()).isEqualTo("We are Python Weekend!");
      assertThat(poster.speakers())
          .containsExactly("Alena Osipova", "Andrej Zaujec", "Lukáš Kubiš");
      assertThat(poster.track()).isEqualTo("Education, Teaching & Training");
      assertThat(poster.type()).isEqualTo("Poster");
      assertThat(poster.start().toOffsetDateTime())
          .isEqualTo(OffsetDateTime.parse("2023-07-21T13:00:00+02:00"));
      assertThat(poster.duration()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void takesTheLengthOfTheSlotOverTheSubmittedDuration() {
      // given 3Y3BJN was submitted as 45 minutes but scheduled 16:05–16:35

      // when
      Session talk = byCode(schedule, "3Y3BJN");

      // then
      assertThat(talk.duration()).isEqualTo(Duration.ofMinutes(30));
      assertThat(talk.end().toOffsetDateTime())
          .isEqualTo(OffsetDateTime.parse("2023-07-19T16:35:00+02:00"));
    }

    @Test
    void readsBreaksWithADerivedCodeAndTrimmedTitle() {
      // when
      Session coffee = byCode(schedule, "break-2185-20230717T1100");

      // then
      assertThat(coffee.isBreak()).isTrue();
      assertThat(coffee.title()).isEqualTo("Coffee Break");
      assertThat(coffee.type()).isEqualTo("Break");
      assertThat(coffee.room()).isEqualTo(new Room("2185", "Club C"));
      assertThat(coffee.duration()).isEqualTo(Duration.ofMinutes(15));
      assertThat(coffee.speakers()).isEmpty();
      assertThat(schedule.sessions())
          .filteredOn(Session::isBreak)
          .extracting(Session::title)
          .containsOnly("Coffee Break", "Lunch")
          .filteredOn("Lunch"::equals)
          .hasSize(24);
    }
  }

  @Nested
  class ExpandedRestShape {

    @Test
    void readsOneSessionWithAllFields() {
      // when
      ParsedSchedule parsed =
          ScheduleParser.parseWithReport(Fixtures.read("pretalx-one-session.json"), BERLIN, "en");

      // then
      assertThat(parsed.format()).isEqualTo(ScheduleFormat.REST_EXPANDED);
      assertThat(parsed.schedule().version()).isEqualTo("0.10");
      assertThat(parsed.schedule().zone()).isEqualTo(BERLIN);
      assertThat(parsed.schedule().sessions())
          .containsExactly(
              new Session(
                  "ABABAB",
                  "Stop using globals!",
                  List.of("John Johnson", "Carl Carlsson"),
                  "Globalization of your Python code is bad for you!",
                  ZonedDateTime.of(2023, 7, 21, 12, 30, 0, 0, BERLIN),
                  Duration.ofMinutes(30),
                  new Room("1234", "The Great Outdoors"),
                  "Python Basics",
                  "Talk",
                  null,
                  "en",
                  null,
                  false,
                  List.of(),
                  "confirmed"));
    }

    @Test
    void readsABreakFromASlotWithoutSubmission() {
      // when
      Schedule schedule = ScheduleParser.parse(Fixtures.read("pretalx-one-break.json"), BERLIN);

      // then
      assertThat(schedule.sessions()).hasSize(1);
      Session coffee = schedule.sessions().get(0);
      assertThat(coffee.isBreak()).isTrue();
      assertThat(coffee.code()).isEqualTo("break-2184-20230717T1100");
      assertThat(coffee.title()).isEqualTo("Coffee Break");
      assertThat(coffee.room()).isEqualTo(new Room("2184", "Club B"));
      assertThat(coffee.start()).isEqualTo(ZonedDateTime.of(2023, 7, 17, 11, 0, 0, 0, BERLIN));
      assertThat(coffee.duration()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void toleratesNullValues() {
      // when
      ParsedSchedule parsed =
          ScheduleParser.parseWithReport(
              Fixtures.read("pretalx-session-with-null-values.json"), BERLIN, "en");

      // then
      assertThat(parsed.warnings()).isEmpty();
      Session session = parsed.schedule().sessions().get(0);
      assertThat(session.code()).isEqualTo("ALPLOA");
      assertThat(session.track()).isNull();
      assertThat(session.type()).isEqualTo("Talk");
      assertThat(session.speakers()).containsExactly("Steve Bytheway");
      assertThat(session.duration()).isEqualTo(Duration.ofMinutes(30));
      assertThat(session.room()).isEqualTo(new Room("2191", "South Hall 2B"));
    }

    @Test
    void skipsASlotWithoutStartOrRoomWithAWarning() {
      // when
      ParsedSchedule parsed =
          ScheduleParser.parseWithReport(
              Fixtures.read("pretalx-with-invalid-slot.json"), BERLIN, "en");

      // then
      assertThat(parsed.schedule().sessions()).isEmpty();
      assertThat(parsed.warnings())
          .containsExactly("slot #0 (id ABCDEF) skipped: no start or room");
    }

    @Test
    void readsAnEmptySchedule() {
      // when
      ParsedSchedule parsed =
          ScheduleParser.parseWithReport(Fixtures.read("pretalx-empty-schedule.json"), null, "en");

      // then
      assertThat(parsed.schedule().sessions()).isEmpty();
      assertThat(parsed.schedule().version()).isEqualTo("0.10");
      assertThat(parsed.schedule().zone()).isEqualTo(ZoneOffset.UTC);
      assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void skipsOnlyTheBadSlotsOfAMixedList() {
      // given
      String json =
          """
          {"slots": [
            42,
            {"id": 1, "room": {"id": 7, "name": {"en": "Hall"}},
             "start": "2025-08-26T09:00:00+02:00", "duration": 45, "submission": "ABCDEF"},
            {"id": 2, "room": 7, "start": "2025-08-26T10:00:00+02:00",
             "end": "2025-08-26T10:30:00+02:00",
             "submission": {"code": "XYZXYZ", "title": {"de": "Titel", "en": "Title"},
               "submission_type": 12, "track": {"id": 3, "name": {"de": "Nur Deutsch"}},
               "answers": [
                 {"question": {"id": 1, "question": {"en": "Anything else?"}}, "answer": "No"},
                 {"question": {"id": 2, "question": {"en": "Audience level"}},
                  "answer": "Advanced"}]}},
            {"id": 3, "room": {"id": 8, "name": {"en": "Lab"}},
             "start": "not a date", "submission": null}
          ]}
          """;

      // when
      ParsedSchedule parsed = ScheduleParser.parseWithReport(json, BERLIN, "de");

      // then
      assertThat(parsed.warnings())
          .containsExactly(
              "slot #0 skipped: not an object (request the schedule with expand=slots,…)",
              "slot #1 (id 1) skipped: submission not expanded (request"
                  + " expand=slots.submission)",
              "slot #3 (id 3) skipped: no start or room");
      Session session = parsed.schedule().sessions().get(0);
      assertThat(parsed.schedule().sessions()).hasSize(1);
      assertThat(session.title()).isEqualTo("Titel");
      assertThat(session.room()).isEqualTo(new Room("7", "Room 7"));
      assertThat(session.type()).isNull();
      assertThat(session.track()).isEqualTo("Nur Deutsch");
      assertThat(session.level()).isEqualTo("Advanced");
      assertThat(session.duration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void readsTheLegacyPaginatedTalksList() {
      // given
      String json =
          """
          {"count": 1, "next": null, "results": [
            {"code": "LEGACY", "title": "Old API", "speakers": [], "submission_type": {"en": "Talk"},
             "track": null, "abstract": "", "duration": 30, "content_locale": "en",
             "slot": {"room_id": 3, "room": {"en": "Hall"}, "start": "2024-07-10T10:00:00+02:00",
                      "end": "2024-07-10T10:30:00+02:00"}}]}
          """;

      // when
      ParsedSchedule parsed = ScheduleParser.parseWithReport(json, null, "en");

      // then
      assertThat(parsed.format()).isEqualTo(ScheduleFormat.REST_LEGACY);
      assertThat(parsed.schedule().sessions())
          .extracting(Session::code, Session::room)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("LEGACY", new Room("3", "Hall")));
    }

    @Test
    void readsThePaginatedSlotsList() {
      // given
      String json =
          """
          {"count": 1, "next": null, "previous": null, "results": [
            {"id": 9, "room": {"id": 1, "name": "Hall"}, "start": "2025-08-26T09:00:00+02:00",
             "duration": 20, "submission": null, "description": null}]}
          """;

      // when
      ParsedSchedule parsed = ScheduleParser.parseWithReport(json, null, "en");

      // then
      assertThat(parsed.format()).isEqualTo(ScheduleFormat.REST_EXPANDED);
      Session pause = parsed.schedule().sessions().get(0);
      assertThat(pause.isBreak()).isTrue();
      assertThat(pause.title()).isEqualTo("Break");
      assertThat(pause.duration()).isEqualTo(Duration.ofMinutes(20));
      assertThat(parsed.schedule().zone()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void refusesAPageOfTheSlotListThatIsNotTheLast() {
      // given page 1 of 2: pretalx serves at most 50 slots a page and the adapter fetches one URL
      String json =
          """
          {"count": 51, "next": "https://pretalx.example/api/events/ep/slots/?page=2",
           "previous": null, "results": [
            {"id": 9, "room": {"id": 1, "name": "Hall"}, "start": "2025-08-26T09:00:00+02:00",
             "duration": 20, "submission": null, "description": null}]}
          """;

      // then the sessions of the other pages are not dropped silently
      assertThatThrownBy(() -> ScheduleParser.parse(json, null))
          .isInstanceOf(GatewayException.class)
          .hasMessage(
              "pretalx: the schedule source is one page of a paginated list (51 slots, 1 on"
                  + " this page); use …/api/events/<event>/schedules/latest/?expand=slots,…,"
                  + " which has every slot");
    }
  }

  @Nested
  class FrabExport {

    private final ParsedSchedule parsed =
        ScheduleParser.parseWithReport(Fixtures.read("pyconfx-2025-frab.json"), PRAGUE, "en");
    private final Schedule schedule = parsed.schedule();

    @Test
    void takesTheZoneFromThePayloadOverTheConfiguredOne() {
      // then
      assertThat(parsed.format()).isEqualTo(ScheduleFormat.FRAB);
      assertThat(parsed.warnings()).isEmpty();
      assertThat(schedule.zone()).isEqualTo(BERLIN);
      assertThat(schedule.version()).isEqualTo("1.4");
    }

    @Test
    void leavesOutOnlyALinkDiscordWouldRefuseAndKeepsTheTalk() {
      // given: the keynote's URL came out relative, the tutorial's with a stray space
      String json =
          Fixtures.read("pyconfx-2025-frab.json")
              .replace(
                  "\"https://pretalx.example.org/pyconfx-2025/talk/KEYN01/\"",
                  "\"/pyconfx-2025/talk/KEYN01/\"")
              .replace(
                  "\"https://pretalx.example.org/pyconfx-2025/talk/TUT003/\"",
                  "\"https://pretalx.example.org/pyconfx-2025/talk/ TUT003/\"");
      // when
      ParsedSchedule broken = ScheduleParser.parseWithReport(json, PRAGUE, "en");
      // then: every talk is there, only the two links are missing
      assertThat(broken.schedule().sessions())
          .extracting(Session::code, Session::url)
          .containsExactly(
              tuple("KEYN01", null),
              tuple("TUT003", null),
              tuple("TLK002", "https://pretalx.example.org/pyconfx-2025/talk/TLK002/"),
              tuple("SOC004", "https://pretalx.example.org/pyconfx-2025/talk/SOC004/"),
              tuple("TLK005", "https://pretalx.example.org/pyconfx-2025/talk/TLK005/"),
              tuple("SPR006", "https://pretalx.example.org/pyconfx-2025/talk/SPR006/"));
      assertThat(broken.warnings())
          .containsExactly(
              "session KEYN01: link left out (not an absolute http(s) URL Discord accepts)",
              "session TUT003: link left out (not an absolute http(s) URL Discord accepts)");
    }

    @Test
    void readsEveryTalkOfBothDaysInStartOrder() {
      // then
      assertThat(schedule.sessions())
          .extracting(Session::code)
          .containsExactly("KEYN01", "TUT003", "TLK002", "SOC004", "TLK005", "SPR006");
      assertThat(schedule.sessions()).noneMatch(Session::isBreak);
    }

    @Test
    void readsTheKeynoteFieldByField() {
      // when
      Session keynote = byCode(schedule, "KEYN01");

      // then
      assertThat(keynote)
          .isEqualTo(
              new Session(
                  "KEYN01",
                  "Opening Keynote: Python in 2025",
                  List.of("Ada Example"),
                  "What changed, what stays.",
                  ZonedDateTime.of(2025, 4, 23, 9, 15, 0, 0, BERLIN),
                  Duration.ofMinutes(45),
                  new Room("0d5b6d2e-7a1c-4e55-9a43-3b7d1f7e0a01", "Titanium3"),
                  null,
                  "Keynote",
                  null,
                  "en",
                  "https://pretalx.example.org/pyconfx-2025/talk/KEYN01/",
                  false));
    }

    @Test
    void readsLongDurationsAndTalksAfterMidnight() {
      // then
      Session sprint = byCode(schedule, "SPR006");
      assertThat(sprint.duration()).isEqualTo(Duration.ofHours(26));
      assertThat(sprint.end()).isEqualTo(ZonedDateTime.of(2025, 4, 25, 16, 0, 0, 0, BERLIN));
      Session late = byCode(schedule, "SOC004");
      assertThat(late.start()).isEqualTo(ZonedDateTime.of(2025, 4, 24, 0, 30, 0, 0, BERLIN));
      assertThat(byCode(schedule, "TUT003").language()).isEqualTo("de");
      assertThat(byCode(schedule, "TUT003").track()).isEqualTo("PyData: Data Handling");
      assertThat(byCode(schedule, "TLK002").speakers()).containsExactly("Bo Sample", "Cy Demo");
    }

    @Test
    void computesTheStartFromDayAndLocalTimeWhenTheDateIsMissing() {
      // given a talk at 01:15 listed under 2025-03-29, the night the clocks change in Berlin
      String json =
          """
          {"schedule": {"version": "x", "conference": {"time_zone_name": "Europe/Berlin",
            "days": [{"date": "2025-03-29", "rooms": {"Aula": [
              {"code": "NIGHT1", "title": "Night owls", "start": "01:15", "duration": "02:00"},
              {"code": "DAY001", "title": "Day", "start": "10:00", "duration": "bogus",
               "end": "2025-03-29T10:30:00+01:00"},
              {"title": "no code", "start": "11:00", "duration": "00:30"}]}}]}}}
          """;

      // when
      ParsedSchedule night = ScheduleParser.parseWithReport(json, null, "en");

      // then
      assertThat(byCode(night.schedule(), "NIGHT1").start())
          .isEqualTo(ZonedDateTime.of(2025, 3, 30, 1, 15, 0, 0, BERLIN));
      assertThat(byCode(night.schedule(), "NIGHT1").end().toOffsetDateTime())
          .isEqualTo(OffsetDateTime.parse("2025-03-30T04:15:00+02:00"));
      assertThat(byCode(night.schedule(), "DAY001").duration()).isEqualTo(Duration.ofMinutes(30));
      assertThat(night.warnings())
          .containsExactly("talk in room Aula skipped: no code, guid or id");
    }

    @Test
    void fallsBackToTheConfiguredZoneWhenThePayloadNamesAnUnknownOne() {
      // given
      String json =
          """
          {"schedule": {"conference": {"time_zone_name": "Mars/Olympus_Mons",
            "days": [{"date": "2025-04-23", "rooms": {"Aula": [
              {"code": "TALK01", "start": "10:00", "duration": "00:30"}]}}]}}}
          """;

      // when
      ParsedSchedule parsed = ScheduleParser.parseWithReport(json, PRAGUE, "en");

      // then
      assertThat(parsed.schedule().zone()).isEqualTo(PRAGUE);
      assertThat(parsed.schedule().sessions().get(0).start())
          .isEqualTo(ZonedDateTime.of(2025, 4, 23, 10, 0, 0, 0, PRAGUE));
      assertThat(parsed.schedule().sessions().get(0).title()).isEqualTo("TALK01");
      assertThat(parsed.warnings())
          .containsExactly("unknown time_zone_name 'Mars/Olympus_Mons' ignored");
    }

    @Test
    void skipsTalksWhoseStartCannotBeKnown() {
      // given no zone anywhere and no ISO date on the talk
      String json =
          """
          {"schedule": {"conference": {"days": [{"date": "2025-04-23", "rooms": {"Aula": [
              {"code": "TALK01", "start": "10:00", "duration": "00:30"}]}}]}}}
          """;

      // when
      ParsedSchedule parsed = ScheduleParser.parseWithReport(json, null, "en");

      // then
      assertThat(parsed.schedule().sessions()).isEmpty();
      assertThat(parsed.warnings()).containsExactly("talk TALK01 skipped: no start or room");
    }

    @Test
    void parsesFrabDurations() {
      assertThat(FrabMapper.frabDuration("00:30")).contains(Duration.ofMinutes(30));
      assertThat(FrabMapper.frabDuration("01:45")).contains(Duration.ofMinutes(105));
      assertThat(FrabMapper.frabDuration("1:02:00")).contains(Duration.ofHours(26));
      assertThat(FrabMapper.frabDuration("30")).isEmpty();
      assertThat(FrabMapper.frabDuration("00:75")).isEmpty();
      assertThat(FrabMapper.frabDuration("a:b")).isEmpty();
      assertThat(FrabMapper.frabDuration("-1:00")).isEmpty();
    }
  }

  @Nested
  class Rejections {

    @Test
    void rejectsMalformedJson() {
      assertThatThrownBy(() -> ScheduleParser.parse("{\"slots\": [}", BERLIN))
          .isInstanceOf(GatewayException.class)
          .hasMessage("pretalx: schedule is not valid JSON at $.slots[0]");
    }

    @Test
    void rejectsTruncatedJson() {
      // given
      String whole = Fixtures.read("pretalx-one-session.json");
      String cutBetweenMembers = whole.substring(0, whole.indexOf("\"submission\""));
      String cutInAString = whole.substring(0, whole.indexOf("Carl"));

      // then
      assertThatThrownBy(() -> ScheduleParser.parse(cutBetweenMembers, BERLIN))
          .isInstanceOf(GatewayException.class)
          .hasMessage("pretalx: schedule is truncated (the JSON ends early)");
      assertThatThrownBy(() -> ScheduleParser.parse(cutInAString, BERLIN))
          .isInstanceOf(GatewayException.class)
          .hasMessage(
              "pretalx: schedule is not valid JSON at $.slots[0].submission.speakers[1].name");
    }

    @Test
    void rejectsTrailingGarbage() {
      assertThatThrownBy(() -> ScheduleParser.parse("{\"slots\": []} {}", BERLIN))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("trailing data");
    }

    @Test
    void rejectsAPayloadThatIsNoSchedule() {
      assertThatThrownBy(
              () -> ScheduleParser.parse(Fixtures.read("europython-9GJFZZ.json"), BERLIN))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("unrecognised schedule format");
      assertThatThrownBy(() -> ScheduleParser.parse("[1, 2]", BERLIN))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("unrecognised schedule format");
    }
  }
}
