package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.remind.ReminderScheduler;
import dev.confbot.core.time.HeldClock;
import dev.confbot.fakediscord.FakeChoice;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session reminder through the assembled bot (real injector, SQLite, real JDA against
 * fake-discord, the bundled EuroPython 2023 schedule): subscribed in one run, delivered once by the
 * next run on the same database, never again by a third.
 */
class ReminderEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void aReminderSurvivesARestartAndIsSentOnce(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
      FakeMember zoe = discord.member("zoe");

      // when: the first run (clock held at 10:39) subscribes zoe to the 11:35 talk and stops
      HeldClock held = new HeldClock(Clock.systemUTC());
      ScheduledExecutorService reminderTimer;
      try (Confbot first = start(config, discord, tickets, held, "2023-07-19T10:39:00+02:00")) {
        List<FakeChoice> choices =
            discord
                .autocomplete(zoe, "remind", Map.of("session", "ci pipelines"), "session", "en-GB")
                .awaitChoices(WAIT)
                .orElseThrow();
        assertThat(choices)
            .containsExactly(
                new FakeChoice(
                    "Optimizing Your CI Pipelines · Wed 19 Jul 11:35 · Terrace 2B", "PNVM3S"));
        String answer =
            discord
                .runSlashCommand(zoe, "remind", Map.of("session", "PNVM3S"), "en-GB")
                .awaitAnswer(WAIT)
                .map(FakeMessage::content)
                .orElse("(no answer)");
        assertThat(answer)
            .isEqualTo(
                "⏰ Reminder set: I'll send you a direct message 10 minutes before **Optimizing"
                    + " Your CI Pipelines** starts (Wed 19 Jul, 11:35, Terrace 2B).");
        await(() -> dms(discord, zoe).size() == 1);
        // reminders run on their own timer, not the one programme notifications use
        reminderTimer = first.injector().getInstance(ExecutorsModule.REMINDER_TIMER);
        assertThat(reminderTimer)
            .isNotSameAs(first.injector().getInstance(ScheduledExecutorService.class));
      }
      assertThat(reminderTimer.isShutdown()).as("closing stops the reminder timer").isTrue();

      // when: a second run on the same database starts at 11:20; the reminder is due at 11:25
      HeldClock again = new HeldClock(Clock.systemUTC());
      try (Confbot second = start(config, discord, tickets, again, "2023-07-19T11:20:00+02:00")) {
        again.release();
        await(() -> dms(discord, zoe).size() == 2);
        Thread.sleep(1000); // two more simulated minutes of wake-ups
        assertThat(second.injector().getInstance(ReminderScheduler.class).stats().sent())
            .isEqualTo(1);
      }

      // then: exactly one reminder, in zoe's language, with the local time
      assertThat(dms(discord, zoe).get(1))
          .startsWith("⏰ Reminder: **Optimizing Your CI Pipelines** starts <t:")
          .endsWith(":R> in Terrace 2B (11:35 CEST).");

      // when: a third run starts after the due instant, before the talk
      HeldClock third = new HeldClock(Clock.systemUTC());
      try (Confbot last = start(config, discord, tickets, third, "2023-07-19T11:27:00+02:00")) {
        third.release();
        Thread.sleep(1500);
        assertThat(last.injector().getInstance(ReminderScheduler.class).stats().sent()).isZero();
      }

      // then: nothing was sent again
      assertThat(dms(discord, zoe)).hasSize(2);
    }
  }

  private static List<String> dms(FakeDiscord discord, FakeMember member) {
    return discord.directMessages(member).stream().map(FakeMessage::content).toList();
  }

  private static Confbot start(
      ConfbotConfig config, FakeDiscord discord, TicketSource tickets, Clock real, String at)
      throws InterruptedException {
    Confbot confbot = AssembledBot.startAt(config, discord, tickets, real, at);
    assertThat(confbot.guildProblems()).isEmpty();
    await(() -> confbot.lastScheduleRefresh().isPresent());
    return confbot;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
