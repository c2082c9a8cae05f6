package dev.confbot.core.registration;

import dev.confbot.core.port.AttemptLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An {@link AttemptLog} in memory, for tests, the demo and one-shot commands: attempts are lost
 * when the process ends. Thread-safe.
 */
public final class InMemoryAttemptLog implements AttemptLog {
  private final List<Attempt> attempts = new ArrayList<>();

  @Override
  public synchronized void record(Attempt attempt) {
    attempts.add(attempt);
  }

  @Override
  public synchronized List<Attempt> since(Instant after) {
    return attempts.stream()
        .filter(a -> a.at().isAfter(after))
        .sorted(Comparator.comparing(Attempt::at))
        .toList();
  }

  @Override
  public synchronized int forgetBefore(Instant cutoff) {
    int before = attempts.size();
    attempts.removeIf(a -> a.at().isBefore(cutoff));
    return before - attempts.size();
  }
}
