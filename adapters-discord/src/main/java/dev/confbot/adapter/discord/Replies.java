package dev.confbot.adapter.discord;

import dev.confbot.core.notify.PlannedNotification;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small text helpers of the organizer replies. */
final class Replies {
  /** Discord's content limit is 2,000 characters; longer replies are cut here. */
  static final int MAX_LENGTH = 1900;

  private Replies() {}

  /** The text, cut at a line end before {@link #MAX_LENGTH} with a note when too long. */
  static String cut(String text) {
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = text.lastIndexOf('\n', MAX_LENGTH);
    return text.substring(0, end > 0 ? end : MAX_LENGTH) + "\n… (cut: too long for one message)";
  }

  /**
   * The next notifications of the programme as one line each ({@code Tue 3 Nov 10:25 #programme: 3
   * sessions (Keynote, …)}), at most {@code count}, planned from now up to {@code horizon}; {@code
   * brief} leaves out what is announced (time and channel only).
   */
  static List<String> next(
      OrganizerCommands.Programme programme,
      Clock clock,
      int count,
      Duration horizon,
      boolean brief) {
    Optional<Schedule> schedule = programme.schedule().get();
    if (schedule.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<String> lines = new ArrayList<>();
    for (PlannedNotification planned :
        programme.planner().plan(schedule.get(), now, now.plus(horizon))) {
      if (planned.due().isBefore(now)) {
        continue;
      }
      if (lines.size() == count) {
        break;
      }
      String when =
          OrganizerCommands.when(planned.due(), schedule.get().zone())
              + " "
              + channel(planned.channel());
      if (brief) {
        lines.add(when);
        continue;
      }
      List<Session> sessions = planned.sessions();
      String what =
          sessions.size() == 1
              ? "\"" + sessions.get(0).title() + "\""
              : sessions.size() + " sessions (" + sessions.get(0).title() + ", …)";
      lines.add(when + ": " + what);
    }
    return List.copyOf(lines);
  }

  /** A channel as Discord shows it: a mention for an id, {@code #name} otherwise. */
  static String channel(String channel) {
    return !channel.isEmpty() && channel.chars().allMatch(Character::isDigit)
        ? "<#" + channel + ">"
        : "#" + channel;
  }
}
