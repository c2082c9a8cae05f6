package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Session;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schedules generated from pretalx's OpenAPI schema (expanded as the adapter requests them):
 * nullable fields null, optional fields absent, multilingual strings in any languages. The parser
 * must never fail on them and must keep every valid session (a submission, a start and a room).
 */
class SchemaGeneratedScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final PretalxOpenApi API = PretalxOpenApi.get();
  private static final JsonNode SCHEDULE_DOCUMENT =
      API.expandedDocument("Schedule", PretalxPayloadContractTest.SCHEDULE_EXPAND);
  private static final Set<String> SLOT_LIST_EXPAND =
      Set.of(
          "room",
          "submission",
          "submission.speakers",
          "submission.submission_type",
          "submission.track");
  private static final JsonNode SLOT_LIST_DOCUMENT =
      API.expandedDocument("PaginatedTalkSlotList", SLOT_LIST_EXPAND);

  @Property(tries = 200)
  void keepsEveryValidSessionOfAGeneratedSchedule(@ForAll long seed) {
    // given a schedule generated from the schema, with unique submission codes
    ObjectNode schedule = generate(SCHEDULE_DOCUMENT, seed);
    List<String> expected = numberCodes(schedule.path("slots"));
    String json = schedule.toString();
    assertThat(API.violations("Schedule", PretalxPayloadContractTest.SCHEDULE_EXPAND, json))
        .as("the generator keeps to the schema")
        .isEmpty();

    // when
    ParsedSchedule parsed = ScheduleParser.parseWithReport(json, BERLIN, "en");

    // then
    assertThat(talkCodes(parsed)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Property(tries = 100)
  void keepsEveryValidSessionOfAGeneratedLastSlotPage(@ForAll long seed) {
    // given the last (or only) page of the slot list, generated from the schema
    ObjectNode page = generate(SLOT_LIST_DOCUMENT, seed);
    page.putNull("next");
    List<String> expected = numberCodes(page.path("results"));
    String json = page.toString();
    assertThat(API.violations("PaginatedTalkSlotList", SLOT_LIST_EXPAND, json)).isEmpty();

    // when
    ParsedSchedule parsed = ScheduleParser.parseWithReport(json, BERLIN, "en");

    // then
    assertThat(talkCodes(parsed)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Property(tries = 50)
  void neverReadsAPageThatIsNotTheLastAsTheWholeSchedule(@ForAll long seed) {
    // given a page of the slot list with a next link: the slots of the other pages are unknown
    ObjectNode page = generate(SLOT_LIST_DOCUMENT, seed);
    page.put("next", "https://pretalx.example/api/events/ep/slots/?page=2");
    String json = page.toString();
    assertThat(API.violations("PaginatedTalkSlotList", SLOT_LIST_EXPAND, json)).isEmpty();

    // then the parser refuses it rather than dropping those slots silently
    assertThatThrownBy(() -> ScheduleParser.parseWithReport(json, BERLIN, "en"))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("paginated");
  }

  private static ObjectNode generate(JsonNode document, long seed) {
    return (ObjectNode) new SchemaInstances(document, seed).component(PretalxOpenApi.EXPANDED);
  }

  /**
   * Gives every submission a unique code (the schema allows any string, pretalx sends unique
   * non-blank ones) and answers the codes of the valid sessions: submission, start and room.
   */
  private static List<String> numberCodes(JsonNode slots) {
    List<String> valid = new ArrayList<>();
    int index = 0;
    for (JsonNode slot : slots.values()) {
      JsonNode submission = slot.path("submission");
      if (!submission.isObject()) {
        continue;
      }
      String code = "GEN" + index++;
      ((ObjectNode) submission).put("code", code);
      if (slot.path("start").isString() && slot.path("room").isObject()) {
        valid.add(code);
      }
    }
    return valid;
  }

  private static List<String> talkCodes(ParsedSchedule parsed) {
    return parsed.schedule().sessions().stream()
        .filter(session -> !session.isBreak())
        .map(Session::code)
        .toList();
  }
}
