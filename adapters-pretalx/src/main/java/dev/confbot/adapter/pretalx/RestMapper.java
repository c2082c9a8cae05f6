package dev.confbot.adapter.pretalx;

import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Speaker;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the pretalx REST schedule in both shapes: legacy ({@code slots} are submissions with a
 * {@code slot}, plus {@code breaks}) and expanded ({@code slots} are slots with {@code room},
 * {@code start} and a {@code submission} that is null for breaks). Slots are told apart one by one,
 * so a mixed list still reads.
 */
final class RestMapper {

  private final ParseContext context;

  RestMapper(ParseContext context) {
    this.context = context;
  }

  /** True for an element of {@code slots} in the legacy shape (a submission with a slot). */
  static boolean isLegacySlot(JsonValue element) {
    return element.isObject() && !element.has("submission") && element.has("slot");
  }

  List<SlotDraft> read(JsonValue root) {
    List<SlotDraft> drafts = new ArrayList<>();
    List<JsonValue> slots =
        root.has("slots") ? root.get("slots").elements() : root.get("results").elements();
    int index = 0;
    for (JsonValue element : slots) {
      String where = "slot #" + index++;
      if (!element.isObject()) {
        context.warn(where + " skipped: not an object (request the schedule with expand=slots,…)");
      } else if (isLegacySlot(element)) {
        legacySubmission(element, where).ifPresent(drafts::add);
      } else {
        expandedSlot(element, where).ifPresent(drafts::add);
      }
    }
    index = 0;
    for (JsonValue element : root.get("breaks").elements()) {
      legacyBreak(element, "break #" + index++).ifPresent(drafts::add);
    }
    return drafts;
  }

  private Optional<SlotDraft> legacySubmission(JsonValue submission, String where) {
    Optional<String> code = context.text(submission.get("code"));
    if (code.isEmpty()) {
      context.warn(where + " skipped: no submission code");
      return Optional.empty();
    }
    JsonValue slot = submission.get("slot");
    Optional<OffsetDateTime> start = ParseContext.dateTime(slot.get("start"));
    Optional<Room> room = room(slot.get("room_id"), slot.get("room"));
    if (start.isEmpty() || room.isEmpty()) {
      context.warn(where + " (" + code.get() + ") skipped: no start or room");
      return Optional.empty();
    }
    Duration duration = duration(start.get(), slot.get("end"), submission.get("duration"), where);
    return Optional.of(session(code.get(), submission, start.get(), duration, room.get()));
  }

  private Optional<SlotDraft> legacyBreak(JsonValue slot, String where) {
    Optional<OffsetDateTime> start = ParseContext.dateTime(slot.get("start"));
    Optional<Room> room = room(slot.get("room_id"), slot.get("room"));
    if (start.isEmpty() || room.isEmpty()) {
      context.warn(where + " skipped: no start or room");
      return Optional.empty();
    }
    Duration duration = duration(start.get(), slot.get("end"), slot.get("duration"), where);
    String title = context.text(slot.get("description")).orElse(SlotDraft.BREAK_TYPE);
    return Optional.of(SlotDraft.breakSlot(title, start.get(), duration, room.get()));
  }

  private Optional<SlotDraft> expandedSlot(JsonValue slot, String where) {
    String id = context.text(slot.get("id")).map(v -> " (id " + v + ")").orElse("");
    Optional<OffsetDateTime> start = ParseContext.dateTime(slot.get("start"));
    JsonValue roomValue = slot.get("room");
    Optional<Room> room =
        roomValue.isObject() ? room(roomValue.get("id"), roomValue.get("name")) : room(roomValue);
    if (start.isEmpty() || room.isEmpty()) {
      context.warn(where + id + " skipped: no start or room");
      return Optional.empty();
    }
    JsonValue submission = slot.get("submission");
    Duration duration = duration(start.get(), slot.get("end"), slot.get("duration"), where + id);
    if (submission.isNull()) {
      String title = context.text(slot.get("description")).orElse(SlotDraft.BREAK_TYPE);
      return Optional.of(SlotDraft.breakSlot(title, start.get(), duration, room.get()));
    }
    Optional<String> code = context.text(submission.get("code"));
    if (!submission.isObject() || code.isEmpty()) {
      context.warn(
          where + id + " skipped: submission not expanded (request expand=slots.submission)");
      return Optional.empty();
    }
    return Optional.of(session(code.get(), submission, start.get(), duration, room.get()));
  }

  private SlotDraft session(
      String code, JsonValue submission, OffsetDateTime start, Duration duration, Room room) {
    List<String> speakers = new ArrayList<>();
    List<Speaker> details = new ArrayList<>();
    for (JsonValue speaker : submission.get("speakers").elements()) {
      Optional<String> name = context.text(speaker.get("name"));
      name.ifPresent(speakers::add);
      // only organizers' tokens see e-mails (SpeakerOrga); anonymous payloads have none
      String email = context.text(speaker.get("email")).filter(e -> e.contains("@")).orElse("");
      details.add(new Speaker(name.orElse(""), email));
    }

    return new SlotDraft(
        code,
        context.text(submission.get("title")).orElse(code),
        speakers,
        context.text(submission.get("abstract")).orElse(""),
        start,
        duration,
        room,
        context.name(submission.get("track")).orElse(null),
        context.name(submission.get("submission_type")).orElse(null),
        context.level(submission).orElse(null),
        context.text(submission.get("content_locale")).orElse(null),
        context.link(submission.get("url"), code).orElse(null),
        false,
        details,
        context.text(submission.get("state")).orElse(null));
  }

  /** A room from its id and (multilingual) name; either may stand in for the other. */
  private Optional<Room> room(JsonValue idValue, JsonValue nameValue) {
    Optional<String> id = context.text(idValue);
    Optional<String> name = context.text(nameValue);
    if (id.isEmpty() && name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Room(id.orElseGet(name::orElseThrow), name.orElseGet(id::orElseThrow)));
  }

  /** A room given only as an id (not expanded). */
  private Optional<Room> room(JsonValue bareId) {
    return context.text(bareId).map(id -> new Room(id, "Room " + id));
  }

  private Duration duration(OffsetDateTime start, JsonValue end, JsonValue minutes, String where) {
    Optional<Duration> byEnd =
        ParseContext.dateTime(end).flatMap(e -> ParseContext.between(start, e));
    if (byEnd.isPresent()) {
      return byEnd.get();
    }
    Optional<Long> byMinutes = minutes.wholeNumber().filter(m -> m >= 0);
    if (byMinutes.isPresent()) {
      return Duration.ofMinutes(byMinutes.get());
    }
    context.warn(where + ": no end or duration, taken as 0 minutes");
    return Duration.ZERO;
  }
}
