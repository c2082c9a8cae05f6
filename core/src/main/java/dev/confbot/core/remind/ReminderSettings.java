package dev.confbot.core.remind;

import java.time.Duration;

/**
 * How reminders behave.
 *
 * @param lead how long before a session's start its reminder is sent ({@code
 *     [attendee].reminder_lead}); positive, at most a day
 */
public record ReminderSettings(Duration lead) {

  /** The default lead, ten minutes. */
  public static final Duration DEFAULT_LEAD = Duration.ofMinutes(10);

  public ReminderSettings {
    if (lead.isNegative() || lead.isZero() || lead.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("reminder lead must be between 1s and 24h, was " + lead);
    }
  }

  /** Ten minutes before. */
  public static ReminderSettings defaults() {
    return new ReminderSettings(DEFAULT_LEAD);
  }

  /** The lead in whole minutes (rounded up), as the texts show it. */
  public long leadMinutes() {
    long minutes = lead.toMinutes();
    return lead.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
  }
}
