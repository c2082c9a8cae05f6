package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.schedule.Schedule;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the schedule on a timer and hands it on only when it changed (by {@link
 * ScheduleSource#revision()}, else by value), e.g. {@code new ScheduleRefreshTask(source,
 * scheduler::scheduleChanged).start(executor, settings.refreshInterval())}. A run never throws, so
 * the periodic task is never cancelled: failures are logged here and alerted by the source (once
 * per outage).
 */
public final class ScheduleRefreshTask implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ScheduleRefreshTask.class);

  private final ScheduleSource source;
  private final Consumer<Schedule> onChange;
  private @Nullable Schedule last;
  private @Nullable String lastRevision;

  /**
   * @param onChange receives the first schedule and every changed one, on the executor's thread
   */
  public ScheduleRefreshTask(ScheduleSource source, Consumer<Schedule> onChange) {
    this.source = source;
    this.onChange = onChange;
  }

  /** Runs now and then with {@code interval} between the end of a run and the next. */
  public ScheduledFuture<?> start(ScheduledExecutorService executor, Duration interval) {
    return executor.scheduleWithFixedDelay(this, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One refresh; true when a changed schedule was handed on. */
  public synchronized boolean refresh() {
    Schedule schedule;
    try {
      schedule = source.fetch();
    } catch (GatewayException e) {
      log.warn("schedule refresh failed: {}", e.getMessage());
      return false;
    }
    Optional<String> revision = source.revision();
    boolean changed =
        last == null
            || (revision.isPresent()
                ? !revision.get().equals(lastRevision)
                : !schedule.equals(last));
    if (!changed) {
      return false;
    }
    last = schedule;
    lastRevision = revision.orElse(null);
    onChange.accept(schedule);
    return true;
  }

  /**
   * Why a received schedule is held back (it dropped most upcoming sessions); empty when none is.
   */
  public Optional<String> heldBack() {
    return source.heldBack();
  }

  /**
   * Refreshes now accepting a held-back schedule (an organizer confirmed the cancellations); true
   * when a changed schedule was handed on.
   */
  public synchronized boolean refreshAcceptingHeldBack() {
    source.acceptHeldBack();
    return refresh();
  }

  @Override
  public void run() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.error("schedule refresh failed unexpectedly", e);
    }
  }
}
