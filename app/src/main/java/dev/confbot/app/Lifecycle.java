package dev.confbot.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of a running confbot, started in order and stopped in reverse. A part that fails to
 * start stops the start (the exception goes to the caller); {@link #stop} then stops it and every
 * part started before it. A part that fails to stop is logged and the next one still stops.
 */
final class Lifecycle {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  /** One part: what it is (for the log), how it starts and how it stops. */
  interface Step {
    /** What stops, for "Could not stop … cleanly". */
    String name();

    void start();

    void stop();
  }

  private final List<Step> steps;
  private final Deque<Step> started = new ArrayDeque<>();

  Lifecycle(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  /** Starts every part in order; a failing part is stopped with the others by {@link #stop}. */
  synchronized void start() {
    for (Step step : steps) {
      started.push(step);
      step.start();
    }
  }

  /** Stops the parts started, last first. Idempotent. */
  synchronized void stop() {
    while (!started.isEmpty()) {
      Step step = started.pop();
      try {
        step.stop();
      } catch (RuntimeException e) {
        log.warn("Could not stop {} cleanly: {}", step.name(), e.getMessage());
      }
    }
  }
}
