package dev.confbot.app;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a running confbot, all daemon threads with names: the shared timer (ticket sync,
 * reconcile, schedule refresh), one timer thread each for programme notifications, reminders and
 * room topics (a hung pretix sync never delays a due notification, a slow DM never delays a topic),
 * and the bounded pool slash commands run on. {@link ExecutorsModule.All} stops them.
 */
final class ExecutorsModule extends AbstractModule {

  /** The programme notifications' own timer thread. */
  static final Key<ScheduledExecutorService> NOTIFICATION_TIMER =
      Key.get(ScheduledExecutorService.class, Names.named("notification-timer"));

  /** The session reminders' own timer thread. */
  static final Key<ScheduledExecutorService> REMINDER_TIMER =
      Key.get(ScheduledExecutorService.class, Names.named("reminder-timer"));

  /** The room topics' own timer thread. */
  static final Key<ScheduledExecutorService> TOPIC_TIMER =
      Key.get(ScheduledExecutorService.class, Names.named("topic-timer"));

  /** Slash commands wait in a queue this long at most; beyond it the member is told to retry. */
  private static final int COMMAND_QUEUE = 100;

  @Provides
  @Singleton
  ScheduledExecutorService sharedTimer() {
    return Executors.newScheduledThreadPool(2, named("confbot-timer-"));
  }

  @Provides
  @Singleton
  @Named("notification-timer")
  ScheduledExecutorService notificationTimer() {
    return Executors.newSingleThreadScheduledExecutor(named("confbot-notifications"));
  }

  @Provides
  @Singleton
  @Named("reminder-timer")
  ScheduledExecutorService reminderTimer() {
    return Executors.newSingleThreadScheduledExecutor(named("confbot-reminders"));
  }

  @Provides
  @Singleton
  @Named("topic-timer")
  ScheduledExecutorService topicTimer() {
    return Executors.newSingleThreadScheduledExecutor(named("confbot-topics"));
  }

  /** The pool {@code DiscordModule.COMMAND_WORKERS} names. */
  @Provides
  @Singleton
  @Named("command-workers")
  ExecutorService commandWorkers() {
    return new ThreadPoolExecutor(
        2,
        2,
        0,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(COMMAND_QUEUE),
        named("confbot-organizer-"));
  }

  /** Every executor above, for stopping them together. */
  @Provides
  @Singleton
  All all(
      ScheduledExecutorService shared,
      @Named("notification-timer") ScheduledExecutorService notifications,
      @Named("reminder-timer") ScheduledExecutorService reminders,
      @Named("topic-timer") ScheduledExecutorService topics,
      @Named("command-workers") ExecutorService commands) {
    return new All(List.of(commands, shared, notifications, reminders, topics));
  }

  /**
   * A thread factory for daemon threads called {@code name}, or {@code name1}, {@code name2}, …
   * when the name ends with a dash.
   */
  private static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, name.endsWith("-") ? name + count.incrementAndGet() : name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The executors of a running confbot. */
  static final class All {
    private final List<ExecutorService> executors;

    All(List<ExecutorService> executors) {
      this.executors = List.copyOf(executors);
    }

    /** Interrupts every task and waits briefly for those running (e.g. a DM being sent). */
    void stop() {
      executors.forEach(ExecutorService::shutdownNow);
      try {
        for (ExecutorService executor : executors) {
          executor.awaitTermination(2, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
