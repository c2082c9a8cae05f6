package dev.confbot.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One slot of the schedule: a talk, tutorial, keynote… or a break.
 *
 * @param code pretalx submission code (for breaks a code derived from room and start)
 * @param start start in the event's time zone
 * @param speakers the speakers' names, as shown in notifications
 * @param isBreak true for breaks (coffee, lunch) that have no submission
 * @param speakerDetails the speakers with what the source says about them (in the order of {@code
 *     speakers}; a speaker without a public name appears only here); when empty, derived from
 *     {@code speakers} without e-mail addresses
 * @param state the pretalx submission state ({@code "confirmed"}, {@code "accepted"}…) when the
 *     source tells it (the REST API does), else null (the frab export and files only list what was
 *     released)
 */
public record Session(
    String code,
    String title,
    List<String> speakers,
    String abstractText,
    ZonedDateTime start,
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

  /** The submission state of a session its speakers have confirmed. */
  public static final String CONFIRMED = "confirmed";

  public Session {
    speakers = List.copyOf(speakers);
    speakerDetails =
        speakerDetails.isEmpty()
            ? speakers.stream().map(name -> new Speaker(name, "")).toList()
            : List.copyOf(speakerDetails);
  }

  /** A session whose source says nothing about speaker e-mails and submission state. */
  public Session(
      String code,
      String title,
      List<String> speakers,
      String abstractText,
      ZonedDateTime start,
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

  /**
   * True for a talk (not a break) that is confirmed: its state is {@code confirmed}, or the source
   * gives no state (a published frab export lists only released sessions).
   */
  public boolean confirmed() {
    return !isBreak && (state == null || CONFIRMED.equals(state));
  }

  public Instant startInstant() {
    return start.toInstant();
  }

  public ZonedDateTime end() {
    return start.plus(duration);
  }
}
