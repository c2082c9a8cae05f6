package dev.confbot.core.topics;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The "Now / Next" topic each room channel should show, e.g. {@code ▶ Now: Keynote (until 10:45) ·
 * ⏭ Next 11:00: Typing in Python}, or {@code Nothing more today}. Pure: the same schedule, time and
 * texts give the same topics.
 *
 * <p>Breaks are left out (a break's room channel shows the next talk). "Next" is the first session
 * of the room that starts later the same day (event time zone); when there is none the topic says
 * so with {@link TextKeys#TOPIC_NONE}. Times are {@code HH:mm} in the event's time zone.
 */
public final class RoomTopics {

  /** Discord's limit for a text channel's topic, in characters. */
  public static final int MAX_LENGTH = 1024;

  private static final String SEPARATOR = " · ";
  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  private RoomTopics() {}

  /**
   * The wanted topic of every room channel.
   *
   * @param schedule the programme
   * @param roomChannels room name (or room id) → channel name or id; every channel gets a topic,
   *     also one whose room has no sessions
   * @param now the current instant
   * @param zone the event's time zone (for "today" and the times shown)
   * @param texts the texts of the channel's language (the configured default language)
   * @return channel → topic (at most {@link #MAX_LENGTH} characters), in the order of {@code
   *     roomChannels}; a channel named for several rooms gets the first room's topic
   */
  public static Map<String, String> wanted(
      Schedule schedule,
      Map<String, String> roomChannels,
      Instant now,
      ZoneId zone,
      TextBundle texts) {
    Map<String, String> topics = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : roomChannels.entrySet()) {
      if (!topics.containsKey(entry.getValue())) {
        List<Session> sessions = sessionsIn(schedule, entry.getKey());
        topics.put(entry.getValue(), topic(sessions, now, zone, texts));
      }
    }
    return topics;
  }

  /** The topic of one room, given its sessions in start order. */
  static String topic(List<Session> sessions, Instant now, ZoneId zone, TextBundle texts) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Optional<Session> running =
        sessions.stream()
            .filter(s -> !s.startInstant().isAfter(now) && s.end().toInstant().isAfter(now))
            .findFirst();
    Optional<Session> next =
        sessions.stream()
            .filter(s -> s.startInstant().isAfter(now))
            .filter(s -> s.start().withZoneSameInstant(zone).toLocalDate().equals(today))
            .findFirst();
    List<String> parts = new ArrayList<>();
    running.ifPresent(
        s ->
            parts.add(
                texts.format(
                    TextKeys.TOPIC_NOW,
                    Map.of("title", oneLine(s.title()), "end", time(s.end(), zone)))));
    if (next.isPresent()) {
      Session s = next.get();
      parts.add(
          texts.format(
              TextKeys.TOPIC_NEXT,
              Map.of("title", oneLine(s.title()), "time", time(s.start(), zone))));
    } else {
      parts.add(texts.get(TextKeys.TOPIC_NONE));
    }
    return truncate(String.join(SEPARATOR, parts));
  }

  private static List<Session> sessionsIn(Schedule schedule, String room) {
    List<Session> sessions = new ArrayList<>();
    for (Session session : schedule.sessions()) {
      Room r = session.room();
      if (!session.isBreak() && (r.name().equals(room) || r.id().equals(room))) {
        sessions.add(session);
      }
    }
    return sessions;
  }

  private static String time(ZonedDateTime at, ZoneId zone) {
    return HOURS_MINUTES.format(at.withZoneSameInstant(zone));
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String truncate(String topic) {
    if (topic.length() <= MAX_LENGTH) {
      return topic;
    }
    int end = MAX_LENGTH - 1;
    if (Character.isHighSurrogate(topic.charAt(end - 1))) {
      end--;
    }
    return topic.substring(0, end) + "…";
  }
}
