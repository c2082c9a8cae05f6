package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.time.HeldClock;
import dev.confbot.fakediscord.FakeDiscord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programme notifications run on their own timer thread: a ticket sync hung on pretix and a stuck
 * job on the shared timer (ticket sync, schedule refresh) do not hold back a due notification.
 */
class NotificationTimerEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void aHungTicketSyncDoesNotDelayADueNotification(@TempDir Path dir) throws Exception {
    CountDownLatch unblock = new CountDownLatch(1);
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given: pretix hangs on the first sync, and the shared timer's other thread is stuck too
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      BlockingTickets tickets =
          new BlockingTickets(PretixDirectoryTicketSource.load(dir.resolve("pretix")), unblock);
      HeldClock held = new HeldClock(Clock.systemUTC());
      try (Confbot bot =
          AssembledBot.startAt(config, discord, tickets, held, "2023-07-19T10:39:00+02:00")) {
        await(() -> bot.lastScheduleRefresh().isPresent());
        assertThat(tickets.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
            .as("the ticket sync is hung")
            .isTrue();
        ScheduledExecutorService shared =
            bot.injector().getInstance(ScheduledExecutorService.class);
        CountDownLatch stuck = new CountDownLatch(1);
        shared.execute(
            () -> {
              stuck.countDown();
              awaitQuietly(unblock);
            });
        assertThat(stuck.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
            .as("both shared timer threads are busy")
            .isTrue();
        // when: the room notification of the 10:43 talk in Terrace 2B falls due (10:41)
        int before = discord.messages("terrace-2b").size();
        held.release();
        // then: it goes out although the shared timer cannot run anything
        await(() -> discord.messages("terrace-2b").size() == before + 1);
        assertThat(bot.injector().getInstance(ExecutorsModule.NOTIFICATION_TIMER))
            .isNotSameAs(shared);
      } finally {
        unblock.countDown();
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /** pretix that hangs on every sync until released; order look-ups answer normally. */
  private static final class BlockingTickets implements TicketSource {
    private final TicketSource delegate;
    private final CountDownLatch unblock;
    final CountDownLatch entered = new CountDownLatch(1);

    BlockingTickets(TicketSource delegate, CountDownLatch unblock) {
      this.delegate = delegate;
      this.unblock = unblock;
    }

    @Override
    public Optional<dev.confbot.core.model.Order> order(OrderCode code) {
      return delegate.order(code);
    }

    @Override
    public Snapshot fullSync() {
      entered.countDown();
      awaitQuietly(unblock);
      return delegate.fullSync();
    }

    @Override
    public Snapshot changedSince(String cursor) {
      entered.countDown();
      awaitQuietly(unblock);
      return delegate.changedSince(cursor);
    }
  }
}
