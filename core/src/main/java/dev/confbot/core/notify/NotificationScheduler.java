package dev.confbot.core.notify;

import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.port.Announcer;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.port.NotificationLog.Key;
import dev.confbot.core.programme.ProgrammeService;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.ScheduleChange;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.time.PacedClock;
import dev.confbot.core.time.SimulatedClock;
import dev.confbot.core.time.WakeLoop;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Sends programme notifications when they are due. It plans with {@link NotificationPlanner},
 * sleeps on the executor until the next due instant (no polling; at most {@link #MAX_SLEEP} clock
 * time, so a clock jump is noticed), renders with {@link NotificationRenderer} and delivers through
 * the {@link Announcer}, recording every message in the {@link NotificationLog}.
 *
 * <p>Ledger order, per message: {@code markSending(keys)} → {@code send} → {@code markSent(keys)}.
 * Every message is sent with a nonce derived from its ledger keys ({@link #nonceOf}), the same on
 * every attempt. A send that throws {@link GatewayException} certainly failed: the claims are
 * cleared and the message is retried after {@link #RETRY_DELAY} while the late grace allows. A send
 * whose outcome is unknown ({@link Announcer.Delivery#UNCERTAIN}: timeout, server error, lost
 * response) is never repeated blind: the claims stay, and after {@link #CHECK_DELAY} the scheduler
 * asks the {@link Announcer} whether the message is in its channel ({@link Announcer#find}). Found:
 * recorded as sent. Absent: sent again (same nonce) if still within the late grace and before the
 * session starts, else skipped with an alert. A check that fails is repeated until then, and the
 * message is then treated as sent with an alert; a channel whose messages cannot be read at all (a
 * webhook) is treated as sent at once, with an alert asking the organizers to check. A {@code
 * SENDING} entry that outlives its process (crash or kill during a send) is treated as sent,
 * whatever its age: the request was most likely on the wire, and the product promises that a
 * restart never repeats a message, which outweighs the rare loss. {@link #start} reports such
 * in-doubt entries to the organizers once so that they can check the channel.
 *
 * <p>It never dies: a failing delivery, a session that cannot be rendered or a failing ledger is
 * logged, alerted once through the {@link AuditSink}, and the rest of the plan goes on. All work
 * runs on the given executor; the methods are thread-safe.
 */
public final class NotificationScheduler implements AutoCloseable {

  /** How long (clock time) a failed delivery waits before it is tried again. */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(20);

  /** How long (clock time) after a send with an unknown outcome the channel is checked. */
  public static final Duration CHECK_DELAY = Duration.ofSeconds(10);

  /** The longest sleep (clock time) between two wake-ups, even when nothing is due. */
  public static final Duration MAX_SLEEP = Duration.ofMinutes(10);

  private static final System.Logger LOG = System.getLogger(NotificationScheduler.class.getName());
  private static final String DELIVERY = "delivery";

  private final NotificationPlanner planner;
  private final NotificationRenderer renderer;
  private final NotificationLog ledger;
  private final Announcer announcer;
  private final AuditSink alerts;
  private final Clock clock;

  private @Nullable Schedule schedule;
  private final WakeLoop loop;
  private final Set<Key> recorded = new HashSet<>();
  private final Set<Key> poisoned = new HashSet<>();
  private final Map<Key, Instant> retryAt = new HashMap<>();
  private final Map<Key, ScheduleChange> pendingChanges = new LinkedHashMap<>();
  private final Map<String, InDoubt> inDoubt = new LinkedHashMap<>();
  private final OnceAlerts alerted;
  private long sent;
  private long late;
  private long failed;
  private long skipped;

  /**
   * Counters since this scheduler was created, for metrics and {@code /schedule status}.
   *
   * @param sent messages delivered (notifications and change announcements)
   * @param late of those, messages delivered more than {@link #LATE_AFTER} after their due instant
   * @param failed deliveries that failed and were retried or given up
   * @param skipped sessions or notifications skipped because they could not be rendered or sent
   */
  public record Stats(long sent, long late, long failed, long skipped) {}

  /** A message sent later than this after its due instant counts as late. */
  public static final Duration LATE_AFTER = Duration.ofSeconds(1);

  /**
   * A message whose delivery is in doubt: its keys stay claimed ({@code SENDING}) until a check of
   * the channel settles it.
   *
   * @param deadline the last instant at which the message may still be sent again
   * @param checkAt when the channel is checked (next)
   */
  private record InDoubt(
      OutgoingMessage message,
      String nonce,
      List<Key> keys,
      List<Session> sessions,
      Instant due,
      Instant deadline,
      Instant checkAt) {
    InDoubt checkAgainAt(Instant at) {
      return new InDoubt(message, nonce, keys, sessions, due, deadline, at);
    }
  }

  /**
   * A scheduler; nothing happens before {@link #start}.
   *
   * @param clock the time source; a {@link PacedClock} (e.g. {@link SimulatedClock}) has its waits
   *     converted into real delays
   * @param executor runs wake-ups; owned by the caller, who shuts it down
   */
  public NotificationScheduler(
      NotificationPlanner planner,
      NotificationRenderer renderer,
      NotificationLog ledger,
      Announcer announcer,
      AuditSink alerts,
      Clock clock,
      ScheduledExecutorService executor) {
    this.planner = planner;
    this.renderer = renderer;
    this.ledger = ledger;
    this.announcer = announcer;
    this.alerts = alerts;
    this.alerted = new OnceAlerts(alerts, LOG);
    this.clock = clock;
    this.loop = new WakeLoop("programme notifications", clock, executor, RETRY_DELAY, this::wake);
  }

  /**
   * This scheduler as a listener of the programme: the first schedule starts it (announcing what
   * changed while the bot was down when the previous run's schedule differs), every change after
   * that replans.
   */
  public ProgrammeService.Listener programmeListener() {
    return new ProgrammeService.Listener() {
      @Override
      public void first(Schedule schedule, @Nullable Schedule previousRun) {
        if (previousRun != null) {
          start(schedule, previousRun);
        } else {
          start(schedule);
        }
      }

      @Override
      public void changed(Schedule schedule) {
        scheduleChanged(schedule);
      }
    };
  }

  /**
   * Starts with the given schedule (the last good one): reports ledger entries left in SENDING by
   * an earlier run (treated as sent) and wakes at once to send what is due.
   */
  public synchronized void start(Schedule initial) {
    schedule = initial;
    try {
      List<NotificationLog.Entry> inDoubt = ledger.entries(NotificationLog.State.SENDING);
      if (!inDoubt.isEmpty()) {
        String codes =
            inDoubt.stream()
                .limit(20)
                .map(e -> e.key().sessionCode() + " in " + e.key().channel())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        alerted.alert(
            "in-doubt",
            inDoubt.size()
                + " programme notification(s) were being sent when the bot stopped and are"
                + " treated as sent; please check: "
                + codes,
            null);
      }
    } catch (RuntimeException e) {
      alerted.alert("ledger", "the notification ledger could not be read: " + e.getMessage(), e);
    }
    loop.start();
  }

  /**
   * Starts with the given schedule, first queueing for the schedule-updates channel what changed
   * since {@code previousRun} (the schedule the bot's previous run left in force): sessions moved,
   * renamed, given other speakers, cancelled or added while the bot was down. Changes announced
   * before the restart (the ledger has them) are not announced again; changes of sessions already
   * over are not announced at all.
   */
  public synchronized void start(Schedule initial, Schedule previousRun) {
    if (!loop.running()) {
      schedule = null;
      scheduleChanged(previousRun);
      scheduleChanged(initial);
    }
    start(initial);
  }

  /**
   * Replaces the schedule (after a refresh): the plan follows at once, and moved, cancelled and
   * added sessions are queued for the schedule-updates channel. Harmless when nothing changed.
   * Before {@link #start} (or after {@link #close}) it only remembers the schedule and its changes.
   */
  public synchronized void scheduleChanged(Schedule changed) {
    Schedule previous = schedule;
    schedule = changed;
    String channel = planner.settings().updatesChannel();
    if (previous != null && channel != null) {
      List<ScheduleChange> changes =
          planner.announceable(ScheduleChange.between(previous, changed), clock.instant());
      for (ScheduleChange change : changes) {
        pendingChanges.putIfAbsent(NotificationPlanner.changeKey(change, channel), change);
      }
    }
    loop.wakeNow();
  }

  /** The counters so far. */
  public synchronized Stats stats() {
    return new Stats(sent, late, failed, skipped);
  }

  /** When the scheduler wakes next (clock time), if it is running. */
  public Optional<Instant> nextWakeUp() {
    return loop.nextWakeUp();
  }

  /**
   * Stops waking up, after a wake-up already running; the executor is left to its owner. A later
   * {@link #start} resumes.
   */
  @Override
  public synchronized void close() {
    loop.close();
  }

  /** One wake-up: sends what is due; returns how long to sleep. */
  private synchronized Duration wake() {
    Schedule current = schedule;
    try {
      if (current != null) {
        Instant now = clock.instant();
        retryAt.values().removeIf(at -> !at.isAfter(now));
        settleInDoubt(now);
        for (PlannedNotification notification : planner.due(current, this::handled, now)) {
          deliver(notification);
        }
        deliverChanges(now);
      }
    } catch (RuntimeException e) {
      alerted.alert(
          "wake", "programme notifications hit an error and will retry: " + e.getMessage(), e);
      return RETRY_DELAY;
    }
    return untilNextWake(current);
  }

  private Duration untilNextWake(@Nullable Schedule current) {
    Instant now = clock.instant();
    Optional<Instant> next = Optional.empty();
    try {
      if (current != null) {
        next = planner.nextDueInstant(current, this::handled, now);
      }
    } catch (RuntimeException e) {
      alerted.alert(
          "wake", "programme notifications hit an error and will retry: " + e.getMessage(), e);
      next = Optional.of(now.plus(RETRY_DELAY));
    }
    List<Instant> retries = new ArrayList<>(retryAt.values());
    inDoubt.values().forEach(doubt -> retries.add(doubt.checkAt()));
    for (Instant retry : retries) {
      if (next.isEmpty() || retry.isBefore(next.get())) {
        next = Optional.of(retry);
      }
    }
    Duration sleep = next.map(at -> Duration.between(now, at)).orElse(MAX_SLEEP);
    return sleep.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : sleep;
  }

  private boolean handled(Key key) {
    if (recorded.contains(key) || poisoned.contains(key) || retryAt.containsKey(key)) {
      return true;
    }
    if (ledger.isRecorded(key)) {
      recorded.add(key);
      return true;
    }
    return false;
  }

  private void deliver(PlannedNotification notification) {
    try {
      for (RenderedMessage message : render(notification)) {
        send(message.message(), message.keys(), message.sessions(), notification.due());
      }
    } catch (GatewayException e) {
      // the ledger failed: retry; a claim that was stored stays and keeps the retry from repeating
      retryLater(notification.keys(), e);
    } catch (RuntimeException e) {
      // a bug or malformed data: never retried in this run, so one bad slot cannot block the rest
      poisoned.addAll(notification.keys());
      skipped++;
      alerted.alert(
          "notification " + notification.channel() + " " + notification.start(),
          "the programme notification for "
              + notification.start()
              + " in "
              + notification.channel()
              + " failed and is skipped: "
              + e,
          e);
    }
  }

  private List<RenderedMessage> render(PlannedNotification notification) {
    try {
      return renderer.render(notification);
    } catch (RuntimeException e) {
      List<Session> renderable = new ArrayList<>();
      for (Session session : notification.sessions()) {
        try {
          renderer.embed(session);
          renderable.add(session);
        } catch (RuntimeException bad) {
          poisoned.add(PlannedNotification.key(session, notification.channel()));
          skipped++;
          alerted.alert(
              "session " + session.code(),
              "session " + session.code() + " cannot be announced and is skipped: " + bad,
              bad);
        }
      }
      if (renderable.isEmpty()) {
        return List.of();
      }
      return renderer.render(
          new PlannedNotification(
              notification.kind(),
              notification.channel(),
              notification.due(),
              notification.start(),
              renderable));
    }
  }

  private void deliverChanges(Instant now) {
    if (pendingChanges.isEmpty()) {
      return;
    }
    Set<ScheduleChange> stillRelevant =
        new HashSet<>(planner.announceable(List.copyOf(pendingChanges.values()), now));
    for (Map.Entry<Key, ScheduleChange> pending : List.copyOf(pendingChanges.entrySet())) {
      Key key = pending.getKey();
      if (!stillRelevant.contains(pending.getValue()) || poisoned.contains(key)) {
        pendingChanges.remove(key);
      } else if (handled(key)) {
        if (!retryAt.containsKey(key)) {
          pendingChanges.remove(key);
        }
      } else {
        try {
          OutgoingMessage message = renderer.renderChange(pending.getValue(), key.channel());
          send(message, List.of(key), List.of(), now);
        } catch (GatewayException e) {
          retryLater(List.of(key), e);
        } catch (RuntimeException e) {
          poisoned.add(key);
          skipped++;
          alerted.alert(
              "change " + key.sessionCode(),
              "the schedule change of " + key.sessionCode() + " cannot be announced: " + e,
              e);
        }
      }
    }
  }

  /** Claims the keys, sends, records; a GatewayException schedules a retry. */
  private void send(OutgoingMessage message, List<Key> keys, List<Session> sessions, Instant due) {
    List<Key> claimed = new ArrayList<>();
    try {
      for (Key key : keys) {
        if (ledger.markSending(key, clock.instant())) {
          claimed.add(key);
        } else {
          recorded.add(key);
        }
      }
    } catch (GatewayException e) {
      // nothing was sent: release what was claimed (best effort) so the retry covers everything
      try {
        claimed.forEach(ledger::clearSending);
      } catch (GatewayException ignored) {
        LOG.log(Level.WARNING, "could not release notification claims; they count as sent");
      }
      throw e;
    }
    if (claimed.size() < keys.size()) {
      // another instance got there first for part of it: re-plan without those sessions
      claimed.forEach(ledger::clearSending);
      LOG.log(
          Level.INFO, "notification in {0} partly sent elsewhere; re-planning", message.channel());
      return;
    }
    String nonce = nonceOf(keys);
    Instant deadline = due.plus(planner.settings().lateGrace());
    for (Session session : sessions) {
      if (session.startInstant().isBefore(deadline)) {
        deadline = session.startInstant();
      }
    }
    attempt(new InDoubt(message, nonce, keys, sessions, due, deadline, due));
  }

  /**
   * Sends a claimed message once: records it when delivered, releases it for a retry when it
   * certainly failed, and keeps it claimed for a check of the channel when the outcome is unknown.
   */
  private void attempt(InDoubt claim) {
    Announcer.Delivery delivery;
    try {
      delivery = announcer.send(claim.message(), claim.nonce());
    } catch (GatewayException e) {
      claim.keys().forEach(ledger::clearSending);
      Instant retry = clock.instant().plus(RETRY_DELAY);
      claim.keys().forEach(key -> retryAt.put(key, retry));
      failed++;
      alerted.alert(
          DELIVERY,
          "programme notifications cannot be delivered ("
              + e.getMessage()
              + "); retrying within the late grace",
          e);
      return;
    }
    if (delivery == Announcer.Delivery.UNCERTAIN) {
      failed++;
      inDoubt.put(claim.nonce(), claim.checkAgainAt(clock.instant().plus(CHECK_DELAY)));
      LOG.log(
          Level.WARNING,
          "notification to {0} may not have arrived (outcome unknown); checking the channel"
              + " before sending it again",
          claim.message().channel());
      return;
    }
    recordSent(claim.message(), claim.keys(), claim.sessions(), claim.due());
  }

  /** Checks the channels of the messages in doubt whose check is due, and settles each. */
  private void settleInDoubt(Instant now) {
    for (InDoubt doubt : List.copyOf(inDoubt.values())) {
      if (doubt.checkAt().isAfter(now)) {
        continue;
      }
      inDoubt.remove(doubt.nonce());
      try {
        settle(doubt, now);
      } catch (RuntimeException e) {
        // the ledger failed, or a bug: keep the claim in doubt and look again later (the deadline
        // bounds how long a message can stay in doubt)
        inDoubt.put(doubt.nonce(), doubt.checkAgainAt(now.plus(RETRY_DELAY)));
        alerted.alert(
            "settle",
            "a programme notification in doubt could not be settled (" + e + "); retrying",
            e);
      }
    }
  }

  private void settle(InDoubt doubt, Instant now) {
    String channel = doubt.message().channel();
    Announcer.Presence presence;
    try {
      presence = announcer.find(doubt.message(), doubt.nonce());
    } catch (RuntimeException e) {
      presence = Announcer.Presence.UNKNOWN;
    }
    if (presence == Announcer.Presence.FOUND) {
      LOG.log(Level.INFO, "notification to {0} had arrived after all", channel);
      recordSent(doubt.message(), doubt.keys(), doubt.sessions(), doubt.due());
    } else if (presence == Announcer.Presence.ABSENT) {
      if (now.isAfter(doubt.deadline())) {
        doubt.keys().forEach(ledger::clearSending);
        doubt.keys().forEach(poisoned::add);
        skipped++;
        alerted.alert(
            "in doubt " + doubt.nonce(),
            "a programme notification to "
                + channel
                + " ("
                + codes(doubt)
                + ") did not arrive and it is too late to send it now; it is skipped",
            null);
      } else {
        attempt(doubt);
      }
    } else if (presence == Announcer.Presence.UNKNOWN && now.isBefore(doubt.deadline())) {
      inDoubt.put(doubt.nonce(), doubt.checkAgainAt(now.plus(CHECK_DELAY)));
    } else if (presence == Announcer.Presence.UNKNOWN
        || presence == Announcer.Presence.UNCHECKABLE) {
      markTreatedAsSent(doubt);
      alerted.alert(
          "in doubt " + doubt.nonce(),
          "a programme notification to "
              + channel
              + " ("
              + codes(doubt)
              + ") may not have arrived and the channel could not be checked; it is not sent"
              + " again so that it never shows twice: please check the channel",
          null);
    } else {
      throw new AssertionError(presence);
    }
  }

  private void markTreatedAsSent(InDoubt doubt) {
    Instant at = clock.instant();
    for (Key key : doubt.keys()) {
      ledger.markSent(key, at);
      recorded.add(key);
    }
  }

  private static String codes(InDoubt doubt) {
    return doubt.keys().stream().map(Key::sessionCode).reduce((a, b) -> a + ", " + b).orElse("");
  }

  /**
   * The nonce of the message for these ledger keys: {@code "cb"} and 23 hex digits of the SHA-256
   * of the keys, so that every attempt at the same message carries the same nonce.
   */
  static String nonceOf(List<Key> keys) {
    StringBuilder text = new StringBuilder();
    keys.stream()
        .map(k -> k.sessionCode() + "\n" + k.channel() + "\n" + k.start())
        .sorted()
        .forEach(line -> text.append(line).append('\n'));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return ("cb" + HexFormat.of().formatHex(hash)).substring(0, Announcer.NONCE_MAX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private void recordSent(
      OutgoingMessage message, List<Key> keys, List<Session> sessions, Instant due) {
    Instant at = clock.instant();
    for (Key key : keys) {
      ledger.markSent(key, at);
      recorded.add(key);
    }
    sent++;
    if (Duration.between(due, at).compareTo(LATE_AFTER) > 0) {
      late++;
    }
    if (alerted.clear(DELIVERY)) {
      alerts.record("programme notifications are delivered again", false);
    }
    LOG.log(
        Level.INFO,
        "sent notification to {0}: {1}",
        message.channel(),
        sessions.isEmpty()
            ? keys.get(0).sessionCode()
            : sessions.stream().map(Session::code).toList().toString());
  }

  private void retryLater(List<Key> keys, GatewayException e) {
    Instant retry = clock.instant().plus(RETRY_DELAY);
    keys.forEach(key -> retryAt.put(key, retry));
    alerted.alert("ledger", "the notification ledger failed (" + e.getMessage() + "); retrying", e);
  }
}
