package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.fakediscord.FakeAttachment;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.Fault;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot jobs post} on the documented example CSV: dry runs read only the ledger, a real
 * run posts to fake-discord through real JDA, and nothing is posted twice across runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsPostCommandTest {
  private static final Path EXAMPLES = Path.of("../docs/examples");
  private static final Path EXAMPLE = EXAMPLES.resolve("jobs.csv");
  private static final String CHANNEL = "job-board";

  @SuppressWarnings("NullAway.Init") // set before all tests
  private FakeDiscord discord;

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path directory;

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path config;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  void startDiscord() {
    discord =
        FakeDiscord.start(
            FakeGuild.named("PyConXX").textChannel(CHANNEL).textChannel("general").member("olga"));
  }

  @AfterAll
  void stopDiscord() {
    discord.close();
  }

  @BeforeEach
  void writeConfigAndOffers(@TempDir Path directory) throws IOException {
    this.directory = directory;
    Files.copy(EXAMPLE, directory.resolve("jobs.csv"));
    Files.createDirectories(directory.resolve("images"));
    Files.copy(EXAMPLES.resolve("images/acme.png"), directory.resolve("images/acme.png"));
    Files.copy(EXAMPLES.resolve("snakeoil.jpg"), directory.resolve("snakeoil.jpg"));
    config =
        Files.writeString(
            directory.resolve("config.toml"),
            String.join(
                "\n",
                "[discord]",
                "guild_id = " + discord.guildId(),
                "[registration.roles.items]",
                "\"Business\" = [\"Attendees\"]",
                "[pretix]",
                "base_url = \"http://127.0.0.1:9/\"",
                "organizer = \"pyconxx\"",
                "event = \"2026\"",
                "[job_board]",
                "channel = \"#" + CHANNEL + "\"",
                "csv = \"jobs.csv\"",
                "[runtime]",
                "data_dir = \"data\"",
                ""),
            StandardCharsets.UTF_8);
  }

  private int jobsPost(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> full = new ArrayList<>(List.of("jobs", "post", "--config", config.toString()));
    full.addAll(List.of(args));
    return Main.commandLine(Map.of("DISCORD_BOT_TOKEN", discord.token(), "PRETIX_TOKEN", "p"))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(full.toArray(String[]::new));
  }

  private int post() {
    return jobsPost(
        "--discord-rest-url", discord.baseUrl(), "--discord-gateway-url", discord.gatewayUrl());
  }

  @Test
  void dryRunShowsWhatWouldBePostedWithoutDiscord() {
    // given
    int before = discord.messages(CHANNEL).size();
    // when
    int exit = jobsPost("--dry-run");
    int again = jobsPost("--dry-run");
    // then
    assertThat(exit).isZero();
    assertThat(again).isZero();
    assertThat(out.toString())
        .startsWith("Dry run: would post 3 job offers.")
        .contains("+ ACME Data GmbH — Senior Python Developer (Data Platform) (would post)")
        .contains("+ Snake Oil, Inc. — Developer Advocate (would post)");
    assertThat(err.toString()).isEmpty();
    assertThat(discord.messages(CHANNEL)).hasSize(before);
  }

  @Test
  void dryRunNeedsNoTokens() {
    // when: neither DISCORD_BOT_TOKEN nor PRETIX_TOKEN is set
    out = new StringWriter();
    err = new StringWriter();
    int exit =
        Main.commandLine(Map.of())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute("jobs", "post", "--config", config.toString(), "--dry-run");

    // then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("Dry run: would post 3 job offers.");
  }

  @Test
  void postingStillNeedsTheDiscordToken() {
    // when
    err = new StringWriter();
    int exit =
        Main.commandLine(Map.of())
            .setOut(new PrintWriter(new StringWriter()))
            .setErr(new PrintWriter(err))
            .execute("jobs", "post", "--config", config.toString());

    // then
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("secret DISCORD_BOT_TOKEN is not set")
        .doesNotContain("PRETIX_TOKEN");
  }

  @Test
  void dryRunWorksOnTheDocumentedExampleWithItsImages() {
    // when
    int exit = jobsPost("--dry-run", "--csv", EXAMPLE.toString());
    // then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("Dry run: would post 3 job offers.");
  }

  @Test
  void postsEachOfferOnceAcrossRuns() throws IOException {
    // given
    int before = discord.messages(CHANNEL).size();
    // when
    int first = post();
    String firstReport = out.toString();
    // then
    assertThat(first).as(err.toString()).isZero();
    assertThat(firstReport)
        .startsWith("Posted 3 job offers.")
        .contains("+ Open Source Collective — Community Manager (part-time)");
    List<FakeMessage> posted = discord.messages(CHANNEL);
    assertThat(posted).hasSize(before + 3);
    FakeMessage acme = posted.get(before);
    assertThat(acme.embeds().get(0).authorName()).isEqualTo("ACME Data GmbH");
    assertThat(acme.embeds().get(0).url())
        .isEqualTo("https://jobs.acme-data.example/python-senior");
    assertThat(acme.attachments()).extracting(FakeAttachment::filename).containsExactly("acme.png");
    assertThat(acme.attachments().get(0).content())
        .isEqualTo(Files.readAllBytes(directory.resolve("images/acme.png")));
    assertThat(posted.get(before + 2).attachments()).isEmpty();

    // when: a dry run and a second real run
    int dry = jobsPost("--dry-run");
    String dryReport = out.toString();
    int second = post();
    // then
    assertThat(dry).isZero();
    assertThat(dryReport)
        .startsWith("Dry run: would post 0 job offers; skipped 3 already posted.")
        .contains("= Snake Oil, Inc. — Developer Advocate (posted ");
    assertThat(second).isZero();
    assertThat(out.toString()).startsWith("Posted 0 job offers; skipped 3 already posted.");
    assertThat(discord.messages(CHANNEL)).hasSize(before + 3);
  }

  @Test
  void stopsAndExitsOneWhenDiscordRefusesAPost() {
    // given
    int before = discord.messages(CHANNEL).size();
    discord.failNext("POST channels/*/messages", Fault.error(403, 50013, "Missing Permissions"));
    // when
    int exit = post();
    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("Posted 0 job offers; 3 not posted because a service failed")
        .contains(
            "! ACME Data GmbH — Senior Python Developer (Data Platform) (not posted: discord");
    assertThat(err.toString())
        .isEqualTo("confbot: job offer refused by #" + CHANNEL + ": Missing Permissions\n");
    assertThat(discord.messages(CHANNEL)).hasSize(before);
  }

  @Test
  void rejectsABrokenCsvWithEveryProblemAndItsLine() throws IOException {
    // given
    Path broken =
        Files.writeString(
            directory.resolve("broken.csv"),
            "company,title,link,text\n"
                + "ACME,Dev,https://acme.example/dev,fine\n"
                + "ACME,,ftp://acme.example/x,no title\n",
            StandardCharsets.UTF_8);
    Files.delete(directory.resolve("snakeoil.jpg"));
    // when
    int exit = jobsPost("--dry-run", "--csv", broken.toString());
    String brokenProblems = err.toString();
    int missingImage = jobsPost("--dry-run");
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(brokenProblems)
        .contains("2 problems")
        .contains("line 3, column 2")
        .contains("line 3, column 3")
        .contains("Nothing was posted");
    assertThat(missingImage).isEqualTo(Main.INVALID);
    assertThat(err.toString()).contains("line 4, column 5").contains("snakeoil.jpg");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void explainsAMissingCsvFile() {
    // when
    int exit = jobsPost("--dry-run", "--csv", directory.resolve("nope.csv").toString());
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(err.toString())
        .contains("the job offers file")
        .contains("does not exist")
        .contains("nope.csv");
  }
}
