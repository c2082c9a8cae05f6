package dev.confbot.core.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.programme.ProgrammeService.Reload;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The programme: fetches through the source, hands on the first schedule and each change only (by
 * revision, else by value), tells the listeners in order, and answers organizers' reloads.
 */
class ProgrammeServiceTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Room HALL = new Room("1", "Hall");
  private static final Schedule ONE = schedule("v1", session("A", 10));
  private static final Schedule TWO = schedule("v2", session("A", 10), session("B", 11));

  private final TestClock clock = TestClock.atConferenceStart();
  private final List<String> events = new ArrayList<>();

  @Test
  void handsOnTheFirstScheduleAndEachChangeOnly() {
    // given
    ScriptedSource source = new ScriptedSource(true, "one", "one", "fail", "two");
    ProgrammeService programme = started(source);

    // when
    List<Boolean> results =
        List.of(programme.refresh(), programme.refresh(), programme.refresh(), programme.refresh());

    // then
    assertThat(results).containsExactly(true, false, false, true);
    assertThat(events).containsExactly("first v1", "changed v2");
    assertThat(programme.latest()).contains(TWO);
  }

  @Test
  void comparesByValueWhenTheSourceHasNoRevision() {
    // given
    ProgrammeService programme = started(new ScriptedSource(false, "one", "one", "two"));

    // when
    programme.refresh();
    programme.refresh();
    programme.refresh();

    // then
    assertThat(events).containsExactly("first v1", "changed v2");
  }

  @Test
  void comparesByRevisionWhenTheSourceHasOne() {
    // given: same value, new revision (a re-published payload)
    ScriptedSource source = new ScriptedSource(true, "one", "one");
    ProgrammeService programme = started(source);
    programme.refresh();
    source.revisionSuffix = "-republished";

    // when
    boolean changed = programme.refresh();

    // then
    assertThat(changed).isTrue();
    assertThat(events).containsExactly("first v1", "changed v1");
  }

  @Test
  void remembersWhenTheScheduleLastChanged() {
    // given
    ProgrammeService programme = started(new ScriptedSource(true, "one", "one"));
    assertThat(programme.lastChange()).isEmpty();
    programme.refresh();
    java.time.Instant first = clock.instant();
    clock.advance(Duration.ofMinutes(5));

    // when
    programme.refresh();

    // then
    assertThat(programme.lastChange()).contains(first);
  }

  @Test
  void givesTheFirstScheduleThePreviousRunsOnlyWhenItDiffers() {
    // given
    ScriptedSource changedWhileDown = new ScriptedSource(true, "two");
    changedWhileDown.previousRun = ONE;
    ScriptedSource sameAsBefore = new ScriptedSource(true, "one");
    sameAsBefore.previousRun = ONE;

    // when
    started(changedWhileDown).refresh();
    started(sameAsBefore).refresh();

    // then
    assertThat(events).containsExactly("first v2 after v1", "first v1");
  }

  @Test
  void tellsTheListenersInTheirOrder() {
    // given
    ScriptedSource source = new ScriptedSource(true, "one");
    ProgrammeService programme = new ProgrammeService(source, clock);
    programme.attach(
        List.of(
            ProgrammeService.Listener.onEach(s -> events.add("speakers")),
            recording(),
            ProgrammeService.Listener.onEach(s -> events.add("reminders"))));

    // when
    programme.refresh();

    // then
    assertThat(events).containsExactly("speakers", "first v1", "reminders");
  }

  @Test
  void neverLetsAFailureEscapeATimerRun() {
    // given
    ProgrammeService programme = started(new ScriptedSource(true, "boom", "fail", "one"));

    // when
    programme.refreshQuietly();
    programme.refreshQuietly();
    programme.refreshQuietly();

    // then
    assertThat(events).containsExactly("first v1");
  }

  @Test
  void fetchesNothingBeforeTheListenersAreAttached() {
    // given
    ScriptedSource source = new ScriptedSource(true, "one");
    ProgrammeService programme = new ProgrammeService(source, clock);

    // when
    boolean refreshed = programme.refresh();
    Reload reload = programme.reload();

    // then
    assertThat(refreshed).isFalse();
    assertThat(reload).isEqualTo(new Reload.NoSource());
    assertThat(source.script).hasSize(1);
  }

  @Test
  void attachesListenersOnce() {
    // given
    ProgrammeService programme = started(new ScriptedSource(true));

    // when / then
    assertThatThrownBy(() -> programme.attach(List.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aProgrammeWithoutSourceStaysEmpty() {
    // given
    ProgrammeService programme = ProgrammeService.withoutSource(clock);
    programme.attach(List.of(recording()));

    // when
    Reload reload = programme.reload();

    // then
    assertThat(programme.hasSource()).isFalse();
    assertThat(reload).isEqualTo(new Reload.NoSource());
    assertThat(programme.latest()).isEmpty();
  }

  @Test
  void reloadSaysWhetherTheScheduleChanged() {
    // given
    ProgrammeService programme = started(new ScriptedSource(true, "one", "one", "two", "fail"));

    // when
    List<Reload> reloads =
        List.of(programme.reload(), programme.reload(), programme.reload(), programme.reload());

    // then: a failed fetch keeps the last good schedule
    assertThat(reloads)
        .containsExactly(
            new Reload.Changed(1),
            new Reload.Unchanged(1),
            new Reload.Changed(2),
            new Reload.Unchanged(2));
  }

  @Test
  void reloadAcceptsAHeldBackSchedule() {
    // given
    ScriptedSource source = new ScriptedSource(true, "two", "one");
    ProgrammeService programme = started(source);
    programme.refresh();
    source.heldBack = "it drops most upcoming sessions";

    // when
    Reload reload = programme.reload();

    // then
    assertThat(source.accepted).isEqualTo(1);
    assertThat(reload).isEqualTo(new Reload.HeldBackAccepted(1));
  }

  @Test
  void reloadWithAHeldBackScheduleThatDidNotChangeSaysNoChange() {
    // given
    ScriptedSource source = new ScriptedSource(true, "one", "one");
    ProgrammeService programme = started(source);
    programme.refresh();
    source.heldBack = "it drops most upcoming sessions";

    // when
    Reload reload = programme.reload();

    // then
    assertThat(reload).isEqualTo(new Reload.Unchanged(1));
  }

  @Test
  void reloadLetsAListenersFailureEscape() {
    // given
    ProgrammeService programme = new ProgrammeService(new ScriptedSource(true, "one"), clock);
    programme.attach(
        List.of(
            ProgrammeService.Listener.onEach(
                s -> {
                  throw new IllegalStateException("scheduler broke");
                })));

    // when / then
    assertThatThrownBy(programme::reload).hasMessage("scheduler broke");
    assertThat(programme.latest()).contains(ONE);
  }

  private ProgrammeService started(ScheduleSource source) {
    ProgrammeService programme = new ProgrammeService(source, clock);
    programme.attach(List.of(recording()));
    return programme;
  }

  private ProgrammeService.Listener recording() {
    return new ProgrammeService.Listener() {
      @Override
      public void first(Schedule schedule, @Nullable Schedule previousRun) {
        events.add(
            "first "
                + schedule.version()
                + (previousRun == null ? "" : " after " + previousRun.version()));
      }

      @Override
      public void changed(Schedule schedule) {
        events.add("changed " + schedule.version());
      }
    };
  }

  private static Schedule schedule(String version, Session... sessions) {
    return new Schedule(version, BERLIN, List.of(sessions));
  }

  private static Session session(String code, int hour) {
    return new Session(
        code,
        "Talk " + code,
        List.of("Speaker " + code),
        "",
        ZonedDateTime.of(LocalDate.of(2026, 7, 15).atTime(hour, 0), BERLIN),
        Duration.ofMinutes(30),
        HALL,
        null,
        "Talk",
        null,
        "en",
        null,
        false);
  }

  /** Answers from a script: "one", "two", "fail" (gateway) or "boom" (a bug). */
  private static final class ScriptedSource implements ScheduleSource {
    final Deque<String> script;
    private final boolean revisions;
    private String revision = "";
    String revisionSuffix = "";
    @Nullable Schedule previousRun;
    @Nullable String heldBack;
    int accepted;

    ScriptedSource(boolean revisions, String... steps) {
      this.revisions = revisions;
      this.script = new ArrayDeque<>(List.of(steps));
    }

    @Override
    public Schedule fetch() {
      String step = script.removeFirst();
      if (step.equals("fail")) {
        throw new GatewayException("pretalx", "HTTP 503", null);
      }
      if (step.equals("boom")) {
        throw new IllegalStateException("bug");
      }
      revision = step + revisionSuffix;
      return step.equals("one") ? ONE : TWO;
    }

    @Override
    public Optional<String> revision() {
      return revisions ? Optional.of(revision) : Optional.empty();
    }

    @Override
    public Optional<Schedule> previousRun() {
      return Optional.ofNullable(previousRun);
    }

    @Override
    public Optional<String> heldBack() {
      return Optional.ofNullable(heldBack);
    }

    @Override
    public void acceptHeldBack() {
      accepted++;
      heldBack = null;
    }
  }
}
