package dev.confbot.adapter.pretalx;

import java.time.Instant;

/**
 * What a schedule source last served.
 *
 * @param sha256 lowercase hex SHA-256 of the payload; changes exactly when the payload changes
 * @param version the schedule's version name, or empty
 * @param format the detected payload shape
 * @param changedAt when this content was first fetched (for a cached payload: its fetch time)
 * @param stale true while the schedule comes from the cache because the source fails (or has not
 *     been asked yet)
 */
public record SourceStatus(
    String sha256, String version, ScheduleFormat format, Instant changedAt, boolean stale) {}
