package dev.confbot.core.topics;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.notify.OnceAlerts;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ChannelTopics;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.time.PacedClock;
import dev.confbot.core.time.WakeLoop;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Keeps the room channels' topics on "Now / Next" ({@link RoomTopics}). Every {@link #INTERVAL}
 * (clock time) it works out the wanted topics and sets a channel's topic only when the wanted text
 * differs from the last one it set there, and never more than {@link #MAX_EDITS} times per {@link
 * #WINDOW} per channel: Discord's rate limit for channel name and topic edits. A rate-limited
 * channel gets the newest wanted text at the first tick that is allowed again.
 *
 * <p>It never dies: a failing edit, schedule or rendering is logged, alerted once (per channel)
 * through the {@link AuditSink} and tried again at the next tick. The topics last set are kept in
 * memory only: after a restart each channel's topic is set once more. All work runs on the given
 * executor; the methods are thread-safe.
 */
public final class RoomTopicUpdater implements AutoCloseable {

  /** How often (clock time) the wanted topics are worked out. */
  public static final Duration INTERVAL = Duration.ofMinutes(1);

  /** The most topic edits per channel within {@link #WINDOW}. */
  public static final int MAX_EDITS = 2;

  /** The window of Discord's rate limit for channel topic edits. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  private static final System.Logger LOG = System.getLogger(RoomTopicUpdater.class.getName());
  private static final String TICK = "tick";

  private final Supplier<Optional<Schedule>> schedule;
  private final Map<String, String> roomChannels;
  private final ZoneId zone;
  private final TextBundle texts;
  private final ChannelTopics topics;
  private final AuditSink alerts;
  private final Clock clock;

  private final Map<String, String> lastSet = new HashMap<>();
  private final Map<String, Deque<Instant>> edits = new HashMap<>();
  private final OnceAlerts alerted;
  private final WakeLoop loop;
  private long set;
  private long failed;
  private long limited;

  /**
   * Counters since this updater was created.
   *
   * @param set topics set
   * @param failed edits that failed (tried again at a later tick)
   * @param limited times a changed topic had to wait for the rate limit
   */
  public record Stats(long set, long failed, long limited) {}

  /**
   * An updater; nothing happens before {@link #start}.
   *
   * @param schedule the latest programme, empty before it is loaded (then nothing is set)
   * @param roomChannels room name (or id) → channel name or id
   * @param zone the event's time zone
   * @param texts the texts of the configured default language
   * @param topics sets a channel's topic
   * @param alerts where organizers learn that a topic cannot be set
   * @param clock the time source; a {@link PacedClock} has its waits converted into real delays
   * @param executor runs the ticks; owned by the caller, who shuts it down
   */
  public RoomTopicUpdater(
      Supplier<Optional<Schedule>> schedule,
      Map<String, String> roomChannels,
      ZoneId zone,
      TextBundle texts,
      ChannelTopics topics,
      AuditSink alerts,
      Clock clock,
      ScheduledExecutorService executor) {
    this.schedule = schedule;
    this.roomChannels = new LinkedHashMap<>(roomChannels);
    this.zone = zone;
    this.texts = texts;
    this.topics = topics;
    this.alerts = alerts;
    this.alerted = new OnceAlerts(alerts, LOG);
    this.clock = clock;
    this.loop =
        new WakeLoop(
            "room channel topics",
            clock,
            executor,
            INTERVAL,
            () -> {
              tick();
              return INTERVAL;
            });
  }

  /** Starts ticking: the first tick runs at once, then one every {@link #INTERVAL}. */
  public void start() {
    loop.start();
  }

  /**
   * Stops ticking, after a tick already running; the executor is left to its owner. A later {@link
   * #start} resumes.
   */
  @Override
  public synchronized void close() {
    loop.close();
  }

  /** The counters so far. */
  public synchronized Stats stats() {
    return new Stats(set, failed, limited);
  }

  /**
   * One round: sets every channel topic that changed and that the rate limit allows. Never throws a
   * {@link RuntimeException}; failures are alerted and tried again at the next tick.
   */
  public synchronized void tick() {
    Map<String, String> wanted;
    Instant now;
    try {
      Optional<Schedule> current = schedule.get();
      if (current.isEmpty()) {
        return;
      }
      now = clock.instant();
      wanted = RoomTopics.wanted(current.get(), roomChannels, now, zone, texts);
      recovered(TICK, "room channel topics are worked out again");
    } catch (RuntimeException e) {
      alerted.alert(TICK, "room channel topics hit an error and will retry: " + e.getMessage(), e);
      return;
    }
    for (Map.Entry<String, String> topic : wanted.entrySet()) {
      update(topic.getKey(), topic.getValue(), now);
    }
  }

  private void update(String channel, String topic, Instant now) {
    if (topic.equals(lastSet.get(channel))) {
      return;
    }
    Deque<Instant> recent = edits.computeIfAbsent(channel, c -> new ArrayDeque<>());
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.removeFirst();
    }
    if (recent.size() >= MAX_EDITS) {
      limited++;
      LOG.log(Level.DEBUG, "topic of {0} waits for the rate limit", channel);
      return;
    }
    // a failed request may still count against Discord's limit, so it counts here too
    recent.addLast(now);
    try {
      topics.setTopic(channel, topic);
    } catch (RuntimeException e) {
      failed++;
      alerted.alert(
          channel, "the topic of room channel " + channel + " cannot be set: " + e.getMessage(), e);
      return;
    }
    lastSet.put(channel, topic);
    set++;
    recovered(channel, "the topic of room channel " + channel + " is set again");
    LOG.log(Level.INFO, "topic of {0} set: {1}", channel, topic);
  }

  private void recovered(String topic, String line) {
    if (alerted.clear(topic)) {
      try {
        alerts.record(line, false);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "audit line could not be recorded", e);
      }
    }
  }
}
