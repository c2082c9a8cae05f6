package dev.confbot.core.port;

import java.util.Optional;

/**
 * Keeps the last good schedule payload so that the bot can start, and keep planning, while the
 * schedule source is down. Holds one entry; saving replaces it. Throws {@link GatewayException}
 * when the storage fails.
 */
public interface ScheduleCache {

  /** The last saved payload, or empty when nothing was saved yet (or it is unreadable). */
  Optional<CachedSchedule> load();

  /** Replaces the saved payload. */
  void save(CachedSchedule schedule);
}
