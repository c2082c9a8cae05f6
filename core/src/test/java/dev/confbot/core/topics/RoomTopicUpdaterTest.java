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
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.port.ChannelTopics;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The updater, driven tick by tick on a test clock (its executor is never started). */
class RoomTopicUpdaterTest {
  private final TestClock clock = new TestClock(instant("10:40"));
  private final RecordingTopics topics = new RecordingTopics();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final AtomicReference<Optional<Schedule>> schedule =
      new AtomicReference<>(Optional.of(day()));
  private final ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
  private final RoomTopicUpdater updater =
      new RoomTopicUpdater(
          schedule::get,
          CHANNELS,
          PRAGUE,
          Texts.bundled().forLanguage(Language.ENGLISH),
          topics,
          audit,
          clock,
          unused);

  @AfterEach
  void stop() {
    unused.shutdownNow();
  }

  @Test
  void setsEveryRoomChannelsTopicAtTheFirstTick() {
    // when
    updater.tick();
    // then
    assertThat(topics.current())
        .containsEntry(
            "forum-hall", "▶ Now: Typing in Python (until 11:15) · ⏭ Next 11:30: Async Patterns")
        .containsEntry("terrace-2a", "⏭ Next 11:00: Packaging Today");
    assertThat(updater.stats().set()).isEqualTo(2);
  }

  @Test
  void setsATopicOnlyWhenItsTextChanges() {
    // given
    updater.tick();
    topics.edits.clear();
    // when: ticks until 10:59, nothing changes
    for (int minute = 0; minute < 19; minute++) {
      clock.advance(Duration.ofMinutes(1));
      updater.tick();
    }
    // then
    assertThat(topics.edits).isEmpty();
    // when: Packaging Today starts at 11:00
    clock.advance(Duration.ofMinutes(1));
    updater.tick();
    // then
    assertThat(topics.edits)
        .containsExactly("terrace-2a=▶ Now: Packaging Today (until 11:30) · Nothing more today");
  }

  @Test
  void setsAChannelAtMostTwiceInTenMinutesThenTheNewestText() {
    // given: a room whose topic would change every minute (one-minute talks)
    List<dev.confbot.core.schedule.Session> talks = new ArrayList<>();
    for (int minute = 0; minute < 15; minute++) {
      talks.add(talk("Lightning " + minute, at("10:40").plusMinutes(minute), 1, FORUM));
    }
    schedule.set(Optional.of(new Schedule("v2", PRAGUE, talks)));
    // when: a tick each minute from 10:40 to 10:54
    for (int minute = 0; minute < 15; minute++) {
      updater.tick();
      clock.advance(Duration.ofMinutes(1));
    }
    // then: 10:40 and 10:41, then only at 10:50 (with the text of 10:50) and 10:51
    assertThat(topics.editsOf("forum-hall"))
        .containsExactly(
            "▶ Now: Lightning 0 (until 10:41) · ⏭ Next 10:41: Lightning 1",
            "▶ Now: Lightning 1 (until 10:42) · ⏭ Next 10:42: Lightning 2",
            "▶ Now: Lightning 10 (until 10:51) · ⏭ Next 10:51: Lightning 11",
            "▶ Now: Lightning 11 (until 10:52) · ⏭ Next 10:52: Lightning 12");
    assertThat(updater.stats().limited()).isEqualTo(11);
  }

  @Test
  void retriesAFailedEditAtTheNextTick() {
    // given
    topics.failing = true;
    updater.tick();
    topics.failing = false;
    // when
    clock.advance(Duration.ofMinutes(1));
    updater.tick();
    // then
    assertThat(topics.current()).containsKeys("forum-hall", "terrace-2a");
    assertThat(updater.stats().failed()).isEqualTo(2);
    assertThat(audit.texts()).contains("the topic of room channel forum-hall is set again");
  }

  @Test
  void alertsOncePerChannelAndCountsFailedEditsAgainstTheRateLimit() {
    // given: two failing attempts at 10:40 and 10:41
    topics.failing = true;
    updater.tick();
    clock.advance(Duration.ofMinutes(1));
    updater.tick();
    topics.failing = false;
    // when: a third attempt within ten minutes
    clock.advance(Duration.ofMinutes(1));
    updater.tick();
    // then: it waits
    assertThat(topics.current()).isEmpty();
    assertThat(audit.alerts())
        .containsExactlyInAnyOrder(
            "the topic of room channel forum-hall cannot be set: discord: no permission",
            "the topic of room channel terrace-2a cannot be set: discord: no permission");
    // when: ten minutes after the first attempt
    clock.advance(Duration.ofMinutes(8));
    updater.tick();
    // then
    assertThat(topics.current()).containsKeys("forum-hall", "terrace-2a");
  }

  @Test
  void survivesAFailingScheduleAndDoesNothingWithoutOne() {
    // given
    schedule.set(Optional.empty());
    // when
    updater.tick();
    // then
    assertThat(topics.edits).isEmpty();
    // given: a broken supplier
    RoomTopicUpdater broken =
        new RoomTopicUpdater(
            () -> {
              throw new IllegalStateException("boom");
            },
            CHANNELS,
            PRAGUE,
            Texts.bundled().forLanguage(Language.ENGLISH),
            topics,
            audit,
            clock,
            unused);
    // when
    broken.tick();
    broken.tick();
    // then
    assertThat(audit.alerts())
        .containsExactly("room channel topics hit an error and will retry: boom");
  }

  /** Records edits; fails like a channel the bot may not edit when told to. */
  private static final class RecordingTopics implements ChannelTopics {
    final List<String> edits = new ArrayList<>();
    final Map<String, String> topics = new java.util.LinkedHashMap<>();
    volatile boolean failing;

    @Override
    public synchronized void setTopic(String channel, String topic) {
      if (failing) {
        throw new GatewayException("discord", "no permission", null);
      }
      edits.add(channel + "=" + topic);
      topics.put(channel, topic);
    }

    synchronized Map<String, String> current() {
      return Map.copyOf(topics);
    }

    synchronized List<String> editsOf(String channel) {
      return edits.stream()
          .filter(e -> e.startsWith(channel + "="))
          .map(e -> e.substring(channel.length() + 1))
          .toList();
    }
  }
}
