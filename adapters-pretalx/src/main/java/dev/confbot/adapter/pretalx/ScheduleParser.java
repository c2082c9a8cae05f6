package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns any pretalx schedule payload into the core's {@link Schedule}, recognising its shape from
 * the content: the frab export ({@code schedule.conference.days}), the legacy REST schedule ({@code
 * slots} of submissions with a {@code slot}, {@code breaks}) or the expanded REST schedule ({@code
 * slots} with {@code room}, {@code start}, {@code submission}; also the last or only page of a
 * paginated {@code results} list of slots, an earlier page is refused). Slots without start or
 * room, or otherwise unreadable, are skipped with a warning; null values never fail the parse. Pure
 * and thread-safe.
 */
public final class ScheduleParser {

  /** The language used when none is configured. */
  public static final String DEFAULT_LANGUAGE = "en";

  private ScheduleParser() {}

  /** {@link #parse(String, ZoneId, String)} in English. */
  public static Schedule parse(String json, @Nullable ZoneId fallbackZone) {
    return parse(json, fallbackZone, DEFAULT_LANGUAGE);
  }

  /**
   * Parses a schedule payload.
   *
   * @param json the payload
   * @param fallbackZone the event zone to use when the payload names none (the REST shapes carry
   *     only offsets); null to use the offset of the first slot (UTC for an empty schedule)
   * @param language preferred language of multilingual fields; then "en", then any
   * @throws GatewayException (system "pretalx") when the payload is not JSON or not a schedule
   */
  public static Schedule parse(String json, @Nullable ZoneId fallbackZone, String language) {
    return parseWithReport(json, fallbackZone, language).schedule();
  }

  /** Like {@link #parse(String, ZoneId, String)}, also giving the format and the warnings. */
  public static ParsedSchedule parseWithReport(
      String json, @Nullable ZoneId fallbackZone, String language) {
    JsonValue root = JsonValue.parse(json);
    try {
      return map(root, fallbackZone, language);
    } catch (GatewayException e) {
      throw e;
    } catch (RuntimeException e) {
      // a shape the mappers did not foresee must not stop the caller
      throw new GatewayException(
          "pretalx", "schedule could not be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static ParsedSchedule map(
      JsonValue root, @Nullable ZoneId fallbackZone, String language) {
    ParseContext context = new ParseContext(language);
    if (FrabMapper.matches(root)) {
      FrabMapper frab = new FrabMapper(context);
      Optional<ZoneId> payloadZone = frab.zone(root);
      @Nullable ZoneId known = payloadZone.orElse(fallbackZone);
      List<SlotDraft> drafts = frab.read(root, known);
      String version = context.text(root.get("schedule").get("version")).orElse("");
      return result(version, known, drafts, ScheduleFormat.FRAB, context);
    }
    if (root.isObject() && (root.get("slots").isArray() || root.get("results").isArray())) {
      refuseAnEarlierPage(root);
      boolean legacy =
          root.has("breaks")
              || root.get("slots").elements().stream().anyMatch(RestMapper::isLegacySlot)
              || root.get("results").elements().stream().anyMatch(RestMapper::isLegacySlot);
      List<SlotDraft> drafts = new RestMapper(context).read(root);
      String version = context.text(root.get("version")).orElse("");
      return result(
          version,
          fallbackZone,
          drafts,
          legacy ? ScheduleFormat.REST_LEGACY : ScheduleFormat.REST_EXPANDED,
          context);
    }
    throw new GatewayException(
        "pretalx",
        "unrecognised schedule format: expected the frab export (schedule.conference.days)"
            + " or a REST schedule (slots)",
        null);
  }

  /**
   * A paginated list ({@code /slots/}, legacy {@code /talks/}) is only the whole schedule on its
   * last page; reading an earlier one would drop the slots of the others without a word.
   */
  private static void refuseAnEarlierPage(JsonValue root) {
    if (root.get("results").isArray() && root.get("next").text("").isPresent()) {
      String count = root.get("count").text("").orElse("more");
      throw new GatewayException(
          "pretalx",
          "the schedule source is one page of a paginated list ("
              + count
              + " slots, "
              + root.get("results").elements().size()
              + " on this page); use …/api/events/<event>/schedules/latest/?expand=slots,…,"
              + " which has every slot",
          null);
    }
  }

  private static ParsedSchedule result(
      String version,
      @Nullable ZoneId zone,
      List<SlotDraft> drafts,
      ScheduleFormat format,
      ParseContext context) {
    ZoneId eventZone = zone;
    if (eventZone == null) {
      eventZone = drafts.isEmpty() ? ZoneOffset.UTC : drafts.get(0).start().getOffset();
    }
    List<Session> sessions = new ArrayList<>(drafts.size());
    for (SlotDraft draft : drafts) {
      sessions.add(draft.toSession(eventZone));
    }
    return new ParsedSchedule(
        new Schedule(version, eventZone, sessions), format, context.warnings());
  }
}
