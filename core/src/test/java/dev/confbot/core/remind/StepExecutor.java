package dev.confbot.core.remind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor that runs nothing by itself: {@link #runNext} runs the one pending (not
 * cancelled) task on the calling thread, whatever its delay, as if that delay had passed.
 */
final class StepExecutor extends ScheduledThreadPoolExecutor {
  private final List<Task> tasks = new ArrayList<>();
  private boolean down;

  StepExecutor() {
    super(1);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (down) {
      throw new RejectedExecutionException("shut down");
    }
    Task task = new Task(command, Duration.ofNanos(unit.toNanos(delay)));
    tasks.add(task);
    return task;
  }

  /** The delay of the pending wake-up; fails unless exactly one is pending. */
  synchronized Duration pendingDelay() {
    tasks.removeIf(t -> t.cancelled);
    if (tasks.size() != 1) {
      throw new AssertionError("pending tasks: " + tasks.size());
    }
    return tasks.get(0).delay;
  }

  /** Runs the pending wake-up. */
  void runNext() {
    Task next;
    synchronized (this) {
      pendingDelay();
      next = tasks.remove(0);
    }
    next.command.run();
  }

  synchronized void goDown() {
    down = true;
  }

  private static final class Task implements ScheduledFuture<Object> {
    private final Runnable command;
    private final Duration delay;
    private volatile boolean cancelled;

    Task(Runnable command, Duration delay) {
      this.command = command;
      this.delay = delay;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delay.toNanos(), TimeUnit.NANOSECONDS);
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
