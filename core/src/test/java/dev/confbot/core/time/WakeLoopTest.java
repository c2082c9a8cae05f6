package dev.confbot.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.testing.ManualExecutor;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WakeLoopTest {

  private static final Instant T0 = Instant.parse("2026-07-13T07:00:00Z");

  private final TestClock clock = new TestClock(T0);
  private final ManualExecutor executor = new ManualExecutor(clock);
  private final List<Instant> passes = new ArrayList<>();

  private WakeLoop loop(Duration sleep) {
    return recording(() -> sleep);
  }

  /** A loop on the manual executor, 30 s after a failure, that records each pass's start. */
  private WakeLoop recording(WakeLoop.Pass pass) {
    return new WakeLoop(
        "test passes",
        clock,
        executor,
        Duration.ofSeconds(30),
        () -> {
          passes.add(clock.instant());
          return pass.run();
        });
  }

  @Test
  void runsAtOnceThenAfterEachSleepThePassAsksFor() {
    WakeLoop loop = loop(Duration.ofMinutes(5));

    loop.start();
    executor.runUntil(T0.plus(Duration.ofMinutes(16)));

    assertThat(passes)
        .containsExactly(
            T0,
            T0.plus(Duration.ofMinutes(5)),
            T0.plus(Duration.ofMinutes(10)),
            T0.plus(Duration.ofMinutes(15)));
    assertThat(loop.nextWakeUp()).contains(T0.plus(Duration.ofMinutes(20)));
    assertThat(executor.thrown()).isEmpty();
  }

  @Test
  void nothingRunsBeforeStartAndNothingAfterClose() {
    WakeLoop loop = loop(Duration.ofMinutes(1));
    loop.wakeNow();
    assertThat(executor.pending()).isZero();
    assertThat(loop.running()).isFalse();

    loop.start();
    executor.runUntil(T0.plus(Duration.ofMinutes(2)));
    loop.close();
    executor.runUntil(T0.plus(Duration.ofHours(1)));

    assertThat(passes).hasSize(3);
    assertThat(loop.nextWakeUp()).isEmpty();
    assertThat(loop.running()).isFalse();
  }

  @Test
  void aNegativeSleepMeansAtOnce() {
    AtomicInteger left = new AtomicInteger(3);
    WakeLoop loop =
        recording(() -> left.decrementAndGet() > 0 ? Duration.ofSeconds(-5) : Duration.ofHours(1));

    loop.start();
    executor.runUntil(T0.plus(Duration.ofMinutes(1)));

    assertThat(passes).containsExactly(T0, T0, T0);
    assertThat(executor.delays()).startsWith(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  @Test
  void wakeNowReplacesTheSleepWithoutADoublePass() {
    WakeLoop loop = loop(Duration.ofMinutes(10));
    loop.start();
    executor.runNext();

    clock.advance(Duration.ofMinutes(1));
    loop.wakeNow();
    loop.wakeNow();
    assertThat(executor.pending()).isEqualTo(1);
    executor.runUntil(T0.plus(Duration.ofMinutes(2)));

    assertThat(passes).containsExactly(T0, T0.plus(Duration.ofMinutes(1)));
    assertThat(loop.nextWakeUp()).contains(T0.plus(Duration.ofMinutes(11)));
  }

  @Test
  void aWakeNowDuringAPassMakesTheNextPassImmediate() {
    List<WakeLoop> self = new ArrayList<>();
    WakeLoop loop =
        recording(
            () -> {
              if (passes.size() == 1) {
                self.get(0).wakeNow(); // e.g. a schedule change arriving while sending
                assertThat(executor.pending()).isZero();
              }
              return Duration.ofMinutes(10);
            });
    self.add(loop);

    loop.start();
    executor.runNext();
    assertThat(executor.pendingDelay()).isEqualTo(Duration.ZERO);
    executor.runNext();

    assertThat(passes).containsExactly(T0, T0);
    assertThat(executor.pendingDelay()).isEqualTo(Duration.ofMinutes(10));
  }

  /** A loop whose first pass throws this, then sleeps ten minutes; retried after 30 s. */
  private WakeLoop failingOnce(Throwable first) {
    AtomicInteger calls = new AtomicInteger();
    return recording(
        () -> {
          if (calls.getAndIncrement() == 0) {
            if (first instanceof Error error) {
              throw error;
            }
            throw (RuntimeException) first;
          }
          return Duration.ofMinutes(10);
        });
  }

  @Test
  void aFailingPassIsRetriedAfterTheFailureDelay() {
    WakeLoop loop = failingOnce(new IllegalStateException("boom"));

    loop.start();
    executor.runUntil(T0.plus(Duration.ofMinutes(1)));

    assertThat(passes).containsExactly(T0, T0.plus(Duration.ofSeconds(30)));
    assertThat(executor.thrown()).isEmpty();
  }

  @Test
  void evenAnErrorPlansTheNextPass() {
    WakeLoop loop = failingOnce(new AssertionError("an error"));

    loop.start();
    executor.runUntil(T0.plus(Duration.ofMinutes(1)));

    assertThat(passes).containsExactly(T0, T0.plus(Duration.ofSeconds(30)));
    assertThat(executor.thrown()).singleElement().isInstanceOf(AssertionError.class);
  }

  @Test
  void stopsQuietlyWhenTheExecutorRefusesWork() {
    WakeLoop loop = loop(Duration.ofMinutes(1));
    loop.start();
    executor.goDown();

    executor.runUntil(T0.plus(Duration.ofHours(1)));

    assertThat(passes).containsExactly(T0);
    assertThat(executor.thrown()).isEmpty();
    assertThat(loop.nextWakeUp()).isEmpty();
  }

  @Test
  void sleepsInRealTimeOnAPacedClock() {
    TestClock real = new TestClock(T0);
    ManualExecutor realExecutor = new ManualExecutor(real);
    SimulatedClock fast = new SimulatedClock(Instant.parse("2023-07-19T08:00:00Z"), 60, real);
    WakeLoop loop =
        new WakeLoop("test passes", fast, realExecutor, Duration.ZERO, () -> Duration.ofMinutes(5));

    loop.start();
    realExecutor.runNext();

    assertThat(realExecutor.pendingDelay()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void closeDuringARunningPassPlansNoOther() throws Exception {
    ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(1);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    try {
      WakeLoop loop =
          new WakeLoop(
              "test passes",
              java.time.Clock.systemUTC(),
              threads,
              Duration.ZERO,
              () -> {
                runs.incrementAndGet();
                entered.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return Duration.ZERO;
              });
      loop.start();
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      loop.close(); // does not wait for the pass
      loop.wakeNow();
      release.countDown();
      threads.submit(() -> {}).get(10, TimeUnit.SECONDS); // queued behind the pass

      assertThat(threads.getQueue()).isEmpty();
      assertThat(runs).hasValue(1);
      assertThat(loop.nextWakeUp()).isEmpty();
    } finally {
      threads.shutdownNow();
    }
  }
}
