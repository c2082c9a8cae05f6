package dev.confbot.core.notify;

import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How programme notifications are planned and rendered (the {@code [notifications]} section of the
 * configuration). Start from {@link #defaults()} and adjust with the {@code with…} methods.
 *
 * @param mainChannel channel (name or id) for the per-start-minute overview, or null for none
 * @param mainLead how long before the start the main channel is notified (default 5 minutes)
 * @param roomLead how long before the start the room channel is notified (default 2 minutes)
 * @param lateGrace how late a notification that was missed (bot down) may still be sent, never
 *     after the session started (default 2 minutes)
 * @param days conference days (event time zone) to notify; empty means every day
 * @param skippedTypes session types never announced, compared ignoring case; breaks count as type
 *     {@code "break"} (default {@code {"break"}})
 * @param roomChannels room name (or room id) to channel name or id; rooms without an entry get no
 *     room message
 * @param livestreams room name (or id) to conference day to livestream URL
 * @param sessionUrlTemplate session page URL with {@code {code}}, {@code {slug}}, {@code {room}}
 *     placeholders, or null to use the URL the schedule gives
 * @param qaUrlTemplate Q&amp;A URL with the same placeholders, or null for no Q&amp;A link
 * @param updatesChannel channel for schedule-change announcements, or null for none
 * @param colourBy whether the embed colour follows the level or the track
 * @param colours level or track name (lower case) to 0xRRGGBB; others get a stable palette colour
 */
public record NotificationSettings(
    @Nullable String mainChannel,
    Duration mainLead,
    Duration roomLead,
    Duration lateGrace,
    Set<LocalDate> days,
    Set<String> skippedTypes,
    Map<String, String> roomChannels,
    Map<String, Map<LocalDate, String>> livestreams,
    @Nullable String sessionUrlTemplate,
    @Nullable String qaUrlTemplate,
    @Nullable String updatesChannel,
    ColourBy colourBy,
    Map<String, Integer> colours) {

  /** What decides an embed's colour. */
  public enum ColourBy {
    LEVEL,
    TRACK
  }

  /** The default main channel name. */
  public static final String DEFAULT_MAIN_CHANNEL = "programme";

  public NotificationSettings {
    requireNonNegative("main_lead", mainLead);
    requireNonNegative("room_lead", roomLead);
    requireNonNegative("late_grace", lateGrace);
    if (mainChannel != null && mainChannel.isBlank()) {
      throw new IllegalArgumentException("main_channel must not be blank");
    }
    if (updatesChannel != null && updatesChannel.isBlank()) {
      throw new IllegalArgumentException("updates_channel must not be blank");
    }
    days = Set.copyOf(days);
    skippedTypes =
        skippedTypes.stream()
            .map(t -> t.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    roomChannels = Map.copyOf(roomChannels);
    Map<String, Map<LocalDate, String>> streams = new LinkedHashMap<>();
    livestreams.forEach((room, perDay) -> streams.put(room, Map.copyOf(perDay)));
    livestreams = Map.copyOf(streams);
    Map<String, Integer> lower = new LinkedHashMap<>();
    colours.forEach((name, rgb) -> lower.put(name.strip().toLowerCase(Locale.ROOT), rgb));
    colours = Map.copyOf(lower);
    for (Map.Entry<String, Integer> colour : colours.entrySet()) {
      if (colour.getValue() < 0 || colour.getValue() > 0xFFFFFF) {
        throw new IllegalArgumentException("colours." + colour.getKey() + " must be 0xRRGGBB");
      }
    }
  }

  /**
   * Main channel {@code programme}, 5 and 2 minutes lead, 2 minutes grace, every day, breaks
   * skipped, no room channels, no livestreams, the schedule's own session URLs, no Q&amp;A link, no
   * updates channel, colour by level (beginner green, intermediate yellow, advanced red).
   */
  public static NotificationSettings defaults() {
    return new NotificationSettings(
        DEFAULT_MAIN_CHANNEL,
        Duration.ofMinutes(5),
        Duration.ofMinutes(2),
        Duration.ofMinutes(2),
        Set.of(),
        Set.of("break"),
        Map.of(),
        Map.of(),
        null,
        null,
        null,
        ColourBy.LEVEL,
        Map.of("beginner", 0x57F287, "intermediate", 0xFEE75C, "advanced", 0xED4245));
  }

  /** The room's channel, looked up by room name first, then by room id. */
  public Optional<String> roomChannel(Room room) {
    String byName = roomChannels.get(room.name());
    return Optional.ofNullable(byName != null ? byName : roomChannels.get(room.id()));
  }

  /** The livestream URL for the session's room on the session's day (event time zone). */
  public Optional<String> livestream(Session session) {
    Map<LocalDate, String> perDay = livestreams.get(session.room().name());
    if (perDay == null) {
      perDay = livestreams.get(session.room().id());
    }
    return perDay == null
        ? Optional.empty()
        : Optional.ofNullable(perDay.get(session.start().toLocalDate()));
  }

  /**
   * True when the session is announced at all: its day is a conference day and its type is not
   * skipped (breaks have type {@code "break"}).
   */
  public boolean announces(Session session) {
    if (!days.isEmpty() && !days.contains(session.start().toLocalDate())) {
      return false;
    }
    if (session.isBreak() && skippedTypes.contains("break")) {
      return false;
    }
    String type = session.type();
    return type == null || !skippedTypes.contains(type.strip().toLowerCase(Locale.ROOT));
  }

  /** These settings with the main channel replaced (null: no main-channel messages). */
  public NotificationSettings withMainChannel(@Nullable String channel) {
    return new NotificationSettings(
        channel,
        mainLead,
        roomLead,
        lateGrace,
        days,
        skippedTypes,
        roomChannels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        colourBy,
        colours);
  }

  /** These settings with the main and room lead times replaced. */
  public NotificationSettings withLeads(Duration main, Duration room) {
    return new NotificationSettings(
        mainChannel,
        main,
        room,
        lateGrace,
        days,
        skippedTypes,
        roomChannels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        colourBy,
        colours);
  }

  /** These settings with the late-send grace replaced. */
  public NotificationSettings withLateGrace(Duration grace) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        grace,
        days,
        skippedTypes,
        roomChannels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        colourBy,
        colours);
  }

  /** These settings restricted to the given conference days (empty: every day). */
  public NotificationSettings withDays(Set<LocalDate> conferenceDays) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        lateGrace,
        conferenceDays,
        skippedTypes,
        roomChannels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        colourBy,
        colours);
  }

  /** These settings with the skipped session types replaced. */
  public NotificationSettings withSkippedTypes(Set<String> types) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        lateGrace,
        days,
        types,
        roomChannels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        colourBy,
        colours);
  }

  /** These settings with the room-to-channel map replaced. */
  public NotificationSettings withRoomChannels(Map<String, String> channels) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        lateGrace,
        days,
        skippedTypes,
        channels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        colourBy,
        colours);
  }

  /**
   * These settings with one room channel per room of the schedule, named after the room (lower
   * case, spaces as hyphens, as Discord shows channel names): the preview's default.
   */
  public NotificationSettings withRoomChannelsNamedAfterRooms(Schedule schedule) {
    Map<String, String> channels = new LinkedHashMap<>();
    for (Session session : schedule.sessions()) {
      channels.putIfAbsent(session.room().name(), Templates.slug(session.room().name()));
    }
    return withRoomChannels(channels);
  }

  /** These settings with the livestream links replaced (room name or id → day → URL). */
  public NotificationSettings withLivestreams(Map<String, Map<LocalDate, String>> links) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        lateGrace,
        days,
        skippedTypes,
        roomChannels,
        links,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        colourBy,
        colours);
  }

  /** These settings with the session-page and Q&amp;A URL templates replaced (null: none). */
  public NotificationSettings withUrlTemplates(
      @Nullable String sessionPage, @Nullable String questions) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        lateGrace,
        days,
        skippedTypes,
        roomChannels,
        livestreams,
        sessionPage,
        questions,
        updatesChannel,
        colourBy,
        colours);
  }

  /** These settings with the schedule-updates channel replaced (null: no announcements). */
  public NotificationSettings withUpdatesChannel(@Nullable String channel) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        lateGrace,
        days,
        skippedTypes,
        roomChannels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        channel,
        colourBy,
        colours);
  }

  /** These settings with the colour rule replaced. */
  public NotificationSettings withColours(ColourBy by, Map<String, Integer> byName) {
    return new NotificationSettings(
        mainChannel,
        mainLead,
        roomLead,
        lateGrace,
        days,
        skippedTypes,
        roomChannels,
        livestreams,
        sessionUrlTemplate,
        qaUrlTemplate,
        updatesChannel,
        by,
        byName);
  }

  private static void requireNonNegative(String key, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(key + " must not be negative: " + duration);
    }
  }
}
