package dev.confbot.core.notify;

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
 * A scheduled executor that runs nothing by itself: tests advance its (real-time) clock with {@link
 * #runUntil}, which runs every task that falls due, in order, on the calling thread.
 */
final class FakeExecutor extends ScheduledThreadPoolExecutor {

  private final MutableClock realClock;
  private final List<Task> tasks = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private final List<Throwable> thrown = new ArrayList<>();
  private int runs;
  private boolean down;

  FakeExecutor(MutableClock realClock) {
    super(1);
    this.realClock = realClock;
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (down) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    Duration wait = Duration.ofNanos(unit.toNanos(delay));
    delays.add(wait);
    Task task = new Task(command, realClock.instant().plus(wait));
    tasks.add(task);
    return task;
  }

  /** Runs every task due up to {@code target} and leaves the clock there. */
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
        runs++;
      }
      if (next.get().due.isAfter(realClock.instant())) {
        realClock.set(next.get().due);
      }
      try {
        next.get().command.run();
      } catch (RuntimeException | Error e) {
        // a real ScheduledThreadPoolExecutor keeps the throwable in the task's future
        synchronized (this) {
          thrown.add(e);
        }
      }
    }
    if (target.isAfter(realClock.instant())) {
      realClock.set(target);
    }
  }

  /** What tasks threw, in order. */
  synchronized List<Throwable> thrown() {
    return List.copyOf(thrown);
  }

  synchronized int runs() {
    return runs;
  }

  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** Pending (not cancelled) tasks. */
  synchronized long pending() {
    return tasks.stream().filter(t -> !t.cancelled).count();
  }

  /** Rejects further tasks, as a shut-down executor does. */
  synchronized void goDown() {
    down = true;
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
