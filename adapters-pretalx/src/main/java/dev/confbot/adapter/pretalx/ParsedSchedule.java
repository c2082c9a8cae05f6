package dev.confbot.adapter.pretalx;

import dev.confbot.core.schedule.Schedule;
import java.util.List;

/**
 * A parsed schedule with what the parser noticed on the way.
 *
 * @param schedule the sessions and breaks that could be read
 * @param format the detected shape of the payload
 * @param warnings one line per skipped or repaired slot (codes and ids only, no names)
 */
public record ParsedSchedule(Schedule schedule, ScheduleFormat format, List<String> warnings) {
  public ParsedSchedule {
    warnings = List.copyOf(warnings);
  }
}
