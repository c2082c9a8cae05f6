package dev.confbot.core.privacy;

import dev.confbot.core.port.PersonalData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Deletes all personal data once the retention period is over: from the start of the day after
 * {@code keep_until} in the event's time zone. Before that (or without a {@code keep_until}) it
 * refuses unless forced.
 */
public final class PurgeService {
  private final PersonalData data;
  private final Optional<Instant> purgeFrom;
  private final Clock clock;

  /**
   * @param data the personal data store
   * @param keepUntil the last day personal data is kept ({@code privacy.keep_until}); empty when
   *     none is configured
   * @param zone the event's time zone: the day ends at midnight there
   * @param clock time source
   */
  public PurgeService(PersonalData data, Optional<LocalDate> keepUntil, ZoneId zone, Clock clock) {
    this.data = data;
    this.purgeFrom = keepUntil.map(day -> purgeFrom(day, zone));
    this.clock = clock;
  }

  /** The first instant a purge is allowed: midnight at the end of {@code keepUntil}. */
  public static Instant purgeFrom(LocalDate keepUntil, ZoneId zone) {
    return keepUntil.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Whether the retention period is over now. */
  public boolean due() {
    return purgeFrom.isPresent() && !clock.instant().isBefore(purgeFrom.get());
  }

  /**
   * Deletes everything if the retention period is over or {@code force} is set; otherwise deletes
   * nothing and says when it may.
   *
   * @throws dev.confbot.core.port.GatewayException when the store fails
   */
  public PurgeResult purge(boolean force) {
    boolean due = due();
    if (!due && !force) {
      return new PurgeResult.Refused(purgeFrom, data.count());
    }
    return new PurgeResult.Purged(data.purge(), !due);
  }

  /**
   * What a purge would delete now, deleting nothing.
   *
   * @throws dev.confbot.core.port.GatewayException when the store fails
   */
  public PurgeResult dryRun() {
    return new PurgeResult.DryRun(data.count(), purgeFrom, due());
  }
}
