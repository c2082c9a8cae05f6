package dev.confbot.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleChangeTest {

  private static final ZoneId ZONE = ZoneId.of("Europe/Prague");
  private static final Room FORUM = new Room("1", "Forum Hall");
  private static final Room TERRACE = new Room("2", "Terrace");
  private static final ZonedDateTime TEN = ZonedDateTime.of(2023, 7, 19, 10, 0, 0, 0, ZONE);

  @Test
  void findsMovedCancelledAndAddedSessions() {
    // given
    Session kept = session("KEPT", TEN, FORUM);
    Session later = session("LATER", TEN, FORUM);
    Session otherRoom = session("ROOM", TEN, FORUM);
    Session gone = session("GONE", TEN, TERRACE);
    Schedule before = schedule(kept, later, otherRoom, gone, coffee(TEN));
    Session laterNow = session("LATER", TEN.plusHours(2), FORUM);
    Session otherRoomNow = session("ROOM", TEN, TERRACE);
    Session fresh = session("NEW", TEN.plusHours(1), TERRACE);
    Schedule after = schedule(kept, laterNow, otherRoomNow, fresh, coffee(TEN.plusMinutes(5)));
    // when
    List<ScheduleChange> changes = ScheduleChange.between(before, after);
    // then
    assertThat(changes)
        .containsExactly(
            new ScheduleChange.Cancelled(gone),
            new ScheduleChange.Moved(otherRoom, otherRoomNow),
            new ScheduleChange.Added(fresh),
            new ScheduleChange.Moved(later, laterNow));
    ScheduleChange.Moved roomMove = (ScheduleChange.Moved) changes.get(1);
    assertThat(roomMove.roomChanged()).isTrue();
    assertThat(roomMove.timeChanged()).isFalse();
  }

  @Test
  void matchesTheSlotsOfAMultiSlotSessionInStartOrder() {
    // given: a tutorial in two parts; the second part moves, then a third part is added
    Session part1 = session("TUT", TEN, FORUM);
    Session part2 = session("TUT", TEN.plusHours(2), FORUM);
    Session part2Later = session("TUT", TEN.plusHours(3), FORUM);
    Session part3 = session("TUT", TEN.plusHours(5), FORUM);
    // when
    List<ScheduleChange> moved =
        ScheduleChange.between(schedule(part1, part2), schedule(part1, part2Later));
    List<ScheduleChange> added =
        ScheduleChange.between(schedule(part1, part2), schedule(part1, part2, part3));
    List<ScheduleChange> cancelled =
        ScheduleChange.between(schedule(part1, part2), schedule(part1));
    // then
    assertThat(moved).containsExactly(new ScheduleChange.Moved(part2, part2Later));
    assertThat(added).containsExactly(new ScheduleChange.Added(part3));
    assertThat(cancelled).containsExactly(new ScheduleChange.Cancelled(part2));
  }

  @Test
  void reportsANewTitleOrOtherSpeakersAsAnUpdateAndAlongsideAMove() {
    // given
    Session talk = session("T", TEN, FORUM);
    Session renamed = withTitleAndSpeakers(talk, "New title", talk.speakers());
    Session otherSpeakers = withTitleAndSpeakers(talk, talk.title(), List.of("Grace Hopper"));
    Session movedAndRenamed =
        withTitleAndSpeakers(session("T", TEN.plusHours(1), TERRACE), "New title", talk.speakers());
    // when
    ScheduleChange title = ScheduleChange.between(schedule(talk), schedule(renamed)).get(0);
    ScheduleChange speakers =
        ScheduleChange.between(schedule(talk), schedule(otherSpeakers)).get(0);
    ScheduleChange move = ScheduleChange.between(schedule(talk), schedule(movedAndRenamed)).get(0);
    // then
    assertThat(title).isEqualTo(new ScheduleChange.Updated(talk, renamed));
    assertThat(((ScheduleChange.Updated) title).titleChanged()).isTrue();
    assertThat(((ScheduleChange.Updated) title).speakersChanged()).isFalse();
    assertThat(((ScheduleChange.Updated) speakers).speakersChanged()).isTrue();
    assertThat(((ScheduleChange.Updated) speakers).titleChanged()).isFalse();
    assertThat(move).isInstanceOf(ScheduleChange.Moved.class);
    ScheduleChange.Moved moved = (ScheduleChange.Moved) move;
    assertThat(moved.titleChanged()).isTrue();
    assertThat(moved.speakersChanged()).isFalse();
    assertThat(moved.timeChanged() && moved.roomChanged()).isTrue();
  }

  private static Session withTitleAndSpeakers(Session s, String title, List<String> speakers) {
    return new Session(
        s.code(),
        title,
        speakers,
        s.abstractText(),
        s.start(),
        s.duration(),
        s.room(),
        s.track(),
        s.type(),
        s.level(),
        s.language(),
        s.url(),
        s.isBreak());
  }

  @Test
  void findsNothingBetweenEqualSchedules() {
    // given
    Schedule schedule = schedule(session("A", TEN, FORUM));
    // when / then
    assertThat(ScheduleChange.between(schedule, schedule)).isEmpty();
  }

  @Test
  void treatsTheSameInstantInAnotherZoneAsUnchanged() {
    // given
    Session a = session("A", TEN, FORUM);
    Session utc = session("A", TEN.withZoneSameInstant(ZoneId.of("UTC")), FORUM);
    // when / then
    assertThat(ScheduleChange.between(schedule(a), schedule(utc))).isEmpty();
  }

  private static Schedule schedule(Session... sessions) {
    return new Schedule("v", ZONE, List.of(sessions));
  }

  private static Session session(String code, ZonedDateTime start, Room room) {
    return new Session(
        code,
        "Title " + code,
        List.of(),
        "",
        start,
        Duration.ofMinutes(30),
        room,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  private static Session coffee(ZonedDateTime start) {
    return new Session(
        "break-" + start.toEpochSecond(),
        "Coffee",
        List.of(),
        "",
        start,
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
