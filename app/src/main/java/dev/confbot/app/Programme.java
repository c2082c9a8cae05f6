package dev.confbot.app;

import dev.confbot.adapter.pretalx.ScheduleRefreshTask;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.schedule.Schedule;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The programme as the running bot knows it: the latest schedule handed to the notification
 * scheduler, when it last changed, and the refresh task that organizers can run by hand.
 */
@Singleton
final class Programme {
  private final AtomicReference<@Nullable Schedule> latest = new AtomicReference<>();
  private final AtomicReference<@Nullable Instant> lastChange = new AtomicReference<>();
  private final AtomicReference<@Nullable ScheduleRefreshTask> task = new AtomicReference<>();

  /** Starts the refresh task; every new schedule goes to the scheduler. */
  void attach(ScheduleRefreshTask refreshTask) {
    task.set(refreshTask);
  }

  /**
   * A first or changed schedule: remember it and hand it to the scheduler. The first one is
   * compared with the schedule the previous run left in force, so changes made while the bot was
   * down are announced.
   */
  void accept(
      Schedule schedule,
      Optional<Schedule> previousRun,
      NotificationScheduler scheduler,
      Clock clock) {
    boolean first = latest.getAndSet(schedule) == null;
    lastChange.set(clock.instant());
    if (first) {
      if (previousRun.isPresent() && !previousRun.get().equals(schedule)) {
        scheduler.start(schedule, previousRun.get());
      } else {
        scheduler.start(schedule);
      }
    } else {
      scheduler.scheduleChanged(schedule);
    }
  }

  Optional<Schedule> latest() {
    return Optional.ofNullable(latest.get());
  }

  Optional<Instant> lastChange() {
    return Optional.ofNullable(lastChange.get());
  }

  /**
   * Refreshes now; a short line for the organizer who asked. A schedule held back because it
   * dropped most upcoming sessions is accepted: the organizer was alerted and asks deliberately.
   */
  String reload() {
    ScheduleRefreshTask refreshTask = task.get();
    if (refreshTask == null) {
      return "no schedule source is configured.";
    }
    boolean held = refreshTask.heldBack().isPresent();
    boolean changed = held ? refreshTask.refreshAcceptingHeldBack() : refreshTask.refresh();
    Schedule schedule = latest.get();
    int sessions = schedule == null ? 0 : schedule.sessions().size();
    if (held && changed) {
      return "the held-back schedule was accepted; " + sessions + " sessions planned anew.";
    }
    return changed
        ? "the schedule changed; " + sessions + " sessions planned anew."
        : "no change; " + sessions + " sessions.";
  }
}
