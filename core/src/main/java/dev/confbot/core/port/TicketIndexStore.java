package dev.confbot.core.port;

import java.util.Optional;

/**
 * Persists the last ticket snapshot so that a restarted bot is ready before pretix answers. Throws
 * {@link GatewayException} when the store fails.
 */
public interface TicketIndexStore {

  /** The snapshot saved last, if any. */
  Optional<TicketSource.Snapshot> load();

  /** Replaces the saved snapshot. */
  void save(TicketSource.Snapshot snapshot);
}
