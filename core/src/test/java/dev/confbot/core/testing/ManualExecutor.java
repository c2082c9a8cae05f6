package dev.confbot.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduled executor that runs nothing by itself: the test decides when tasks run, on the calling
 * thread, so a conference morning passes in milliseconds while the code under test sees exact clock
 * times. Tasks are due at the {@link TestClock}'s time when they were scheduled plus their delay.
 *
 * <ul>
 *   <li>{@link #runUntil} moves the clock from due task to due task and runs each;
 *   <li>{@link #runNext} runs the one pending task without touching the clock;
 *   <li>what a task throws is recorded in {@link #thrown}, not propagated, as a real executor keeps
 *       it in the task's future; tests that expect no failure assert {@code thrown()} is empty;
 *   <li>{@link #goDown} makes it reject new tasks, as a shut-down executor does.
 * </ul>
 *
 * <p>Only {@link #schedule(Runnable, long, TimeUnit)} is manual (so are {@code execute} and {@code
 * submit}, which a {@link ScheduledThreadPoolExecutor} routes through it). The returned futures can
 * be cancelled but not waited on. Thread-safe.
 */
public final class ManualExecutor extends ScheduledThreadPoolExecutor {
  private final TestClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private final List<Throwable> thrown = new ArrayList<>();
  private int runs;
  private boolean down;

  /** An executor whose tasks fall due on {@code clock}. */
  public ManualExecutor(TestClock clock) {
    super(1);
    this.clock = clock;
  }

  /**
   * Queues the task; it runs only when the test calls {@link #runUntil} or {@link #runNext}.
   *
   * @throws RejectedExecutionException after {@link #goDown}
   */
  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    if (down) {
      throw new RejectedExecutionException("shut down");
    }
    Duration wait = Duration.ofNanos(unit.toNanos(delay));
    delays.add(wait);
    Task task = new Task(command, wait, clock.instant().plus(wait));
    tasks.add(task);
    return task;
  }

  /**
   * Runs every task due up to {@code target}, earliest first (tasks they schedule included), moving
   * the clock to each task's due time before running it, and leaves the clock at {@code target}.
   * The clock never moves backwards.
   */
  public void runUntil(Instant target) {
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
      run(next.get());
    }
    moveClockTo(target);
  }

  /**
   * Runs the one pending (not cancelled) task, whatever its delay, as if that delay had passed; the
   * clock is not touched (move it first, e.g. by {@link #pendingDelay}, if the code reads it).
   *
   * @throws AssertionError unless exactly one task is pending
   */
  public void runNext() {
    Task next;
    synchronized (this) {
      pendingDelay();
      next = tasks.remove(0);
    }
    run(next);
  }

  /**
   * The delay the one pending task was scheduled with.
   *
   * @throws AssertionError unless exactly one (not cancelled) task is pending
   */
  public synchronized Duration pendingDelay() {
    tasks.removeIf(t -> t.cancelled);
    if (tasks.size() != 1) {
      throw new AssertionError("pending tasks: " + tasks.size());
    }
    return tasks.get(0).delay;
  }

  /** How many pending (not cancelled) tasks there are. */
  public synchronized long pending() {
    return tasks.stream().filter(t -> !t.cancelled).count();
  }

  /** How many tasks ran so far. */
  public synchronized int runs() {
    return runs;
  }

  /** The delay of every task scheduled so far, in order, cancelled ones included. */
  public synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** What tasks threw (exceptions and errors), in order. */
  public synchronized List<Throwable> thrown() {
    return List.copyOf(thrown);
  }

  /** Rejects further tasks, as a shut-down executor does; pending tasks can still be run. */
  public synchronized void goDown() {
    down = true;
  }

  private void run(Task task) {
    synchronized (this) {
      runs++;
    }
    try {
      task.command.run();
    } catch (RuntimeException | Error e) {
      // a real ScheduledThreadPoolExecutor keeps the throwable in the task's future
      synchronized (this) {
        thrown.add(e);
      }
    }
  }

  private void moveClockTo(Instant at) {
    if (at.isAfter(clock.instant())) {
      clock.set(at);
    }
  }

  private final class Task implements ScheduledFuture<Object> {
    private final Runnable command;
    private final Duration delay;
    private final Instant due;
    private volatile boolean cancelled;

    Task(Runnable command, Duration delay, Instant due) {
      this.command = command;
      this.delay = delay;
      this.due = due;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
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
      throw new UnsupportedOperationException("a manual task cannot be waited on");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("a manual task cannot be waited on");
    }
  }
}
