package dev.confbot.core.notify;

import dev.confbot.core.notify.PlannedNotification.Kind;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.ScheduleChange;
import dev.confbot.core.schedule.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Decides which programme notifications are due: pure, with no clock and no I/O, so the same
 * function serves the scheduler, the preview command and tests.
 *
 * <p>Rules: the main channel gets one notification per start minute, {@code main_lead} before it,
 * listing every announced session starting in that minute; each room channel gets one per start
 * minute {@code room_lead} before it. Sessions on other days, of skipped types or (for room
 * messages) in rooms without a channel are left out. A notification may be sent from its due
 * instant until {@code late_grace} later, and never once its sessions started. Sessions already in
 * the ledger (key: code, channel, start instant) are never planned again; a rescheduled session has
 * a new start instant, hence a new key, and is announced again at its new time.
 */
public final class NotificationPlanner {

  private static final Comparator<PlannedNotification> ORDER =
      Comparator.comparing(PlannedNotification::due)
          .thenComparing(n -> n.kind() == Kind.ROOM)
          .thenComparing(PlannedNotification::channel);

  private final NotificationSettings settings;

  public NotificationPlanner(NotificationSettings settings) {
    this.settings = settings;
  }

  /** The settings this planner follows. */
  public NotificationSettings settings() {
    return settings;
  }

  /**
   * Every notification whose due instant lies in {@code [from, until)}, ignoring ledger and grace:
   * the preview of a day. Ordered by due instant, main before room channels, then channel.
   */
  public List<PlannedNotification> plan(Schedule schedule, Instant from, Instant until) {
    return all(schedule, key -> false).stream()
        .filter(n -> !n.due().isBefore(from) && n.due().isBefore(until))
        .toList();
  }

  /**
   * The notifications to send at {@code now}: due, within the late grace, before their sessions
   * start, holding only sessions for which {@code handled} (usually {@link
   * NotificationLog#isRecorded}) is false.
   */
  public List<PlannedNotification> due(
      Schedule schedule, Predicate<NotificationLog.Key> handled, Instant now) {
    return all(schedule, handled).stream().filter(n -> sendable(n, now)).toList();
  }

  /**
   * When the scheduler should wake next: {@code now} if something is due now, else the earliest
   * future due instant of a notification that still has unhandled sessions; empty when nothing is
   * left to send.
   */
  public Optional<Instant> nextDueInstant(
      Schedule schedule, Predicate<NotificationLog.Key> handled, Instant now) {
    for (PlannedNotification n : all(schedule, handled)) {
      if (sendable(n, now)) {
        return Optional.of(now);
      }
      if (n.due().isAfter(now)) {
        return Optional.of(n.due());
      }
    }
    return Optional.empty();
  }

  /**
   * The changes worth announcing at {@code now}: only with an updates channel, only for sessions
   * this planner announces, and only while the session (as it is now, or as it was for
   * cancellations) has not started.
   */
  public List<ScheduleChange> announceable(List<ScheduleChange> changes, Instant now) {
    if (settings.updatesChannel() == null) {
      return List.of();
    }
    List<ScheduleChange> result = new ArrayList<>();
    for (ScheduleChange change : changes) {
      boolean relevant = settings.announces(change.session());
      boolean future = change.session().startInstant().isAfter(now);
      if (change instanceof ScheduleChange.Moved) {
        ScheduleChange.Moved moved = (ScheduleChange.Moved) change;
        relevant = relevant || settings.announces(moved.before());
        future = future || moved.before().startInstant().isAfter(now);
      } else if (change instanceof ScheduleChange.Updated) {
        relevant = relevant || settings.announces(((ScheduleChange.Updated) change).before());
      }
      if (relevant && future) {
        result.add(change);
      }
    }
    return List.copyOf(result);
  }

  /**
   * The ledger key of a change announcement in the given channel, so each is announced once: the
   * code with a suffix naming the change (and the new room for moves, a digest of the new title and
   * speakers for updates), and the relevant start.
   */
  public static NotificationLog.Key changeKey(ScheduleChange change, String channel) {
    Session session = change.session();
    String suffix;
    if (change instanceof ScheduleChange.Added) {
      suffix = "#added";
    } else if (change instanceof ScheduleChange.Cancelled) {
      suffix = "#cancelled";
    } else if (change instanceof ScheduleChange.Moved) {
      suffix = "#moved:" + session.room().id();
    } else if (change instanceof ScheduleChange.Updated) {
      // each distinct new title and speaker list is announced once
      suffix = "#updated:" + digest(session.title() + "\n" + String.join("\n", session.speakers()));
    } else {
      throw new AssertionError(change);
    }
    return new NotificationLog.Key(session.code() + suffix, channel, session.startInstant());
  }

  private boolean sendable(PlannedNotification n, Instant now) {
    return !now.isBefore(n.due())
        && !now.isAfter(n.due().plus(settings.lateGrace()))
        && now.isBefore(n.start());
  }

  private List<PlannedNotification> all(Schedule schedule, Predicate<NotificationLog.Key> handled) {
    Map<Instant, List<Session>> main = new TreeMap<>();
    Map<String, Map<Instant, List<Session>>> rooms = new TreeMap<>();
    String mainChannel = settings.mainChannel();
    for (Session session : schedule.sessions()) {
      if (!settings.announces(session)) {
        continue;
      }
      Instant minute = session.startInstant().truncatedTo(ChronoUnit.MINUTES);
      if (mainChannel != null && !handled.test(PlannedNotification.key(session, mainChannel))) {
        main.computeIfAbsent(minute, m -> new ArrayList<>()).add(session);
      }
      Optional<String> roomChannel = settings.roomChannel(session.room());
      if (roomChannel.isPresent()
          && !handled.test(PlannedNotification.key(session, roomChannel.get()))) {
        rooms
            .computeIfAbsent(roomChannel.get(), c -> new TreeMap<>())
            .computeIfAbsent(minute, m -> new ArrayList<>())
            .add(session);
      }
    }
    List<PlannedNotification> result = new ArrayList<>();
    if (mainChannel != null) {
      main.forEach(
          (minute, sessions) ->
              result.add(
                  notification(Kind.MAIN, mainChannel, minute, settings.mainLead(), sessions)));
    }
    rooms.forEach(
        (channel, byMinute) ->
            byMinute.forEach(
                (minute, sessions) ->
                    result.add(
                        notification(Kind.ROOM, channel, minute, settings.roomLead(), sessions))));
    result.sort(ORDER);
    return result;
  }

  private static PlannedNotification notification(
      Kind kind, String channel, Instant minute, Duration lead, List<Session> sessions) {
    return new PlannedNotification(kind, channel, minute.minus(lead), minute, sessions);
  }

  /** The first 12 hex digits of the text's SHA-256 (short, stable across runs). */
  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
