package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled bot restarted while pretix is down (real JDA, fake-discord, SQLite in the data
 * directory): it starts from the ticket snapshot the previous run saved, so attendees register at
 * once. Breaking either the save after a sync or the load at start makes this test fail (the
 * attendee would be told "we can't verify tickets right now").
 */
class TicketSnapshotRestartEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void registersFromTheSavedSnapshotWhilePretixIsDownAfterARestart(@TempDir Path dir)
      throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      Pretix pretix = new Pretix(PretixDirectoryTicketSource.load(dir.resolve("pretix")));
      // given: a first run synced the tickets from pretix and stopped
      try (Confbot bot = AssembledBot.start(config, discord, pretix, Clock.systemUTC())) {
        await(() -> bot.lastTicketSync().isPresent());
      }
      // when: pretix is down for the restart and an attendee registers
      pretix.down = true;
      FakeMember guido = discord.member("guido");
      try (Confbot bot = AssembledBot.start(config, discord, pretix, Clock.systemUTC())) {
        String answer =
            discord
                .submitModal(
                    guido,
                    "confbot:register",
                    Map.of("order", "HXYCT", "name", "Guido van Rossum"),
                    "en-US")
                .awaitAnswer(WAIT)
                .map(FakeMessage::content)
                .orElse("(no answer)");
        // then
        assertThat(answer).contains("registered with your Speaker ticket");
        await(() -> discord.roleNamesOf(guido).contains("Speakers"));
        assertThat(bot.lastTicketSync()).as("pretix never answered this run").isEmpty();
      }
    }
  }

  /** The demo's pretix files, or an outage. */
  private static final class Pretix implements TicketSource {
    private final TicketSource files;
    volatile boolean down;

    Pretix(TicketSource files) {
      this.files = files;
    }

    private void check() {
      if (down) {
        throw new GatewayException("pretix", "HTTP 503 Service Unavailable", null);
      }
    }

    @Override
    public Optional<Order> order(OrderCode code) {
      check();
      return files.order(code);
    }

    @Override
    public Snapshot fullSync() {
      check();
      return files.fullSync();
    }

    @Override
    public Snapshot changedSince(String cursor) {
      check();
      return files.changedSince(cursor);
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
