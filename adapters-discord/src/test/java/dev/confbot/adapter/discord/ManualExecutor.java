package dev.confbot.adapter.discord;

import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor that runs nothing by itself: {@link #runUntil} advances the test clock from
 * due task to due task and runs each on the calling thread, so a conference morning passes in
 * milliseconds while the scheduler sees exact clock times.
 */
final class ManualExecutor extends ScheduledThreadPoolExecutor {
  private final TestClock clock;
  private final List<Task> tasks = new ArrayList<>();

  ManualExecutor(TestClock clock) {
    super(1);
    this.clock = clock;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task task = new Task(command, clock.instant().plus(Duration.ofNanos(unit.toNanos(delay))));
    tasks.add(task);
    return task;
  }

  /** Runs every task due up to {@code target}, in order, and leaves the clock there. */
  void runUntil(Instant target) {
    while (true) {
      Optional<Task> next;
      synchronized (this) {
        tasks.removeIf(t -> t.cancelled);
        next = tasks.stream().min(Comparator.comparing(t -> t.due));
        if (next.isEmpty() || next.get().due.isAfter(target)) {
          break;
        }
        tasks.remove(next.get());
      }
      moveClockTo(next.get().due);
      next.get().command.run();
    }
    moveClockTo(target);
  }

  private void moveClockTo(Instant at) {
    if (at.isAfter(clock.instant())) {
      clock.advance(Duration.between(clock.instant(), at));
    }
  }

  private static final class Task implements ScheduledFuture<Object> {
    private final Runnable command;
    private final Instant due;
    private volatile boolean cancelled;

    Task(Runnable command, Instant due) {
      this.command = command;
      this.due = due;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return 0;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }
  }
}
