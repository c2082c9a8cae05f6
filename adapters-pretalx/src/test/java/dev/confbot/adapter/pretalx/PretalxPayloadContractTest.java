package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every payload in {@code src/test/resources/pretalx/} is checked against pretalx's OpenAPI schema:
 * a REST API response must fit the 200 response of its operation (expanded as the adapter asks for
 * it); a payload that is no REST API response, or deliberately breaks the contract, is listed with
 * the reason, and its violations are pinned so that a drift in either direction fails.
 */
class PretalxPayloadContractTest {

  /** The expand values the documented REST source URL asks for (docs/notifications.md). */
  static final Set<String> SCHEDULE_EXPAND =
      Set.of(
          "slots",
          "slots.room",
          "slots.submission",
          "slots.submission.speakers",
          "slots.submission.submission_type",
          "slots.submission.track");

  /** The REST operation the schedule fixtures answer. */
  static final String SCHEDULE_PATH = "/api/events/europython-2023/schedules/latest/";

  /** How a fixture relates to the schema. */
  sealed interface Contract {}

  /** A REST API response that must fit the schema. */
  record Conforms(String path, Set<String> expand) implements Contract {}

  /** A REST schedule shape that breaks the schema on purpose: exactly these violations. */
  record BreaksOnPurpose(String path, Set<String> expand, List<String> violations, String why)
      implements Contract {}

  /** Not a response of the REST API this schema describes. */
  record NotInSchema(String why) implements Contract {}

  private static final Conforms SCHEDULE = new Conforms(SCHEDULE_PATH, SCHEDULE_EXPAND);

  private static final String EUROPYTHON_WRAPPER =
      "EuroPython's own {\"session\": …} wrapper around one slot, not a pretalx response;"
          + " the parser must reject it as an unrecognised format";

  static final Map<String, Contract> FIXTURES =
      Map.ofEntries(
          Map.entry("pretalx-empty-schedule.json", SCHEDULE),
          Map.entry("pretalx-one-break.json", SCHEDULE),
          Map.entry("pretalx-one-session.json", SCHEDULE),
          Map.entry("pretalx-organiser-speakers.json", SCHEDULE),
          Map.entry("pretalx-schedule-response-20230701.json", SCHEDULE),
          Map.entry("pretalx-schedule-response-20230714.json", SCHEDULE),
          Map.entry(
              "pretalx-session-with-null-values.json",
              new BreaksOnPurpose(
                  SCHEDULE_PATH,
                  SCHEDULE_EXPAND,
                  List.of(
                      "/slots/0/duration: type",
                      "/slots/0/submission/duration: type",
                      "/slots/0/submission/speakers/0/avatar_url: type",
                      "/slots/0/submission/submission_type/default_duration: type"),
                  "nulls where the schema promises numbers, to prove the parser never fails on"
                      + " null")),
          Map.entry(
              "pretalx-with-invalid-slot.json",
              new BreaksOnPurpose(
                  SCHEDULE_PATH,
                  SCHEDULE_EXPAND,
                  List.of("/slots/0/id: type", "/slots/0/end: type", "/slots/0/duration: type"),
                  "a slot of the wrong types and without start or room, to prove it is skipped")),
          Map.entry(
              "europython-2023-schedule-legacy.json",
              new NotInSchema(
                  "the legacy REST schedule of pretalx ≤ 2024.x ({\"slots\": [submissions with a"
                      + " slot], \"breaks\"}), replaced in 2025.1 (API v1); the schema describes"
                      + " only the current API")),
          Map.entry(
              "europython-2023-schedule-partial.json",
              new NotInSchema(
                  "the first 40 slots of europython-2023-schedule-legacy.json (same legacy shape),"
                      + " served after the full schedule to test that a schedule losing most"
                      + " sessions is held back")),
          Map.entry(
              "pyconfx-2025-frab.json",
              new NotInSchema(
                  "the frab export /{event}/schedule/export/schedule.json, a page of the"
                      + " schedule, not part of the REST API")),
          Map.entry("europython-9GJFZZ.json", new NotInSchema(EUROPYTHON_WRAPPER)),
          Map.entry("europython-BHXSQU.json", new NotInSchema(EUROPYTHON_WRAPPER)),
          Map.entry(
              "europython-session-response-20230702.json", new NotInSchema(EUROPYTHON_WRAPPER)));

  private final PretalxOpenApi api = PretalxOpenApi.get();

  static Stream<String> fixtures() throws IOException, URISyntaxException {
    URL directory = Objects.requireNonNull(Fixtures.class.getResource("/pretalx/"));
    try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void everyFixtureHasADeclaredContract() throws IOException, URISyntaxException {
    assertThat(fixtures().collect(Collectors.toSet())).isEqualTo(FIXTURES.keySet());
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void fixtureKeepsItsContract(String name) {
    Contract contract = FIXTURES.get(name);
    String json = Fixtures.read(name);
    if (contract instanceof Conforms conforms) {
      PretalxOpenApi.Operation operation = operation(conforms.path());
      assertThat(api.violations(operation, conforms.expand(), json))
          .as("%s against %s %s", name, operation.method(), operation.template())
          .isEmpty();
    } else if (contract instanceof BreaksOnPurpose breaks) {
      PretalxOpenApi.Operation operation = operation(breaks.path());
      assertThat(api.violations(operation, breaks.expand(), json))
          .as("%s (%s)", name, breaks.why())
          .containsExactlyInAnyOrderElementsOf(breaks.violations());
    } else if (contract instanceof NotInSchema) {
      assertThat(api.violations(operation(SCHEDULE_PATH), SCHEDULE_EXPAND, json))
          .as("%s is not a current REST schedule", name)
          .isNotEmpty();
    } else {
      throw new AssertionError("no contract for " + name);
    }
  }

  @Test
  void theFrabExportIsNoOperationOfTheRestApi() {
    assertThat(api.operation("GET", "/europython-2023/schedule/export/schedule.json")).isEmpty();
  }

  @Test
  void theParserRejectsTheEuroPythonWrapper() {
    assertThatThrownBy(() -> ScheduleParser.parse(Fixtures.read("europython-9GJFZZ.json"), null))
        .hasMessageContaining("unrecognised schedule format");
  }

  @Test
  void theValidatorCatchesADriftedField() {
    String drifted = Fixtures.read("pretalx-one-session.json").replace("\"start\"", "\"begin\"");
    String renamed =
        Fixtures.read("pretalx-one-session.json")
            .replace("\"name\": {\"en\": \"The Great Outdoors\"}", "\"name\": 1234");

    assertThat(api.violations(operation(SCHEDULE_PATH), SCHEDULE_EXPAND, renamed))
        .anySatisfy(violation -> assertThat(violation).startsWith("/slots/0/room/name"));
    // start is optional in the schema: a renamed start is caught by the parser, not the schema
    assertThat(ScheduleParser.parseWithReport(drifted, null, "en").schedule().sessions()).isEmpty();
  }

  private PretalxOpenApi.Operation operation(String path) {
    return api.operation("GET", path)
        .orElseThrow(() -> new AssertionError("GET " + path + " is not in the schema"));
  }
}
