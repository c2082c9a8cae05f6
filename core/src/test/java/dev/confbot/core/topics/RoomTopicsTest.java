package dev.confbot.core.topics;

import static dev.confbot.core.topics.Programme.CHANNELS;
import static dev.confbot.core.topics.Programme.FORUM;
import static dev.confbot.core.topics.Programme.PRAGUE;
import static dev.confbot.core.topics.Programme.at;
import static dev.confbot.core.topics.Programme.day;
import static dev.confbot.core.topics.Programme.instant;
import static dev.confbot.core.topics.Programme.talk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.schedule.Schedule;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RoomTopicsTest {
  private static final TextBundle ENGLISH = Texts.bundled().forLanguage(Language.ENGLISH);

  @Test
  void showsTheRunningAndTheNextSession() {
    // when
    Map<String, String> topics =
        RoomTopics.wanted(day(), CHANNELS, instant("10:40"), PRAGUE, ENGLISH);
    // then
    assertThat(topics)
        .containsEntry(
            "forum-hall", "▶ Now: Typing in Python (until 11:15) · ⏭ Next 11:30: Async Patterns")
        .containsEntry("terrace-2a", "⏭ Next 11:00: Packaging Today");
  }

  @Test
  void leavesBreaksOutAndShowsTheNextTalkDuringABreak() {
    // when
    Map<String, String> topics =
        RoomTopics.wanted(day(), CHANNELS, instant("10:05"), PRAGUE, ENGLISH);
    // then
    assertThat(topics).containsEntry("forum-hall", "⏭ Next 10:30: Typing in Python");
  }

  @Test
  void saysNothingMoreTodayAfterTheLastSessionOfTheDay() {
    // when
    Map<String, String> during =
        RoomTopics.wanted(day(), CHANNELS, instant("11:45"), PRAGUE, ENGLISH);
    Map<String, String> after =
        RoomTopics.wanted(day(), CHANNELS, instant("12:00"), PRAGUE, ENGLISH);
    // then: tomorrow's talk in Terrace 2A is not "next" today
    assertThat(during)
        .containsEntry("forum-hall", "▶ Now: Async Patterns (until 12:00) · Nothing more today")
        .containsEntry("terrace-2a", "Nothing more today");
    assertThat(after).containsEntry("forum-hall", "Nothing more today");
  }

  @Test
  void givesAChannelWhoseRoomHasNoSessionsATopicToo() {
    // when
    Map<String, String> topics =
        RoomTopics.wanted(
            day(), Map.of("Club A", "club-a", "2", "terrace"), instant("10:40"), PRAGUE, ENGLISH);
    // then: rooms are found by name or id
    assertThat(topics)
        .containsEntry("club-a", "Nothing more today")
        .containsEntry("terrace", "⏭ Next 11:00: Packaging Today");
  }

  @Test
  void showsTimesInTheEventZoneWhateverTheScheduleZone() {
    // given: the same keynote, given in UTC
    Schedule utc =
        new Schedule(
            "v1",
            ZoneOffset.UTC,
            List.of(talk("Keynote", at("09:00").withZoneSameInstant(ZoneOffset.UTC), 60, FORUM)));
    // when
    Map<String, String> topics =
        RoomTopics.wanted(utc, CHANNELS, instant("08:00"), PRAGUE, ENGLISH);
    // then
    assertThat(topics).containsEntry("forum-hall", "⏭ Next 09:00: Keynote");
  }

  @Test
  void usesTheGivenLanguage() {
    // given
    TextBundle german = Texts.configured(Locale.GERMAN, Map.of()).defaults();
    // when
    Map<String, String> topics =
        RoomTopics.wanted(day(), CHANNELS, instant("10:40"), PRAGUE, german);
    // then
    assertThat(topics)
        .containsEntry(
            "forum-hall", "▶ Jetzt: Typing in Python (bis 11:15) · ⏭ Danach 11:30: Async Patterns");
  }

  @Property(tries = 50)
  void neverExceedsDiscordsTopicLength(
      @ForAll @StringLength(min = 1, max = 1500) String now,
      @ForAll @StringLength(min = 1, max = 1500) String next) {
    // given
    Schedule schedule =
        new Schedule(
            "v1",
            PRAGUE,
            List.of(talk(now, at("10:00"), 60, FORUM), talk(next, at("11:00"), 60, FORUM)));
    // when
    String topic =
        RoomTopics.wanted(schedule, CHANNELS, instant("10:30"), PRAGUE, ENGLISH).get("forum-hall");
    // then
    assertThat(topic).hasSizeLessThanOrEqualTo(RoomTopics.MAX_LENGTH).startsWith("▶ Now: ");
  }
}
