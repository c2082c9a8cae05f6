package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.time.HeldClock;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Webhook URLs written where a channel name goes ({@code main_channel}, a room channel): the
 * assembled bot posts through the webhooks, and the webhook token appears nowhere it records or
 * prints: not in the SQLite sent-ledger, the logs, the log channel or the start-up problems.
 */
class WebhookChannelEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void postsThroughWebhookChannelsWithoutRecordingTheirTokens(@TempDir Path dir) throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given
      DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      String main = discord.createWebhook(discord.channel("programme"), "programme hook");
      String north = discord.createWebhook(discord.channel("north-hall"), "north hall hook");
      Path file = dir.resolve("config.toml");
      String toml =
          Files.readString(file, StandardCharsets.UTF_8)
              .replace("main_channel = \"programme\"", "main_channel = \"" + main + "\"")
              .replace("\"North Hall\" = \"north-hall\"", "\"North Hall\" = \"" + north + "\"");
      Files.writeString(file, toml, StandardCharsets.UTF_8);
      List<String> tokens = List.of(token(main), token(north));
      Map<String, String> secrets =
          Map.of("DISCORD_BOT_TOKEN", discord.token(), "PRETIX_TOKEN", "demo-has-no-pretix");
      ConfbotConfig config = new ConfigLoader(secrets).load(file).config();
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));

      // when: the 10:40 notifications are due
      HeldClock held = new HeldClock(Clock.systemUTC());
      List<String> problems;
      try (Confbot bot =
          AssembledBot.startAt(config, discord, tickets, held, "2023-07-19T10:39:00+02:00")) {
        problems = bot.guildProblems();
        held.release();
        await(() -> !discord.messages("programme").isEmpty());
        await(() -> !discord.messages("north-hall").isEmpty());
      }

      // then: posted through the webhooks
      assertThat(discord.messages("programme")).isNotEmpty();
      assertThat(discord.messages("north-hall")).isNotEmpty();
      // and the tokens are nowhere
      List<String> recorded = new ArrayList<>(problems);
      discord.messages("registration-log").stream()
          .map(FakeMessage::content)
          .forEach(recorded::add);
      for (ILoggingEvent event : logs.list) {
        recorded.add(event.getFormattedMessage());
        if (event.getThrowableProxy() != null) {
          recorded.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
      }
      recorded.addAll(filesUnder(dir.resolve("data")));
      assertThat(recorded).isNotEmpty();
      for (String token : tokens) {
        assertThat(recorded).noneMatch(text -> text.contains(token));
      }
    } finally {
      root.detachAppender(logs);
    }
  }

  private static String token(String webhookUrl) {
    return webhookUrl.substring(webhookUrl.lastIndexOf('/') + 1);
  }

  /** The bytes of every file of the data directory (SQLite database, WAL, caches) as text. */
  private static List<String> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> contents = new ArrayList<>();
      for (Path path : files.filter(Files::isRegularFile).toList()) {
        contents.add(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
      }
      return contents;
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
