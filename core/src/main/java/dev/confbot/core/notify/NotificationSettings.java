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
 * @param channels where notifications go
 * @param leads when they go
 * @param selection which sessions are announced
 * @param links what a notification links to
 * @param colouring the embed colours
 */
public record NotificationSettings(
    Channels channels, Leads leads, Selection selection, Links links, Colouring colouring) {

  /** What decides an embed's colour. */
  public enum ColourBy {
    LEVEL,
    TRACK
  }

  /** The default main channel name. */
  public static final String DEFAULT_MAIN_CHANNEL = "programme";

  /**
   * Where notifications go.
   *
   * @param main channel (name or id) for the per-start-minute overview, or null for none
   * @param rooms room name (or room id) to channel name or id; rooms without an entry get no room
   *     message
   * @param updates channel for schedule-change announcements, or null for none
   */
  public record Channels(
      @Nullable String main, Map<String, String> rooms, @Nullable String updates) {
    public Channels {
      if (main != null && main.isBlank()) {
        throw new IllegalArgumentException("main_channel must not be blank");
      }
      if (updates != null && updates.isBlank()) {
        throw new IllegalArgumentException("updates_channel must not be blank");
      }
      rooms = Map.copyOf(rooms);
    }
  }

  /**
   * When notifications go.
   *
   * @param main how long before the start the main channel is notified (default 5 minutes)
   * @param room how long before the start the room channel is notified (default 2 minutes)
   * @param lateGrace how late a notification that was missed (bot down) may still be sent, never
   *     after the session started (default 2 minutes)
   */
  public record Leads(Duration main, Duration room, Duration lateGrace) {
    public Leads {
      requireNonNegative("main_lead", main);
      requireNonNegative("room_lead", room);
      requireNonNegative("late_grace", lateGrace);
    }
  }

  /**
   * Which sessions are announced.
   *
   * @param days conference days (event time zone) to notify; empty means every day
   * @param skippedTypes session types never announced, compared ignoring case; breaks count as type
   *     {@code "break"} (default {@code {"break"}})
   */
  public record Selection(Set<LocalDate> days, Set<String> skippedTypes) {
    public Selection {
      days = Set.copyOf(days);
      skippedTypes =
          skippedTypes.stream()
              .map(t -> t.strip().toLowerCase(Locale.ROOT))
              .collect(Collectors.toUnmodifiableSet());
    }
  }

  /**
   * What a notification links to.
   *
   * @param livestreams room name (or id) to conference day to livestream URL
   * @param sessionUrlTemplate session page URL with {@code {code}}, {@code {slug}}, {@code {room}}
   *     placeholders, or null to use the URL the schedule gives
   * @param qaUrlTemplate Q&amp;A URL with the same placeholders, or null for no Q&amp;A link
   */
  public record Links(
      Map<String, Map<LocalDate, String>> livestreams,
      @Nullable String sessionUrlTemplate,
      @Nullable String qaUrlTemplate) {
    public Links {
      Map<String, Map<LocalDate, String>> streams = new LinkedHashMap<>();
      livestreams.forEach((room, perDay) -> streams.put(room, Map.copyOf(perDay)));
      livestreams = Map.copyOf(streams);
    }
  }

  /**
   * The embed colours.
   *
   * @param by whether the embed colour follows the level or the track
   * @param byName level or track name (lower case) to 0xRRGGBB; others get a stable palette colour
   */
  public record Colouring(ColourBy by, Map<String, Integer> byName) {
    public Colouring {
      Map<String, Integer> lower = new LinkedHashMap<>();
      byName.forEach((name, rgb) -> lower.put(name.strip().toLowerCase(Locale.ROOT), rgb));
      byName = Map.copyOf(lower);
      for (Map.Entry<String, Integer> colour : byName.entrySet()) {
        if (colour.getValue() < 0 || colour.getValue() > 0xFFFFFF) {
          throw new IllegalArgumentException("colours." + colour.getKey() + " must be 0xRRGGBB");
        }
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
        new Channels(DEFAULT_MAIN_CHANNEL, Map.of(), null),
        new Leads(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(2)),
        new Selection(Set.of(), Set.of("break")),
        new Links(Map.of(), null, null),
        new Colouring(
            ColourBy.LEVEL,
            Map.of("beginner", 0x57F287, "intermediate", 0xFEE75C, "advanced", 0xED4245)));
  }

  /** The main channel, or null for none. */
  public @Nullable String mainChannel() {
    return channels.main();
  }

  /** Room name (or id) to channel. */
  public Map<String, String> roomChannels() {
    return channels.rooms();
  }

  /** The schedule-updates channel, or null for none. */
  public @Nullable String updatesChannel() {
    return channels.updates();
  }

  /** How long before the start the main channel is notified. */
  public Duration mainLead() {
    return leads.main();
  }

  /** How long before the start the room channel is notified. */
  public Duration roomLead() {
    return leads.room();
  }

  /** How late a missed notification may still be sent. */
  public Duration lateGrace() {
    return leads.lateGrace();
  }

  /** The conference days notified; empty means every day. */
  public Set<LocalDate> days() {
    return selection.days();
  }

  /** Session types never announced (lower case). */
  public Set<String> skippedTypes() {
    return selection.skippedTypes();
  }

  /** Room name (or id) to day to livestream URL. */
  public Map<String, Map<LocalDate, String>> livestreams() {
    return links.livestreams();
  }

  /** The session-page URL template, or null for the schedule's URL. */
  public @Nullable String sessionUrlTemplate() {
    return links.sessionUrlTemplate();
  }

  /** The Q&amp;A URL template, or null for no Q&amp;A link. */
  public @Nullable String qaUrlTemplate() {
    return links.qaUrlTemplate();
  }

  /** Whether the colour follows the level or the track. */
  public ColourBy colourBy() {
    return colouring.by();
  }

  /** Level or track name (lower case) to 0xRRGGBB. */
  public Map<String, Integer> colours() {
    return colouring.byName();
  }

  /** The room's channel, looked up by room name first, then by room id. */
  public Optional<String> roomChannel(Room room) {
    String byName = channels.rooms().get(room.name());
    return Optional.ofNullable(byName != null ? byName : channels.rooms().get(room.id()));
  }

  /** The livestream URL for the session's room on the session's day (event time zone). */
  public Optional<String> livestream(Session session) {
    Map<LocalDate, String> perDay = links.livestreams().get(session.room().name());
    if (perDay == null) {
      perDay = links.livestreams().get(session.room().id());
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
    if (!selection.days().isEmpty() && !selection.days().contains(session.start().toLocalDate())) {
      return false;
    }
    if (session.isBreak() && selection.skippedTypes().contains("break")) {
      return false;
    }
    String type = session.type();
    return type == null
        || !selection.skippedTypes().contains(type.strip().toLowerCase(Locale.ROOT));
  }

  /** These settings with the main channel replaced (null: no main-channel messages). */
  public NotificationSettings withMainChannel(@Nullable String channel) {
    return with(new Channels(channel, channels.rooms(), channels.updates()));
  }

  /** These settings with the room-to-channel map replaced. */
  public NotificationSettings withRoomChannels(Map<String, String> rooms) {
    return with(new Channels(channels.main(), rooms, channels.updates()));
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

  /** These settings with the schedule-updates channel replaced (null: no announcements). */
  public NotificationSettings withUpdatesChannel(@Nullable String channel) {
    return with(new Channels(channels.main(), channels.rooms(), channel));
  }

  /** These settings with the main and room lead times replaced. */
  public NotificationSettings withLeads(Duration main, Duration room) {
    return with(new Leads(main, room, leads.lateGrace()));
  }

  /** These settings with the late-send grace replaced. */
  public NotificationSettings withLateGrace(Duration grace) {
    return with(new Leads(leads.main(), leads.room(), grace));
  }

  /** These settings restricted to the given conference days (empty: every day). */
  public NotificationSettings withDays(Set<LocalDate> conferenceDays) {
    return with(new Selection(conferenceDays, selection.skippedTypes()));
  }

  /** These settings with the skipped session types replaced. */
  public NotificationSettings withSkippedTypes(Set<String> types) {
    return with(new Selection(selection.days(), types));
  }

  /** These settings with the livestream links replaced (room name or id → day → URL). */
  public NotificationSettings withLivestreams(Map<String, Map<LocalDate, String>> streams) {
    return with(new Links(streams, links.sessionUrlTemplate(), links.qaUrlTemplate()));
  }

  /** These settings with the session-page and Q&amp;A URL templates replaced (null: none). */
  public NotificationSettings withUrlTemplates(
      @Nullable String sessionUrlTemplate, @Nullable String qaUrlTemplate) {
    return with(new Links(links.livestreams(), sessionUrlTemplate, qaUrlTemplate));
  }

  /** These settings with the colour rule replaced. */
  public NotificationSettings withColours(ColourBy by, Map<String, Integer> byName) {
    return new NotificationSettings(channels, leads, selection, links, new Colouring(by, byName));
  }

  private NotificationSettings with(Channels other) {
    return new NotificationSettings(other, leads, selection, links, colouring);
  }

  private NotificationSettings with(Leads other) {
    return new NotificationSettings(channels, other, selection, links, colouring);
  }

  private NotificationSettings with(Selection other) {
    return new NotificationSettings(channels, leads, other, links, colouring);
  }

  private NotificationSettings with(Links other) {
    return new NotificationSettings(channels, leads, selection, other, colouring);
  }

  private static void requireNonNegative(String key, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(key + " must not be negative: " + duration);
    }
  }
}
