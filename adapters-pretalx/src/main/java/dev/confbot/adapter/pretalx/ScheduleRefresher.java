package dev.confbot.adapter.pretalx;

import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.CachedSchedule;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.ScheduleShrink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule source behind the URL and file sources, over a {@link PayloadFetcher}: conditional
 * fetch, content hash (an unchanged payload is not parsed again and yields the same {@link
 * Schedule} instance), last good payload saved to the {@link ScheduleCache} and used when the
 * source fails (also at start-up), and one alert per outage plus one line when it ends.
 * Thread-safe: fetches are serialised, {@link #status} never waits for one.
 */
sealed class ScheduleRefresher implements ScheduleSource
    permits FileScheduleSource, PretalxScheduleSource {
  private static final Logger log = LoggerFactory.getLogger(ScheduleRefresher.class);

  /** The schedule in use and how to ask for it conditionally. */
  private record Current(
      Schedule schedule,
      SourceStatus status,
      @Nullable String etag,
      @Nullable String lastModified) {}

  private final PayloadFetcher fetcher;
  private final PretalxSettings settings;
  private final Clock clock;
  private final AuditSink audit;
  private final ScheduleCache cache;

  /** Written under the lock by {@link #fetch}; read without it by {@link #status}. */
  private volatile @Nullable Current current;

  private boolean cacheLoaded;

  /** The schedule read from the cache at the first fetch: what the previous run left in force. */
  private volatile @Nullable Schedule previousRun;

  private @Nullable Instant outageSince;

  /** The payload hash of the schedule held back as implausible, and why (for organizers). */
  private volatile @Nullable String heldHash;

  private volatile @Nullable String heldWhy;
  private boolean acceptShrink;

  ScheduleRefresher(
      PayloadFetcher fetcher,
      PretalxSettings settings,
      Clock clock,
      AuditSink audit,
      ScheduleCache cache) {
    this.fetcher = fetcher;
    this.settings = settings;
    this.clock = clock;
    this.audit = audit;
    this.cache = cache;
  }

  @Override
  public synchronized Schedule fetch() {
    if (!cacheLoaded) {
      cacheLoaded = true;
      Current cached = fromCache().orElse(null);
      current = cached;
      previousRun = cached == null ? null : cached.schedule();
    }
    Current before = current;
    PayloadFetcher.Result result;
    try {
      result =
          before == null
              ? fetcher.fetch(null, null)
              : fetcher.fetch(before.etag(), before.lastModified());
    } catch (GatewayException e) {
      return fallBack(e);
    }
    if (result instanceof PayloadFetcher.NotModified) {
      if (before == null) {
        return fallBack(
            new GatewayException("pretalx", "304 Not Modified without a cached schedule", null));
      }
      log.debug("pretalx schedule not modified ({})", before.status().version());
      return recovered(withValidators(before, before.etag(), before.lastModified(), false));
    }
    if (result instanceof PayloadFetcher.Fresh fresh) {
      return received(fresh, before);
    }
    throw new AssertionError(result);
  }

  /** The schedule read from the cache at the first fetch, if there was one. */
  @Override
  public Optional<Schedule> previousRun() {
    return Optional.ofNullable(previousRun);
  }

  /** The SHA-256 of the payload (for a file: its content) behind the last returned schedule. */
  @Override
  public Optional<String> revision() {
    return status().map(SourceStatus::sha256);
  }

  /**
   * What was last served: hash, version, format, when it changed, whether it is stale; empty before
   * the first successful fetch or cache load.
   */
  public Optional<SourceStatus> status() {
    return Optional.ofNullable(current).map(Current::status);
  }

  /** When the payload last changed (as first fetched by this source, or its cached fetch time). */
  public Optional<Instant> lastChange() {
    return status().map(SourceStatus::changedAt);
  }

  private Schedule received(PayloadFetcher.Fresh fresh, @Nullable Current before) {
    String hash = sha256(fresh.payload());
    if (before != null && before.status().sha256().equals(hash)) {
      if (heldHash != null) {
        audit.record(
            "pretalx serves schedule version "
                + before.status().version()
                + " again, the one in force; the held-back schedule is dropped",
            false);
        heldHash = null;
        heldWhy = null;
        acceptShrink = false;
      }
      Current same = withValidators(before, fresh.etag(), fresh.lastModified(), false);
      if (before.status().stale()
          || !Objects.equals(before.etag(), fresh.etag())
          || !Objects.equals(before.lastModified(), fresh.lastModified())) {
        save(fresh, hash, same.status().changedAt());
      }
      return recovered(same);
    }
    ParsedSchedule parsed;
    try {
      parsed =
          ScheduleParser.parseWithReport(
              fresh.payload(), settings.eventZone(), settings.language());
    } catch (GatewayException e) {
      return fallBack(e);
    }
    Instant now = clock.instant();
    Schedule schedule = parsed.schedule();
    if (before != null) {
      Optional<ScheduleShrink> shrink = ScheduleShrink.of(before.schedule(), schedule, now);
      if (shrink.isPresent() && !acceptShrink) {
        return holdBack(before, schedule, shrink.get(), hash);
      }
      if (heldHash != null) {
        audit.record(
            shrink.isPresent()
                ? "pretalx schedule version "
                    + schedule.version()
                    + " accepted by an organizer although "
                    + shrink.get().describe()
                : "pretalx schedule version "
                    + schedule.version()
                    + " looks normal again ("
                    + schedule.sessions().size()
                    + " sessions) and is in force",
            false);
      }
    }
    acceptShrink = false;
    heldHash = null;
    heldWhy = null;
    log.info(
        "pretalx schedule {} ({}): {} sessions, {} skipped",
        schedule.version(),
        parsed.format(),
        schedule.sessions().size(),
        parsed.warnings().size());
    save(fresh, hash, now);
    return recovered(
        new Current(
            schedule,
            new SourceStatus(hash, schedule.version(), parsed.format(), now, false),
            fresh.etag(),
            fresh.lastModified()));
  }

  /**
   * Keeps the schedule in force (and the cache) when a new one lost most upcoming sessions,
   * alerting the organizers once per such payload. The validators stay those of the schedule in
   * force, so every refresh fetches the payload again and a normal one is taken as soon as it
   * appears.
   */
  private Schedule holdBack(Current before, Schedule received, ScheduleShrink shrink, String hash) {
    String why =
        "pretalx schedule version "
            + received.version()
            + " is held back: "
            + shrink.describe()
            + ". The previous schedule (version "
            + before.status().version()
            + ") stays in force and no cancellations are announced; once pretalx serves a"
            + " complete schedule it is taken. If the sessions really were cancelled, run"
            + " /schedule reload to accept it.";
    if (!hash.equals(heldHash)) {
      audit.record(why, true);
    }
    log.warn("pretalx schedule held back: {}", shrink.describe());
    heldHash = hash;
    heldWhy = why;
    return recovered(before);
  }

  @Override
  public Optional<String> heldBack() {
    return Optional.ofNullable(heldWhy);
  }

  @Override
  public synchronized void acceptHeldBack() {
    acceptShrink = true;
  }

  private static Current withValidators(
      Current current, @Nullable String etag, @Nullable String lastModified, boolean stale) {
    SourceStatus status = current.status();
    return new Current(
        current.schedule(),
        new SourceStatus(
            status.sha256(), status.version(), status.format(), status.changedAt(), stale),
        etag,
        lastModified);
  }

  private Schedule recovered(Current now) {
    current = now;
    if (outageSince != null) {
      audit.record(
          "pretalx schedule source "
              + fetcher.location()
              + " works again (failing since "
              + outageSince
              + ")",
          false);
      log.info("pretalx schedule source works again");
      outageSince = null;
    }
    return now.schedule();
  }

  private Schedule fallBack(GatewayException failure) {
    Current last = current;
    if (outageSince == null) {
      outageSince = clock.instant();
      audit.record(
          failure.getMessage()
              + (last == null
                  ? "; no schedule available yet"
                  : "; using the last good schedule (version "
                      + last.status().version()
                      + " of "
                      + last.status().changedAt()
                      + ")"),
          true);
    }
    log.warn("pretalx schedule refresh failed: {}", failure.getMessage());
    if (last == null) {
      throw failure;
    }
    current = withValidators(last, last.etag(), last.lastModified(), true);
    return last.schedule();
  }

  private Optional<Current> fromCache() {
    Optional<CachedSchedule> cached;
    try {
      cached = cache.load();
    } catch (GatewayException e) {
      log.warn("pretalx schedule cache unreadable: {}", e.getMessage());
      return Optional.empty();
    }
    if (cached.isEmpty()) {
      return Optional.empty();
    }
    CachedSchedule entry = cached.get();
    if (!entry.source().equals(fetcher.location())) {
      log.info("pretalx schedule cache is for another source ({}), ignored", entry.source());
      return Optional.empty();
    }
    try {
      ParsedSchedule parsed =
          ScheduleParser.parseWithReport(
              entry.payload(), settings.eventZone(), settings.language());
      Schedule schedule = parsed.schedule();
      log.info(
          "pretalx schedule {} loaded from the cache ({} sessions, fetched {})",
          schedule.version(),
          schedule.sessions().size(),
          entry.fetchedAt());
      return Optional.of(
          new Current(
              schedule,
              new SourceStatus(
                  sha256(entry.payload()),
                  schedule.version(),
                  parsed.format(),
                  entry.fetchedAt(),
                  true),
              entry.etag(),
              entry.lastModified()));
    } catch (GatewayException e) {
      log.warn("pretalx schedule cache holds an unreadable payload, ignored: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private void save(PayloadFetcher.Fresh fresh, String hash, Instant fetchedAt) {
    try {
      cache.save(
          new CachedSchedule(
              fetcher.location(),
              fresh.payload(),
              hash,
              fresh.etag(),
              fresh.lastModified(),
              fetchedAt));
    } catch (GatewayException e) {
      log.warn("pretalx schedule cache not saved: {}", e.getMessage());
    }
  }

  /** Lowercase hex SHA-256 of the text's UTF-8 bytes. */
  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
