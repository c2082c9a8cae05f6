package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.time.HeldClock;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled bot (what {@code confbot run} starts) against fake-discord with real JDA: it
 * registers, notifies, restarts without repeating itself, and shuts down cleanly.
 */
class ConfbotEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void registersNotifiesRestartsAndShutsDownCleanly(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given
      ConfbotConfig config = DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
      FakeMember guido = discord.member("guido");
      FakeMember mallory = discord.member("mallory");

      // when: the first run registers guido and posts the 10:40 and 10:43 notifications
      HeldClock held = new HeldClock(Clock.systemUTC());
      long messageId;
      try (Confbot first = start(config, discord, tickets, held, "2023-07-19T10:39:00+02:00")) {
        messageId = registrationMessage(discord).id();
        assertThat(answer(discord, guido, "HXYCT", "Guido van Rossum"))
            .contains("registered with your Speaker ticket");
        assertThat(discord.roleNamesOf(guido)).contains("Speakers", "Tutorials");
        held.release();
        await(() -> discord.messages("north-hall").size() == 1);
        await(() -> discord.messages("terrace-2b").size() == 1);
        try (HealthServer health = HealthServer.start(0, first)) {
          assertThat(get(health, "/healthz"))
              .startsWith("200 ")
              .contains("\"discord_connected\":true");
          assertThat(get(health, "/metrics"))
              .contains("confbot_discord_connected 1.0")
              .contains("confbot_notifications_sent_total 7.0")
              .contains("confbot_registrations_total{outcome=\"registered\"} 1.0")
              .contains("confbot_reminders_sent_total 0.0");
        }
      }

      // then: stopped, registration is marked offline in the same message
      assertThat(registrationMessage(discord).id()).isEqualTo(messageId);
      assertThat(registrationMessage(discord).content()).contains("temporarily offline");
      assertThat(discord.messages("programme")).hasSize(1);

      // when: a second run starts at 10:41, inside the late grace of both notifications
      HeldClock again = new HeldClock(Clock.systemUTC());
      try (Confbot second = start(config, discord, tickets, again, "2023-07-19T10:41:00+02:00")) {
        again.release();
        assertThat(registrationMessage(discord).id()).isEqualTo(messageId);
        assertThat(registrationMessage(discord).content()).doesNotContain("offline");
        assertThat(answer(discord, guido, "HXYCT", "Guido van Rossum"))
            .contains("already registered");
        assertThat(answer(discord, mallory, "HXYCT-1", "Guido van Rossum"))
            .contains("already registered to another Discord account");
        Thread.sleep(3000); // 6 simulated minutes: past every due instant of the first run
      }

      // then: nothing was posted twice and nobody else got roles
      assertThat(discord.messages("programme")).hasSize(1);
      assertThat(discord.messages("north-hall")).hasSize(1);
      assertThat(discord.roleNamesOf(mallory)).isEmpty();
      assertThat(registrationMessage(discord).content()).contains("temporarily offline");
    }
  }

  private static Confbot start(
      ConfbotConfig config, FakeDiscord discord, TicketSource tickets, Clock real, String at) {
    Confbot confbot = AssembledBot.startAt(config, discord, tickets, real, at);
    assertThat(confbot.guildProblems()).isEmpty();
    return confbot;
  }

  private static String get(HealthServer health, String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + health.port() + path))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static FakeMessage registrationMessage(FakeDiscord discord) {
    List<FakeMessage> messages =
        discord.messages("registration").stream()
            .filter(m -> m.buttonCustomIds().contains("confbot:register"))
            .toList();
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private static String answer(FakeDiscord discord, FakeMember member, String code, String name) {
    return discord
        .submitModal(member, "confbot:register", Map.of("order", code, "name", name), "en-US")
        .awaitAnswer(WAIT)
        .map(FakeMessage::content)
        .orElse("(no answer)");
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
