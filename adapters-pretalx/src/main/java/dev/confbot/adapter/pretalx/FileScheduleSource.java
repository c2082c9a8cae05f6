package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ScheduleCache;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The schedule from a local file in any shape {@link ScheduleParser} reads (for rehearsals,
 * previews and events without pretalx). The file is read on every {@link #fetch()}; it is parsed
 * again only when its content hash changes. Failures behave as in {@link PretalxScheduleSource}.
 */
public final class FileScheduleSource extends ScheduleRefresher {

  private FileScheduleSource(
      PretalxSettings settings, Clock clock, AuditSink audit, ScheduleCache cache) {
    super(new FilePayloadFetcher(Path.of(settings.source())), settings, clock, audit, cache);
  }

  /** A source for the file {@code settings.source()}. Does no I/O. */
  public static FileScheduleSource create(
      PretalxSettings settings, Clock clock, AuditSink audit, ScheduleCache cache) {
    return new FileScheduleSource(settings, clock, audit, cache);
  }
}
