package dev.confbot.config;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code [privacy]}: how long personal data (ticket claims, the ticket snapshot with attendee
 * names, reminders, failed attempts) is kept.
 *
 * @param keepUntil the last day personal data is kept, key {@code keep_until} (a date, in the
 *     event's {@code schedule.time_zone}); from midnight after it {@code confbot data purge}
 *     deletes it. Null when not set: the purge then needs {@code --now}.
 */
public record PrivacyConfig(@Nullable LocalDate keepUntil) {

  /** The last day personal data is kept; empty when not configured. */
  public Optional<LocalDate> retainedUntil() {
    return Optional.ofNullable(keepUntil);
  }
}
