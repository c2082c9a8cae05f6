package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.schedule.Schedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The schedule from a local file in any shape {@link ScheduleParser} reads (for rehearsals,
 * previews and events without pretalx). The file is read on every {@link #fetch()}; it is parsed
 * again only when its content hash changes. Failures behave as in {@link PretalxScheduleSource}.
 */
public final class FileScheduleSource implements ScheduleSource {

  private final ScheduleRefresher refresher;

  FileScheduleSource(ScheduleRefresher refresher) {
    this.refresher = refresher;
  }

  /** A source for the file {@code settings.source()}. Does no I/O. */
  public static FileScheduleSource create(
      PretalxSettings settings, Clock clock, AuditSink audit, ScheduleCache cache) {
    return new FileScheduleSource(
        new ScheduleRefresher(
            new FilePayloadFetcher(Path.of(settings.source())), settings, clock, audit, cache));
  }

  @Override
  public Schedule fetch() {
    return refresher.fetch();
  }

  /** The SHA-256 of the file content behind the last returned schedule. */
  @Override
  public Optional<String> revision() {
    return refresher.status().map(SourceStatus::sha256);
  }

  /** What was last served: hash, version, format, when it changed, whether it is stale. */
  public Optional<SourceStatus> status() {
    return refresher.status();
  }

  /** When the file content last changed (as first seen by this source). */
  public Optional<Instant> lastChange() {
    return refresher.status().map(SourceStatus::changedAt);
  }
}
