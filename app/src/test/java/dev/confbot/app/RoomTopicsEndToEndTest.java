package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.time.HeldClock;
import dev.confbot.fakediscord.FakeDiscord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Room channel topics through the assembled bot (real injector, SQLite, real JDA against
 * fake-discord, the bundled EuroPython 2023 schedule, a simulated clock at 120×).
 */
class RoomTopicsEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void roomChannelTopicsFollowTheProgrammeWhenSwitchedOn(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given: the demo with room_topics = true, the clock held at 10:44
      ConfbotConfig config = withRoomTopics(dir, discord, "true");
      HeldClock held = new HeldClock(Clock.systemUTC());
      try (Confbot bot = start(config, discord, dir, held, "2023-07-19T10:44:00+02:00")) {
        // then: the first tick shows what comes next
        await(
            () ->
                "⏭ Next 10:45: Apache Arrow and Substrait, the secret foundations of Data Engineering"
                    .equals(topic(discord, "north-hall")));
        // when: the session starts
        held.release();
        // then
        await(
            () ->
                ("▶ Now: Apache Arrow and Substrait, the secret foundations of Data Engineering"
                        + " (until 11:30) · ⏭ Next 11:35: Temporal Python – A Durable,"
                        + " Distributed Asyncio Event Loop")
                    .equals(topic(discord, "north-hall")));
      }
    }
  }

  @Test
  void leavesTopicsAloneByDefault(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given: the demo as it is (no room_topics key)
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      HeldClock held = new HeldClock(Clock.systemUTC());
      try (Confbot bot = start(config, discord, dir, held, "2023-07-19T10:44:00+02:00")) {
        held.release();
        await(() -> !discord.messages("north-hall").isEmpty());
        Thread.sleep(1000); // two simulated minutes of would-be ticks
      }
      // then
      assertThat(config.notifications().roomTopics()).isFalse();
      assertThat(discord.channel("north-hall").topic()).isNull();
      assertThat(discord.requests("PATCH channels/*")).isEmpty();
    }
  }

  private static ConfbotConfig withRoomTopics(Path dir, FakeDiscord discord, String value)
      throws Exception {
    DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
    Path file = dir.resolve("config.toml");
    String toml = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(
        file,
        toml.replace("[notifications]\n", "[notifications]\nroom_topics = " + value + "\n"),
        StandardCharsets.UTF_8);
    ConfbotConfig config =
        new ConfigLoader(
                Map.of("DISCORD_BOT_TOKEN", discord.token(), "PRETIX_TOKEN", "demo-has-no-pretix"))
            .load(file)
            .config();
    assertThat(config.notifications().roomTopics()).isTrue();
    return config;
  }

  private static Confbot start(
      ConfbotConfig config, FakeDiscord discord, Path dir, Clock real, String at) throws Exception {
    TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
    return AssembledBot.startAt(config, discord, tickets, real, at);
  }

  private static String topic(FakeDiscord discord, String channel) {
    return Objects.toString(discord.channel(channel).topic(), "");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
