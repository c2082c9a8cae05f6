package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.discord.OrganizerGuard;
import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.port.TicketSource;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeEmbed;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /jobs post} in the assembled bot (what {@code confbot run} starts) against fake-discord:
 * the organizer's offers are posted once, and the SQLite ledger keeps them from being posted again
 * after a restart.
 */
class JobBoardEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void postsOffersOnceAcrossRestartsAndRefusesOthers(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild().textChannel("job-board"))) {
      // given
      DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
      Files.writeString(
          dir.resolve("config.toml"),
          "\n[job_board]\nchannel = \"#job-board\"\ncsv = \"jobs.csv\"\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
      Files.writeString(
          dir.resolve("jobs.csv"),
          "company,title,link,text\n"
              + "ACME,Python Developer,https://acme.example/dev,Remote.\n"
              + "Snake Oil,Advocate,https://snakeoil.example/adv,\n",
          StandardCharsets.UTF_8);
      Map<String, String> secrets =
          Map.of("DISCORD_BOT_TOKEN", discord.token(), "PRETIX_TOKEN", "demo-has-no-pretix");
      ConfbotConfig config = new ConfigLoader(secrets).load(dir.resolve("config.toml")).config();
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
      FakeMember olga = discord.member("olga-organizer");
      FakeMember guido = discord.member("guido");

      // when: the first run posts
      try (Confbot first = start(config, discord, tickets)) {
        assertThat(discord.commands().get("jobs")).contains("\"default_member_permissions\":\"0\"");
        assertThat(jobsPost(discord, guido)).isEqualTo(OrganizerGuard.REFUSAL);
        assertThat(discord.messages("job-board")).isEmpty();
        assertThat(jobsPost(discord, olga)).startsWith("Posted 2 job offers.");
      }
      // then
      assertThat(discord.messages("job-board"))
          .flatExtracting(FakeMessage::embeds)
          .extracting(FakeEmbed::title)
          .containsExactly("Python Developer", "Advocate");

      // when: after a restart
      try (Confbot second = start(config, discord, tickets)) {
        assertThat(jobsPost(discord, olga))
            .startsWith("Posted 0 job offers; skipped 2 already posted.");
      }
      // then
      assertThat(discord.messages("job-board")).hasSize(2);
    }
  }

  private static Confbot start(ConfbotConfig config, FakeDiscord discord, TicketSource tickets) {
    return AssembledBot.start(config, discord, tickets, Clock.systemUTC());
  }

  private static String jobsPost(FakeDiscord discord, FakeMember member) {
    FakeMessage answer =
        discord
            .runSlashCommand(member, "jobs", Map.of("post", Map.of()), "en-US")
            .awaitAnswer(WAIT)
            .orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    return answer.content();
  }
}
