package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.CachedSchedule;
import dev.confbot.core.port.ScheduleCache;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link ScheduleCache} that lives as long as the process: falls back across failed refreshes,
 * not across restarts. For the CLI preview and tests; a deployment uses {@link FileScheduleCache}
 * (or a store-backed one).
 */
final class InMemoryScheduleCache implements ScheduleCache {

  private final AtomicReference<CachedSchedule> saved = new AtomicReference<>();

  @Override
  public Optional<CachedSchedule> load() {
    return Optional.ofNullable(saved.get());
  }

  @Override
  public void save(CachedSchedule schedule) {
    saved.set(schedule);
  }
}
