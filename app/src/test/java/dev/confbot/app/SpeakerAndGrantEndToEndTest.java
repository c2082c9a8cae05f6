package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.port.TicketSource;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled bot with {@code registration.speaker_roles} and {@code organizers.grantable_roles},
 * against fake-discord with real JDA: a speaker of the schedule gets the speaker role on
 * registering, a registered member gets it when a reloaded schedule names them, and organizers
 * grant and revoke the configured roles only.
 */
class SpeakerAndGrantEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void speakersGetTheSpeakerRoleAndOrganizersGrantOnlyConfiguredRoles(@TempDir Path dir)
      throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      // given: the demo, Ingrid (a Business ticket) speaks instead of Nilesh Jain
      DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      Path schedule = dir.resolve("schedule.json");
      replace(schedule, "\"Nilesh Jain\"", "\"Ingrid Bergstrom\"");
      Path configFile = dir.resolve("config.toml");
      replace(configFile, "[registration]\n", "[registration]\nspeaker_roles = [\"Speakers\"]\n");
      replace(configFile, "[organizers]\n", "[organizers]\ngrantable_roles = [\"Volunteers\"]\n");
      ConfbotConfig config =
          new ConfigLoader(
                  Map.of("DISCORD_BOT_TOKEN", discord.token(), "PRETIX_TOKEN", "demo-has-none"))
              .load(configFile)
              .config();
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
      FakeMember ingrid = discord.member("ingrid");
      FakeMember zoe = discord.member("zoe");
      FakeMember olga = discord.member("olga-organizer");

      try (Confbot bot = AssembledBot.start(config, discord, tickets, Clock.systemUTC())) {
        assertThat(bot.guildProblems()).isEmpty();
        await(() -> bot.lastScheduleRefresh().isPresent());

        // when: Ingrid registers
        assertThat(answer(discord, ingrid, "MWM3A", "Bergström Ingrid")).contains("registered");
        // then
        assertThat(discord.roleNamesOf(ingrid)).contains("Attendees", "Speakers");

        // when: Zoe registered before the schedule named her; then it changes and is reloaded
        assertThat(answer(discord, zoe, "UT8Z3", "Zoe Papadopoulou")).contains("registered");
        assertThat(discord.roleNamesOf(zoe)).doesNotContain("Speakers");
        replace(schedule, "\"Alessandro Molina\"", "\"Zoe Papadopoulou\"");
        assertThat(command(discord, olga, "schedule", Map.of("reload", Map.of())))
            .contains("the schedule changed");
        // then
        await(() -> discord.roleNamesOf(zoe).contains("Speakers"));
        await(
            () ->
                logLines(discord)
                    .contains(
                        "🎤 <@"
                            + zoe.id()
                            + "> (ticket UT…-1) is a speaker of “Apache Arrow and Substrait, the"
                            + " secret foundations of Data Engineering” (HSPJMX), matched by name;"
                            + " roles granted: Speakers"));

        // when: organizers grant a configured role, and try one that is not
        assertThat(command(discord, olga, "grant", Map.of("member", zoe, "role", "Volunteers")))
            .isEqualTo("Gave Volunteers to <@" + zoe.id() + ">.");
        assertThat(command(discord, olga, "grant", Map.of("member", zoe, "role", "Organizers")))
            .contains("cannot be granted");
        assertThat(command(discord, zoe, "revoke", Map.of("member", zoe, "role", "Volunteers")))
            .contains("for organizers only");
        // then
        await(() -> discord.roleNamesOf(zoe).contains("Volunteers"));
        assertThat(discord.roleNamesOf(zoe)).doesNotContain("Organizers");
        await(
            () ->
                logLines(discord)
                    .contains(
                        "🎟️ <@"
                            + olga.id()
                            + "> granted Volunteers to <@"
                            + zoe.id()
                            + "> (/grant)"));
      }
    }
  }

  private static void replace(Path file, String from, String to) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  private static String logLines(FakeDiscord discord) {
    return String.join(
        "\n", discord.messages("registration-log").stream().map(FakeMessage::content).toList());
  }

  private static String answer(FakeDiscord discord, FakeMember member, String code, String name) {
    return discord
        .submitModal(member, "confbot:register", Map.of("order", code, "name", name), "en-US")
        .awaitAnswer(WAIT)
        .map(FakeMessage::content)
        .orElse("(no answer)");
  }

  private static String command(
      FakeDiscord discord, FakeMember member, String name, Map<String, ?> options) {
    FakeMessage answer =
        discord
            .runSlashCommand(member, name, options, "en-US")
            .awaitAnswer(WAIT)
            .orElseThrow(() -> new AssertionError("no answer to /" + name));
    assertThat(answer.ephemeral()).isTrue();
    return answer.content();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
