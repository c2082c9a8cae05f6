package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.schedule.Schedule;
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

  /**
   * Reads the schedule once, for a one-shot command: nothing is cached on disk and no line goes to
   * the organizers' log.
   *
   * @throws GatewayException when the schedule cannot be fetched or parsed
   */
  public static Schedule readOnce(PretalxSettings settings, OkHttpClient http, Clock clock) {
    return create(settings, http, clock, (line, alert) -> {}, new InMemoryScheduleCache()).fetch();
  }
}
