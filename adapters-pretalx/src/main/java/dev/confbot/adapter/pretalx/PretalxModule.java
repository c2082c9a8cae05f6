package dev.confbot.adapter.pretalx;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.port.ScheduleSource;
import jakarta.inject.Singleton;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * Binds {@link ScheduleSource} to the pretalx URL or local file of {@link PretalxSettings}. Needs
 * {@link PretalxSettings}, {@link OkHttpClient}, {@link Clock}, {@link AuditSink} and a {@link
 * ScheduleCache} (e.g. {@link FileScheduleCache}) bound elsewhere. Does no I/O.
 */
public final class PretalxModule extends AbstractModule {

  @Provides
  @Singleton
  ScheduleSource scheduleSource(
      PretalxSettings settings,
      OkHttpClient http,
      Clock clock,
      AuditSink audit,
      ScheduleCache cache) {
    return ScheduleSources.create(settings, http, clock, audit, cache);
  }
}
