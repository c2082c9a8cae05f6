package dev.confbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleShrinkTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Prague");
  private static final Room FORUM = new Room("1", "Forum Hall");
  private static final ZonedDateTime NINE = ZonedDateTime.of(2023, 7, 19, 9, 0, 0, 0, ZONE);
  private static final Instant NOW = NINE.plusMinutes(30).toInstant();

  @Test
  void flagsAnEmptyScheduleWhenSessionsWereStillToCome() {
    // given: four sessions ahead, then pretalx serves a schedule with only a break
    Schedule before = day(5);
    // when
    var shrink = ScheduleShrink.of(before, schedule(List.of(coffee())), NOW);
    // then
    assertThat(shrink).contains(new ScheduleShrink(4, 4, 0));
    assertThat(shrink.orElseThrow().describe())
        .isEqualTo("it drops 4 of the 4 upcoming sessions (0 sessions left)");
  }

  @Test
  void flagsAScheduleThatLosesMoreThanHalfOfTheUpcomingSessions() {
    // given: 10 sessions, the first has started; 5 of the 9 upcoming vanish
    Schedule before = day(10);
    Schedule after = keep(before, 5);
    // when / then
    assertThat(ScheduleShrink.of(before, after, NOW)).contains(new ScheduleShrink(9, 5, 5));
  }

  @Test
  void acceptsOrdinaryCancellations() {
    Schedule before = day(10);
    // four of the nine upcoming sessions gone is not "more than half"
    assertThat(ScheduleShrink.of(before, keep(before, 6), NOW)).isEmpty();
    // a tiny schedule losing its two upcoming sessions: below the minimum of three
    Schedule small = day(3);
    assertThat(ScheduleShrink.of(small, schedule(List.of()), NOW)).isEmpty();
    // nothing was still to come (the conference is over)
    assertThat(ScheduleShrink.of(before, schedule(List.of()), NINE.plusDays(1).toInstant()))
        .isEmpty();
    // sessions that were only moved are not lost
    List<Session> moved = new ArrayList<>();
    for (Session s : keep(before, 10).sessions()) {
      moved.add(session(s.code(), s.start().plusHours(1)));
    }
    assertThat(ScheduleShrink.of(before, schedule(moved), NOW)).isEmpty();
  }

  /** {@code count} sessions, hourly from 09:00 (the first has started at {@link #NOW}). */
  private static Schedule day(int count) {
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sessions.add(session("S" + i, NINE.plusHours(i)));
    }
    sessions.add(coffee());
    return schedule(sessions);
  }

  /** The first {@code count} sessions (no breaks) of the schedule. */
  private static Schedule keep(Schedule schedule, int count) {
    return schedule(schedule.sessions().stream().filter(s -> !s.isBreak()).limit(count).toList());
  }

  private static Schedule schedule(List<Session> sessions) {
    return new Schedule("v", ZONE, sessions);
  }

  private static Session session(String code, ZonedDateTime start) {
    return new Session(
        code,
        "Title " + code,
        List.of(),
        "",
        start,
        Duration.ofMinutes(30),
        FORUM,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  private static Session coffee() {
    return new Session(
        "break-1",
        "Coffee",
        List.of(),
        "",
        NINE.plusHours(2),
        Duration.ofMinutes(15),
        FORUM,
        null,
        null,
        null,
        null,
        null,
        true);
  }
}
