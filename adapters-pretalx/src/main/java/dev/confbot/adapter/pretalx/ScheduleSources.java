package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.port.ScheduleSource;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** Picks the schedule source for the configured location: a URL or a local file. */
public final class ScheduleSources {

  private ScheduleSources() {}

  /**
   * A {@link PretalxScheduleSource} when {@code settings.source()} is an {@code http(s)} URL, else
   * a {@link FileScheduleSource}. Does no I/O.
   */
  public static ScheduleSource create(
      PretalxSettings settings,
      OkHttpClient http,
      Clock clock,
      AuditSink audit,
      ScheduleCache cache) {
    if (settings.isUrl()) {
      return PretalxScheduleSource.create(settings, http, clock, audit, cache);
    }
    return FileScheduleSource.create(settings, clock, audit, cache);
  }
}
