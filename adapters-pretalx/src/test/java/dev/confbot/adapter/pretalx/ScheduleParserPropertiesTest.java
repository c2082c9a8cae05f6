package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ScheduleParserPropertiesTest {

  private static final List<String> FIELDS =
      List.of(
          "ROOM",
          "START",
          "END",
          "DURATION",
          "CODE",
          "TITLE",
          "SPEAKERS",
          "TRACK",
          "TYPE",
          "DESCRIPTION");

  private static final String SLOT =
      """
      {"slots": [{"id": 1, "room": ROOM, "start": START, "end": END, "duration": DURATION,
        "description": DESCRIPTION,
        "submission": {"code": CODE, "title": TITLE, "speakers": SPEAKERS, "track": TRACK,
          "submission_type": TYPE, "abstract": null, "answers": null}}]}
      """;

  @Provide
  Arbitrary<String> oddValues() {
    return Arbitraries.of(
        "null",
        "\"\"",
        "\"  \"",
        "\"x\"",
        "0",
        "-1",
        "1.5",
        "[]",
        "[null, 3]",
        "{}",
        "{\"en\": null}",
        "{\"de\": \"nur deutsch\"}",
        "{\"id\": 5, \"name\": {\"fr\": \"Salle\"}}",
        "\"2023-07-21T12:30:00+02:00\"",
        "\"2023-07-21T11:30:00+02:00\"",
        "true");
  }

  @Property(tries = 300)
  void neverFailsOnOddFieldValues(
      @ForAll("oddValues") String a,
      @ForAll("oddValues") String b,
      @ForAll("oddValues") String c,
      @ForAll @IntRange(min = 0, max = 9) int first,
      @ForAll @IntRange(min = 0, max = 9) int second,
      @ForAll @IntRange(min = 0, max = 9) int third) {
    // given a valid slot with up to three fields replaced by odd values
    Map<String, String> values =
        new java.util.HashMap<>(
            Map.of(
                "ROOM", "{\"id\": 1, \"name\": {\"en\": \"Hall\"}}",
                "START", "\"2023-07-21T12:00:00+02:00\"",
                "END", "\"2023-07-21T12:30:00+02:00\"",
                "DURATION", "30",
                "CODE", "\"ABCDEF\"",
                "TITLE", "\"Title\"",
                "SPEAKERS", "[{\"name\": \"Ann\"}]",
                "TRACK", "null",
                "TYPE", "{\"name\": {\"en\": \"Talk\"}}",
                "DESCRIPTION", "null"));
    values.put(FIELDS.get(first), a);
    values.put(FIELDS.get(second), b);
    values.put(FIELDS.get(third), c);
    String json = SLOT;
    for (Map.Entry<String, String> value : values.entrySet()) {
      json = json.replace(value.getKey(), value.getValue());
    }

    // when
    ParsedSchedule parsed = ScheduleParser.parseWithReport(json, ZoneId.of("Europe/Berlin"), "en");

    // then every slot is either read or reported
    assertThat(parsed.schedule().sessions().size() + parsed.warnings().size()).isPositive();
    assertThat(parsed.schedule().sessions())
        .allSatisfy(s -> assertThat(s.duration().isNegative()).isFalse());
  }

  @Property
  void readsEveryFrabDurationItCouldBeGiven(
      @ForAll @IntRange(min = 0, max = 3) int days,
      @ForAll @IntRange(min = 0, max = 23) int hours,
      @ForAll @IntRange(min = 0, max = 59) int minutes) {
    // given
    String text =
        days == 0
            ? String.format("%02d:%02d", hours, minutes)
            : String.format("%d:%02d:%02d", days, hours, minutes);

    // then
    assertThat(FrabMapper.frabDuration(text))
        .contains(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes));
  }
}
