package dev.confbot.core.stats;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The width of a time-series bucket, in the event's time zone. */
public enum Granularity {
  HOUR,
  DAY;

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
