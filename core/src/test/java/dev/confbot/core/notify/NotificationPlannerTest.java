package dev.confbot.core.notify;

import static dev.confbot.core.notify.Sessions.FORUM;
import static dev.confbot.core.notify.Sessions.SOUTH;
import static dev.confbot.core.notify.Sessions.TERRACE;
import static dev.confbot.core.notify.Sessions.at;
import static dev.confbot.core.notify.Sessions.coffeeBreak;
import static dev.confbot.core.notify.Sessions.movedTo;
import static dev.confbot.core.notify.Sessions.schedule;
import static dev.confbot.core.notify.Sessions.talk;
import static dev.confbot.core.notify.Sessions.withType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.notify.PlannedNotification.Kind;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.ScheduleChange;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.InMemoryNotificationLog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationPlannerTest {

  private static final Predicate<NotificationLog.Key> NOTHING_SENT = key -> false;
  private static final NotificationSettings SETTINGS =
      NotificationSettings.defaults()
          .withRoomChannels(Map.of("Forum Hall", "forum-hall", "Terrace 2A", "terrace-2a"));

  private final TimeZone hostZone = TimeZone.getDefault();

  @AfterEach
  void restoreHostZone() {
    TimeZone.setDefault(hostZone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Pacific/Auckland", "America/Los_Angeles", "Europe/Prague"})
  void plansTheSameInstantsWhateverTheHostTimeZone(String hostTimeZone) {
    // given
    TimeZone.setDefault(TimeZone.getTimeZone(hostTimeZone));
    Schedule schedule = schedule(talk("AAA", at("2023-07-19T10:30"), FORUM));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS);
    // when
    List<PlannedNotification> plan =
        planner.plan(schedule, Instant.parse("2023-07-19T00:00:00Z"), Instant.MAX);
    // then: 10:30 in Prague (CEST, +02:00) is 08:30Z
    assertThat(plan)
        .extracting(
            PlannedNotification::kind, PlannedNotification::channel, PlannedNotification::due)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Kind.MAIN, "programme", Instant.parse("2023-07-19T08:25:00Z")),
            org.assertj.core.groups.Tuple.tuple(
                Kind.ROOM, "forum-hall", Instant.parse("2023-07-19T08:28:00Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Pacific/Auckland"})
  void keepsWallClockTimesAcrossTheEndOfDaylightSavingTime(String hostTimeZone) {
    // given: Dublin leaves IST (+01:00) for GMT at 02:00 local on 29 October 2023
    TimeZone.setDefault(TimeZone.getTimeZone(hostTimeZone));
    ZoneId dublin = ZoneId.of("Europe/Dublin");
    Session before = talk("SAT", ZonedDateTime.of(2023, 10, 28, 9, 0, 0, 0, dublin), FORUM);
    Session after = talk("SUN", ZonedDateTime.of(2023, 10, 29, 9, 0, 0, 0, dublin), FORUM);
    Session ambiguous = talk("NIGHT", ZonedDateTime.of(2023, 10, 29, 1, 30, 0, 0, dublin), FORUM);
    Session secondPass = movedTo(ambiguous, ambiguous.start().withLaterOffsetAtOverlap(), TERRACE);
    Schedule schedule =
        Sessions.schedule(dublin, List.of(before, after, ambiguous, withCode(secondPass, "LATE")));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS.withMainChannel("programme"));
    // when
    List<PlannedNotification> main =
        planner.plan(schedule, Instant.EPOCH, Instant.MAX).stream()
            .filter(n -> n.kind() == Kind.MAIN)
            .toList();
    // then
    assertThat(main)
        .extracting(PlannedNotification::due)
        .containsExactly(
            Instant.parse("2023-10-28T07:55:00Z"),
            Instant.parse("2023-10-29T00:25:00Z"),
            Instant.parse("2023-10-29T01:25:00Z"),
            Instant.parse("2023-10-29T08:55:00Z"));
    assertThat(main.get(3).sessions()).extracting(Session::code).containsExactly("SUN");
  }

  @Test
  void groupsSessionsStartingInTheSameMinuteIntoOneMainMessage() {
    // given
    Schedule schedule =
        schedule(
            talk("A", at("2023-07-19T10:30"), FORUM),
            talk("B", at("2023-07-19T10:30").plusSeconds(30), TERRACE),
            talk("C", at("2023-07-19T10:30"), SOUTH),
            talk("D", at("2023-07-19T11:00"), FORUM));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS);
    // when
    List<PlannedNotification> main =
        planner.plan(schedule, Instant.EPOCH, Instant.MAX).stream()
            .filter(n -> n.kind() == Kind.MAIN)
            .toList();
    // then
    assertThat(main).hasSize(2);
    assertThat(main.get(0).sessions()).extracting(Session::code).containsExactly("A", "C", "B");
    assertThat(main.get(0).start()).isEqualTo(at("2023-07-19T10:30").toInstant());
    assertThat(main.get(1).sessions()).extracting(Session::code).containsExactly("D");
  }

  @Test
  void sendsRoomMessagesOnlyToRoomsWithAChannel() {
    // given
    Schedule schedule =
        schedule(
            talk("A", at("2023-07-19T10:30"), FORUM), talk("C", at("2023-07-19T10:30"), SOUTH));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS);
    // when
    List<PlannedNotification> rooms =
        planner.plan(schedule, Instant.EPOCH, Instant.MAX).stream()
            .filter(n -> n.kind() == Kind.ROOM)
            .toList();
    // then
    assertThat(rooms)
        .singleElement()
        .satisfies(n -> assertThat(n.channel()).isEqualTo("forum-hall"));
    assertThat(rooms.get(0).sessions()).extracting(Session::code).containsExactly("A");
  }

  @Test
  void findsRoomChannelsByRoomIdToo() {
    // given
    NotificationPlanner planner =
        new NotificationPlanner(
            NotificationSettings.defaults().withRoomChannels(Map.of("3", "south")));
    // when
    List<PlannedNotification> plan =
        planner.plan(
            schedule(talk("C", at("2023-07-19T10:30"), SOUTH)), Instant.EPOCH, Instant.MAX);
    // then
    assertThat(plan).extracting(PlannedNotification::channel).containsExactly("programme", "south");
  }

  @Test
  void skipsBreaksSkippedTypesAndOtherDays() {
    // given
    Schedule schedule =
        schedule(
            coffeeBreak(at("2023-07-19T10:00"), FORUM),
            withType(talk("LUNCH", at("2023-07-19T12:30"), FORUM), "Lunch"),
            talk("KEEP", at("2023-07-19T14:00"), FORUM),
            talk("SPRINT", at("2023-07-22T10:00"), FORUM));
    NotificationSettings settings =
        SETTINGS
            .withSkippedTypes(Set.of("break", "LUNCH "))
            .withDays(Set.of(LocalDate.of(2023, 7, 19), LocalDate.of(2023, 7, 20)));
    // when
    List<PlannedNotification> plan =
        new NotificationPlanner(settings).plan(schedule, Instant.EPOCH, Instant.MAX);
    // then
    assertThat(plan)
        .flatExtracting(PlannedNotification::sessions)
        .extracting(Session::code)
        .containsOnly("KEEP");
  }

  @Test
  void announcesBreaksWhenTheyAreNotSkipped() {
    // given
    Schedule schedule = schedule(coffeeBreak(at("2023-07-19T10:00"), FORUM));
    // when
    List<PlannedNotification> plan =
        new NotificationPlanner(SETTINGS.withSkippedTypes(Set.of()))
            .plan(schedule, Instant.EPOCH, Instant.MAX);
    // then
    assertThat(plan).hasSize(2);
  }

  @Test
  void disablesMainChannelMessagesWithoutAMainChannel() {
    // given
    Schedule schedule = schedule(talk("A", at("2023-07-19T10:30"), FORUM));
    // when
    List<PlannedNotification> plan =
        new NotificationPlanner(SETTINGS.withMainChannel(null))
            .plan(schedule, Instant.EPOCH, Instant.MAX);
    // then
    assertThat(plan).extracting(PlannedNotification::kind).containsExactly(Kind.ROOM);
  }

  @Test
  void planLimitsDueInstantsToTheHalfOpenRange() {
    // given
    Schedule schedule = schedule(talk("A", at("2023-07-19T10:30"), FORUM));
    Instant mainDue = at("2023-07-19T10:25").toInstant();
    // when
    List<PlannedNotification> plan =
        new NotificationPlanner(SETTINGS).plan(schedule, mainDue, mainDue.plusSeconds(180));
    // then
    assertThat(plan).extracting(PlannedNotification::kind).containsExactly(Kind.MAIN);
  }

  @Test
  void isDueFromItsDueInstantUntilTheGraceEnds() {
    // given
    Schedule schedule = schedule(talk("A", at("2023-07-19T10:30"), TERRACE));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS.withMainChannel(null));
    Instant due = at("2023-07-19T10:28").toInstant();
    // when / then
    assertThat(planner.due(schedule, NOTHING_SENT, due.minusMillis(1))).isEmpty();
    assertThat(planner.due(schedule, NOTHING_SENT, due)).hasSize(1);
    assertThat(planner.due(schedule, NOTHING_SENT, due.plusSeconds(90))).hasSize(1);
    assertThat(planner.due(schedule, NOTHING_SENT, due.plus(Duration.ofMinutes(2)).minusMillis(1)))
        .hasSize(1);
    assertThat(planner.due(schedule, NOTHING_SENT, due.plus(Duration.ofMinutes(2)))).isEmpty();
  }

  @Test
  void sendsAMissedNotificationLateOnlyWithinTheGrace() {
    // given: main message due 10:25, grace 2 minutes
    Schedule schedule = schedule(talk("A", at("2023-07-19T10:30"), SOUTH));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS);
    // when / then
    assertThat(planner.due(schedule, NOTHING_SENT, at("2023-07-19T10:26:59").toInstant()))
        .hasSize(1);
    assertThat(planner.due(schedule, NOTHING_SENT, at("2023-07-19T10:27:01").toInstant()))
        .isEmpty();
  }

  @Test
  void neverSendsLateOnceTheSessionStarted() {
    // given: a long grace
    Schedule schedule = schedule(talk("A", at("2023-07-19T10:30"), SOUTH));
    NotificationPlanner planner =
        new NotificationPlanner(SETTINGS.withLateGrace(Duration.ofMinutes(30)));
    // when / then
    assertThat(planner.due(schedule, NOTHING_SENT, at("2023-07-19T10:29:59").toInstant()))
        .hasSize(1);
    assertThat(planner.due(schedule, NOTHING_SENT, at("2023-07-19T10:30").toInstant())).isEmpty();
  }

  @Test
  void leavesOutSessionsAlreadyInTheLedger() {
    // given
    Session a = talk("A", at("2023-07-19T10:30"), FORUM);
    Session b = talk("B", at("2023-07-19T10:30"), TERRACE);
    InMemoryNotificationLog ledger = new InMemoryNotificationLog();
    ledger.markSent(PlannedNotification.key(a, "programme"), Instant.EPOCH);
    NotificationPlanner planner = new NotificationPlanner(SETTINGS.withRoomChannels(Map.of()));
    // when
    List<PlannedNotification> due =
        planner.due(schedule(a, b), ledger::isRecorded, at("2023-07-19T10:25").toInstant());
    // then
    assertThat(due).singleElement().satisfies(n -> assertThat(n.sessions()).containsExactly(b));
  }

  @Test
  void announcesARescheduledSessionAgainAtItsNewTime() {
    // given: A was announced for 10:30, then moved to 11:30
    Session original = talk("A", at("2023-07-19T10:30"), FORUM);
    InMemoryNotificationLog ledger = new InMemoryNotificationLog();
    ledger.markSent(PlannedNotification.key(original, "programme"), Instant.EPOCH);
    ledger.markSent(PlannedNotification.key(original, "forum-hall"), Instant.EPOCH);
    Schedule moved = schedule(movedTo(original, at("2023-07-19T11:30"), FORUM));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS);
    // when
    List<PlannedNotification> dueAtOldTime =
        planner.due(moved, ledger::isRecorded, at("2023-07-19T10:25").toInstant());
    List<PlannedNotification> dueAtNewTime =
        planner.due(moved, ledger::isRecorded, at("2023-07-19T11:25").toInstant());
    // then
    assertThat(dueAtOldTime).isEmpty();
    assertThat(dueAtNewTime)
        .singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo(Kind.MAIN));
  }

  @Test
  void announcesASessionMovedToAnotherRoomInTheNewRoomOnly() {
    // given
    Session original = talk("A", at("2023-07-19T10:30"), FORUM);
    InMemoryNotificationLog ledger = new InMemoryNotificationLog();
    ledger.markSent(PlannedNotification.key(original, "programme"), Instant.EPOCH);
    ledger.markSent(PlannedNotification.key(original, "forum-hall"), Instant.EPOCH);
    Schedule moved = schedule(movedTo(original, original.start(), TERRACE));
    // when
    List<PlannedNotification> due =
        new NotificationPlanner(SETTINGS)
            .due(moved, ledger::isRecorded, at("2023-07-19T10:28").toInstant());
    // then
    assertThat(due).extracting(PlannedNotification::channel).containsExactly("terrace-2a");
  }

  @Test
  void wakesAtTheNextDueInstantOrNowWhenSomethingIsDue() {
    // given
    Schedule schedule =
        schedule(
            talk("A", at("2023-07-19T10:30"), FORUM), talk("B", at("2023-07-19T11:00"), FORUM));
    NotificationPlanner planner = new NotificationPlanner(SETTINGS);
    Instant earlyMorning = at("2023-07-19T08:00").toInstant();
    Instant mainDue = at("2023-07-19T10:25").toInstant();
    InMemoryNotificationLog ledger = new InMemoryNotificationLog();
    // when / then
    assertThat(planner.nextDueInstant(schedule, ledger::isRecorded, earlyMorning))
        .contains(mainDue);
    assertThat(planner.nextDueInstant(schedule, ledger::isRecorded, mainDue.plusSeconds(10)))
        .contains(mainDue.plusSeconds(10));
    planner
        .due(schedule, ledger::isRecorded, mainDue)
        .forEach(n -> n.keys().forEach(k -> ledger.markSent(k, mainDue)));
    assertThat(planner.nextDueInstant(schedule, ledger::isRecorded, mainDue.plusSeconds(10)))
        .contains(at("2023-07-19T10:28").toInstant());
    assertThat(
            planner.nextDueInstant(
                schedule, ledger::isRecorded, at("2023-07-19T12:00").toInstant()))
        .isEmpty();
  }

  @Test
  void skipsAMissedNotificationWhenLookingForTheNextWakeUp() {
    // given: main message for 10:30 missed beyond the grace
    Schedule schedule =
        schedule(
            talk("A", at("2023-07-19T10:30"), SOUTH), talk("B", at("2023-07-19T11:00"), SOUTH));
    // when
    var next =
        new NotificationPlanner(SETTINGS)
            .nextDueInstant(schedule, NOTHING_SENT, at("2023-07-19T10:28").toInstant());
    // then
    assertThat(next).contains(at("2023-07-19T10:55").toInstant());
  }

  @Test
  void announcesOnlyFutureChangesOfAnnouncedSessionsWithAnUpdatesChannel() {
    // given
    Session past = talk("PAST", at("2023-07-19T09:00"), FORUM);
    Session future = talk("FUTURE", at("2023-07-19T15:00"), FORUM);
    Session lunch = withType(talk("LUNCH", at("2023-07-19T16:00"), FORUM), "Lunch");
    List<ScheduleChange> changes =
        List.of(
            new ScheduleChange.Cancelled(past),
            new ScheduleChange.Added(future),
            new ScheduleChange.Added(lunch),
            new ScheduleChange.Moved(future, movedTo(past, at("2023-07-19T09:30"), FORUM)));
    Instant now = at("2023-07-19T12:00").toInstant();
    NotificationSettings skipLunch = SETTINGS.withSkippedTypes(Set.of("lunch"));
    // when
    List<ScheduleChange> without = new NotificationPlanner(skipLunch).announceable(changes, now);
    List<ScheduleChange> with =
        new NotificationPlanner(skipLunch.withUpdatesChannel("schedule-updates"))
            .announceable(changes, now);
    // then: a session moved from the future into the past is still news
    assertThat(without).isEmpty();
    assertThat(with).containsExactly(changes.get(1), changes.get(3));
  }

  @Test
  void givesEachKindOfChangeItsOwnLedgerKey() {
    // given
    Session a = talk("A", at("2023-07-19T10:30"), FORUM);
    Session moved = movedTo(a, a.start(), TERRACE);
    // when
    List<NotificationLog.Key> keys =
        List.of(
            NotificationPlanner.changeKey(new ScheduleChange.Added(a), "updates"),
            NotificationPlanner.changeKey(new ScheduleChange.Cancelled(a), "updates"),
            NotificationPlanner.changeKey(new ScheduleChange.Moved(a, moved), "updates"),
            NotificationPlanner.changeKey(
                new ScheduleChange.Moved(moved, movedTo(a, a.start(), new Room("9", "Other"))),
                "updates"));
    // then
    assertThat(keys).doesNotHaveDuplicates();
    assertThat(keys).allSatisfy(k -> assertThat(k.sessionCode()).startsWith("A#"));
  }

  private static Session withCode(Session s, String code) {
    return new Session(
        code,
        s.title(),
        s.speakers(),
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
}
