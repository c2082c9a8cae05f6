package dev.confbot.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code [schedule]}: the programme (pretalx).
 *
 * @param source the schedule, key {@code source} (an {@code http(s)://} URL or a file path); null
 *     when no programme is configured, which turns programme notifications off
 * @param token pretalx API token, from the optional secret {@code PRETALX_TOKEN}; null when not set
 * @param refreshInterval how often the schedule is fetched, key {@code refresh_interval}, default 5
 *     minutes
 * @param timeZone the event's time zone for wall-clock planning, key {@code time_zone}, default UTC
 * @param conferenceDays days on which notifications are sent, key {@code conference_days}; empty
 *     (the default) means every day of the schedule
 */
public record ScheduleConfig(
    @Nullable ScheduleLocation source,
    @Nullable Secret token,
    Duration refreshInterval,
    ZoneId timeZone,
    List<LocalDate> conferenceDays) {
  public ScheduleConfig {
    conferenceDays = List.copyOf(conferenceDays);
  }

  /** The schedule source, empty when no programme is configured. */
  public Optional<ScheduleLocation> location() {
    return Optional.ofNullable(source);
  }
}
