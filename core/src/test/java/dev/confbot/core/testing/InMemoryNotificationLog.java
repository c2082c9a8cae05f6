package dev.confbot.core.testing;

import dev.confbot.core.port.NotificationLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sent-ledger in memory, for tests and benchmarks. It does not survive a restart of the process
 * (the SQLite adapter does); it does survive a restart of the scheduler.
 */
public final class InMemoryNotificationLog implements NotificationLog {

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public boolean markSending(Key key, Instant now) {
    return entries.putIfAbsent(key, new Entry(key, State.SENDING, now)) == null;
  }

  @Override
  public void markSent(Key key, Instant now) {
    entries.put(key, new Entry(key, State.SENT, now));
  }

  @Override
  public void clearSending(Key key) {
    entries.computeIfPresent(key, (k, entry) -> entry.state() == State.SENDING ? null : entry);
  }

  @Override
  public Optional<Entry> entry(Key key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public List<Entry> entries(State state) {
    return entries.values().stream().filter(e -> e.state() == state).toList();
  }
}
