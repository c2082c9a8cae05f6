package dev.confbot.core.stats;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The width of a time-series bucket, in the event's time zone. */
public enum Granularity {
  HOUR,
  DAY;

  /** Data spanning at most this long is shown per hour, longer spans per day. */
  public static final Duration HOURLY_UP_TO = Duration.ofDays(3);

  /** Hours for a span of up to three days (a conference), days for anything longer. */
  public static Granularity forSpan(Duration span) {
    return span.compareTo(HOURLY_UP_TO) <= 0 ? HOUR : DAY;
  }

  /** The start of the bucket that holds the moment. */
  ZonedDateTime start(ZonedDateTime moment) {
    return this == HOUR
        ? moment.truncatedTo(ChronoUnit.HOURS)
        : moment.toLocalDate().atStartOfDay(moment.getZone());
  }

  /** The start of the next bucket. */
  ZonedDateTime next(ZonedDateTime start) {
    return this == HOUR
        ? start.plusHours(1)
        : start.toLocalDate().plusDays(1).atStartOfDay(start.getZone());
  }
}
