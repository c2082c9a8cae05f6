package dev.confbot.core.port;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The last good schedule payload as a {@link ScheduleCache} keeps it: the raw text exactly as the
 * source served it, so that it can be parsed again after a restart, plus what a conditional request
 * needs.
 *
 * @param source the URL or file the payload came from (never holds a token)
 * @param payload the raw payload (JSON text)
 * @param sha256 lowercase hex SHA-256 of the payload's UTF-8 bytes
 * @param etag the server's entity tag without quotes, or null when the server sent none
 * @param lastModified the server's {@code Last-Modified} header as sent, or null
 * @param fetchedAt when the payload was fetched
 */
public record CachedSchedule(
    String source,
    String payload,
    String sha256,
    @Nullable String etag,
    @Nullable String lastModified,
    Instant fetchedAt) {

  public CachedSchedule {
    if (sha256.length() != 64) {
      throw new IllegalArgumentException("sha256 must be 64 hex digits, got " + sha256.length());
    }
  }
}
