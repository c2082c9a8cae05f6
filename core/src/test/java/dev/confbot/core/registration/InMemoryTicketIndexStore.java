package dev.confbot.core.registration;

import dev.confbot.core.port.TicketIndexStore;
import dev.confbot.core.port.TicketSource;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TicketIndexStore} in memory, for tests (core's test jar): the snapshot is lost when the
 * process ends. Thread-safe.
 */
public final class InMemoryTicketIndexStore implements TicketIndexStore {
  private TicketSource.@Nullable Snapshot saved; // guarded by this
  private int saves; // guarded by this

  @Override
  public synchronized Optional<TicketSource.Snapshot> load() {
    return Optional.ofNullable(saved);
  }

  @Override
  public synchronized void save(TicketSource.Snapshot snapshot) {
    saved = snapshot;
    saves++;
  }

  /** How many times a snapshot was saved. */
  public synchronized int saves() {
    return saves;
  }
}
