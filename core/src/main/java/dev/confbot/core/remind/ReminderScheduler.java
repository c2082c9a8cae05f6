package dev.confbot.core.remind;

import dev.confbot.core.i18n.Texts;
import dev.confbot.core.notify.OnceAlerts;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.port.ReminderStore.Subscription;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.time.WakeLoop;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sends each pending reminder as a direct message {@link ReminderSettings#lead} before its session
 * starts, once. The session's start is looked up in the current schedule at every wake-up, so a
 * moved session is reminded at its new time.
 *
 * <p><b>Once, across restarts and processes:</b> a reminder is claimed with {@link
 * ReminderStore#markSent} before it is sent, and only the claim's winner sends. A send that
 * certainly failed (a {@link GatewayException}) is released with {@link ReminderStore#clearSent}
 * and retried after {@link #RETRY_DELAY}; a send whose outcome is unknown ({@link
 * DirectMessenger.Delivery#UNCERTAIN}: timeout, server error, lost response) stays marked sent and
 * is counted as failed, since retrying could DM the member twice. A crash between claim and send
 * loses that one reminder rather than ever repeating it. A member whose DMs are closed is not
 * retried.
 *
 * <p><b>After a restart</b>, reminders that fell due while the bot was down are sent at once as
 * long as their session has not started; once it has started they are dropped (counted as {@code
 * missed}): a reminder for a running talk is noise. Reminders whose session vanished from the
 * schedule stay pending (the session may come back) and are reported to the organizers once per
 * session.
 *
 * <p>It never dies: every failure is logged or alerted and the next wake-up is planned anyway.
 * Wakes at the next due instant, at least every {@link #MAX_SLEEP} of clock time, and at once on
 * {@link #wakeNow}.
 *
 * <p><b>Thread-safe, and no caller waits for a send:</b> wake-ups (which send the direct messages,
 * possibly hundreds, each a blocking call) run one at a time on a {@link WakeLoop}; {@link
 * #wakeNow}, {@link #start} and {@link #close} only re-plan the next wake-up, and {@link #stats}
 * reads atomic counters. A {@link #wakeNow} during a running wake-up is remembered and makes the
 * next wake-up immediate.
 */
public final class ReminderScheduler implements AutoCloseable {

  /** How long (clock time) a failed delivery waits before it is tried again. */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(30);

  /** The longest sleep (clock time) between wake-ups, so that schedule changes are noticed. */
  public static final Duration MAX_SLEEP = Duration.ofMinutes(1);

  private static final System.Logger LOG = System.getLogger(ReminderScheduler.class.getName());

  /**
   * Counters since start.
   *
   * @param sent reminders delivered
   * @param closed reminders not delivered because the member's DMs are closed
   * @param missed reminders dropped because their session had started (the bot was down)
   * @param failed deliveries that failed: certain failures (retried) and uncertain ones (not
   *     retried, as the member may have the message)
   */
  public record Stats(long sent, long closed, long missed, long failed) {}

  private final ReminderStore store;
  private final DirectMessenger messenger;
  private final Supplier<Optional<Schedule>> schedule;
  private final Texts texts;
  private final ReminderSettings settings;
  private final ReminderFormat format;
  private final AuditSink alerts;
  private final Clock clock;

  /** Runs the wake-ups one at a time; the fields below are only touched by them. */
  private final WakeLoop loop;

  private final OnceAlerts alerted;
  private final Map<String, Instant> poisoned = new HashMap<>();
  private boolean retrying;

  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dmsClosed = new AtomicLong();
  private final AtomicLong missed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /**
   * A scheduler; nothing happens before {@link #start}.
   *
   * @param schedule the schedule in use, empty before the first successful load
   * @param zone the event's time zone, for the times in the message
   * @param executor runs the wake-ups; owned by the caller
   */
  public ReminderScheduler(
      ReminderStore store,
      DirectMessenger messenger,
      Supplier<Optional<Schedule>> schedule,
      Texts texts,
      ZoneId zone,
      ReminderSettings settings,
      AuditSink alerts,
      Clock clock,
      ScheduledExecutorService executor) {
    this.store = store;
    this.messenger = messenger;
    this.schedule = schedule;
    this.texts = texts;
    this.settings = settings;
    this.format = new ReminderFormat(zone, settings);
    this.alerts = alerts;
    this.alerted = new OnceAlerts(alerts, LOG);
    this.clock = clock;
    this.loop = new WakeLoop("session reminders", clock, executor, RETRY_DELAY, this::wake);
  }

  /** Starts: wakes at once to send what fell due while the bot was down. */
  public void start() {
    loop.start();
  }

  /**
   * Re-plans at once (after a new subscription or a schedule change); harmless when stopped. Never
   * waits for a running wake-up: if one is sending, another follows right after it.
   */
  public void wakeNow() {
    loop.wakeNow();
  }

  /** The counters so far; never waits for a running wake-up. */
  public Stats stats() {
    return new Stats(sent.get(), dmsClosed.get(), missed.get(), failed.get());
  }

  /**
   * Stops waking up; the executor is left to its owner. A wake-up already sending finishes its
   * current pass but plans no other.
   */
  @Override
  public void close() {
    loop.close();
  }

  /** One wake-up: sends what is due; returns how long to sleep. */
  private Duration wake() {
    Optional<Instant> next = Optional.empty();
    retrying = false;
    Duration sleep = MAX_SLEEP;
    try {
      next = sendDue();
    } catch (RuntimeException e) {
      alerted.alert("wake", "session reminders hit an error and will retry: " + e.getMessage(), e);
      sleep = RETRY_DELAY;
    }
    if (retrying) {
      sleep = RETRY_DELAY;
    }
    if (next.isPresent()) {
      Duration until = Duration.between(clock.instant(), next.get());
      sleep = until.compareTo(sleep) < 0 ? until : sleep;
    }
    return sleep;
  }

  /** Sends what is due; returns the next due instant, if any. */
  private Optional<Instant> sendDue() {
    Optional<Schedule> current = schedule.get();
    if (current.isEmpty()) {
      return Optional.empty();
    }
    List<Session> sessions = current.get().sessions();
    Instant now = clock.instant();
    Optional<Instant> next = Optional.empty();
    Map<String, Integer> vanished = new HashMap<>();
    for (Subscription subscription : store.pending()) {
      Optional<Session> session =
          SessionSearch.occurrence(sessions, subscription.sessionCode(), now);
      if (session.isEmpty()) {
        vanished.merge(subscription.sessionCode(), 1, Integer::sum);
        continue;
      }
      Instant start = session.get().startInstant();
      Instant due = start.minus(settings.lead());
      if (!start.isAfter(now)) {
        if (store.markSent(subscription.member(), subscription.sessionCode(), now)) {
          missed.incrementAndGet();
          LOG.log(
              Level.INFO,
              "reminder of {0} for {1} dropped: the session started at {2}",
              subscription.member(),
              subscription.sessionCode(),
              start);
        }
      } else if (due.isAfter(now)) {
        next = next.isPresent() && next.get().isBefore(due) ? next : Optional.of(due);
      } else if (!start.equals(poisoned.get(key(subscription)))) {
        deliver(subscription, session.get(), now);
      }
    }
    vanished.forEach(
        (code, count) ->
            alerted.alert(
                "gone " + code,
                count
                    + " session reminder(s) are for "
                    + code
                    + ", which is no longer in the programme; they are kept in case it returns",
                null));
    return next;
  }

  private void deliver(Subscription subscription, Session session, Instant now) {
    if (!store.markSent(subscription.member(), subscription.sessionCode(), now)) {
      return; // sent by another process, or removed meanwhile
    }
    String message;
    try {
      message = format.reminder(session, texts.forLocale(subscription.locale()));
    } catch (RuntimeException e) {
      store.clearSent(subscription.member(), subscription.sessionCode());
      poisoned.put(key(subscription), session.startInstant());
      alerted.alert(
          "render " + session.code(),
          "the reminder for " + session.code() + " cannot be written: " + e,
          e);
      return;
    }
    DirectMessenger.Delivery delivery;
    try {
      delivery = messenger.send(subscription.member(), message);
    } catch (GatewayException e) {
      store.clearSent(subscription.member(), subscription.sessionCode());
      failed.incrementAndGet();
      retrying = true;
      alerted.alert(
          "delivery", "session reminders cannot be delivered (" + e.getMessage() + ")", e);
      return;
    }
    if (delivery == DirectMessenger.Delivery.UNCERTAIN) {
      failed.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "reminder for {0} to member {1} may not have arrived (outcome unknown); not resent so"
              + " that it is never sent twice",
          session.code(),
          subscription.member());
      return;
    }
    if (delivery == DirectMessenger.Delivery.CLOSED) {
      dmsClosed.incrementAndGet();
      LOG.log(
          Level.INFO,
          "reminder for {0} not delivered: member {1} does not accept direct messages",
          session.code(),
          subscription.member());
      return;
    }
    sent.incrementAndGet();
    if (alerted.clear("delivery")) {
      alerts.record("session reminders are delivered again", false);
    }
    LOG.log(
        Level.INFO, "sent reminder for {0} to member {1}", session.code(), subscription.member());
  }

  private static String key(Subscription subscription) {
    return subscription.member() + "/" + subscription.sessionCode();
  }
}
