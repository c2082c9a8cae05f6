package dev.confbot.adapter.pretalx;

/** The schedule shapes {@link ScheduleParser} recognises. */
public enum ScheduleFormat {
  /** The public frab export {@code /{event}/schedule/export/schedule.json}. */
  FRAB,
  /** The REST schedule of pretalx ≤ 2024.x: {@code {"slots": [submission with slot], "breaks"}}. */
  REST_LEGACY,
  /** The REST schedule of pretalx ≥ 2025.1 with {@code expand=slots,…}, or the slots list. */
  REST_EXPANDED
}
