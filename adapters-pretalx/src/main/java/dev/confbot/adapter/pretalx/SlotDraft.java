package dev.confbot.adapter.pretalx;

import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.schedule.Speaker;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session read from a payload, before the event's time zone is known.
 *
 * @param speakerDetails the speakers with their e-mail addresses where the source gives them (the
 *     authenticated REST API); empty to derive them from {@code speakers}
 * @param state the submission state where the source gives it (REST), else null
 */
record SlotDraft(
    String code,
    String title,
    List<String> speakers,
    String abstractText,
    OffsetDateTime start,
    Duration duration,
    Room room,
    @Nullable String track,
    @Nullable String type,
    @Nullable String level,
    @Nullable String language,
    @Nullable String url,
    boolean isBreak,
    List<Speaker> speakerDetails,
    @Nullable String state) {

  /** The {@link Session#type()} of breaks, so that a "skip these types" filter can name them. */
  static final String BREAK_TYPE = "Break";

  private static final DateTimeFormatter BREAK_CODE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

  SlotDraft {
    speakers = List.copyOf(speakers);
    speakerDetails = List.copyOf(speakerDetails);
  }

  /** A session of a source that gives speaker names only and no submission state (frab). */
  SlotDraft(
      String code,
      String title,
      List<String> speakers,
      String abstractText,
      OffsetDateTime start,
      Duration duration,
      Room room,
      @Nullable String track,
      @Nullable String type,
      @Nullable String level,
      @Nullable String language,
      @Nullable String url,
      boolean isBreak) {
    this(
        code,
        title,
        speakers,
        abstractText,
        start,
        duration,
        room,
        track,
        type,
        level,
        language,
        url,
        isBreak,
        List.of(),
        null);
  }

  /** A break: no submission, so its code is derived from room and local start. */
  static SlotDraft breakSlot(String title, OffsetDateTime start, Duration duration, Room room) {
    String code = "break-" + room.id() + "-" + BREAK_CODE_TIME.format(start);
    return new SlotDraft(
        code,
        title,
        List.of(),
        "",
        start,
        duration,
        room,
        null,
        BREAK_TYPE,
        null,
        null,
        null,
        true);
  }

  Session toSession(ZoneId zone) {
    return new Session(
        code,
        title,
        speakers,
        abstractText,
        start.atZoneSameInstant(zone),
        duration,
        room,
        track,
        type,
        level,
        language,
        url,
        isBreak,
        speakerDetails,
        state);
  }
}
