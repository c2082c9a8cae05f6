package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.schedule.Schedule;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleRefreshTaskTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Answers from a script: a payload name to parse, or "fail", or "boom". */
  private static final class ScriptedSource implements ScheduleSource {
    private final Deque<String> script;
    private final boolean revisions;
    private String revision = "";

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
      revision = step;
      return ScheduleParser.parse(Fixtures.read(step), BERLIN);
    }

    @Override
    public Optional<String> revision() {
      return revisions ? Optional.of(revision) : Optional.empty();
    }
  }

  @Test
  void handsOnTheFirstScheduleAndEachChangeOnly() {
    // given
    List<String> versions = new ArrayList<>();
    ScheduleRefreshTask task =
        new ScheduleRefreshTask(
            new ScriptedSource(
                true,
                "pretalx-schedule-response-20230701.json",
                "pretalx-schedule-response-20230701.json",
                "fail",
                "pretalx-schedule-response-20230714.json"),
            s -> versions.add(s.version()));

    // when
    List<Boolean> results = List.of(task.refresh(), task.refresh(), task.refresh(), task.refresh());

    // then
    assertThat(results).containsExactly(true, false, false, true);
    assertThat(versions).containsExactly("0.10", "0.11");
  }

  @Test
  void comparesByValueWhenTheSourceHasNoRevision() {
    // given
    List<Schedule> received = new ArrayList<>();
    ScheduleRefreshTask task =
        new ScheduleRefreshTask(
            new ScriptedSource(
                false,
                "pretalx-one-session.json",
                "pretalx-one-session.json",
                "pretalx-one-break.json"),
            received::add);

    // when
    task.refresh();
    task.refresh();
    task.refresh();

    // then
    assertThat(received).hasSize(2);
  }

  @Test
  void neverLetsAFailureEscapeARun() {
    // given
    List<Schedule> received = new ArrayList<>();
    ScheduleRefreshTask task =
        new ScheduleRefreshTask(
            new ScriptedSource(true, "boom", "fail", "pretalx-one-session.json"), received::add);

    // when
    task.run();
    task.run();
    task.run();

    // then
    assertThat(received).hasSize(1);
  }

  @Test
  void startsRightAwayOnTheExecutor() throws InterruptedException {
    // given
    java.util.concurrent.CountDownLatch received = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ScheduledExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    ScheduleRefreshTask task =
        new ScheduleRefreshTask(
            new ScriptedSource(true, "pretalx-one-session.json"), s -> received.countDown());

    // when
    try {
      java.util.concurrent.ScheduledFuture<?> running =
          task.start(executor, java.time.Duration.ofHours(1));

      // then
      assertThat(received.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(running.isDone()).isFalse();
    } finally {
      executor.shutdownNow();
    }
  }
}
