package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.PendingRestores;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PendingRestores} in memory, for tests, the demo and one-shot commands: lost when the
 * process ends. Thread-safe.
 */
public final class InMemoryPendingRestores implements PendingRestores {
  private final Map<MemberId, Instant> pending = new LinkedHashMap<>();

  @Override
  public synchronized boolean add(MemberId member, Instant since) {
    return pending.putIfAbsent(member, since) == null;
  }

  @Override
  public synchronized void remove(MemberId member) {
    pending.remove(member);
  }

  @Override
  public synchronized List<MemberId> members() {
    return pending.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }
}
