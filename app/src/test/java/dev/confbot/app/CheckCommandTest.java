package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CheckCommandTest {
  private static final Path EXAMPLE = Path.of("..", "config.example.toml");

  Path directory;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp(@TempDir Path directory) {
    this.directory = directory;
  }

  private int run(Map<String, String> environment, String... args) {
    return run(Main.commandLine(environment), args);
  }

  private int run(CommandLine commandLine, String... args) {
    return commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void validExampleWithSecretsFileExitsZeroAndSummarises() throws IOException {
    // given
    Path config = write("config.toml", Files.readString(EXAMPLE, StandardCharsets.UTF_8));
    write(".secrets", "DISCORD_BOT_TOKEN=dummy-discord-token\nPRETIX_TOKEN=dummy-pretix-token\n");

    // when
    int exitCode = run(Map.of(), "check", "--config", config.toString());

    // then
    assertThat(exitCode).isZero();
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .startsWith("Configuration is valid.")
        .contains(config.toString())
        .contains("DISCORD_BOT_TOKEN (.secrets), PRETIX_TOKEN (.secrets)")
        .contains("8 items and 2 variations mapped to")
        .contains("3 room channels")
        .contains("room topics show Now / Next")
        .contains("reminders 10m before")
        .contains("2 rooms, 5 links")
        .contains("https://pretix.eu/api/v1/organizers/pyconxx/events/2026/")
        .doesNotContain("dummy-discord-token")
        .doesNotContain("dummy-pretix-token");
  }

  @Test
  void secretsFromTheEnvironmentAreNamedAsSuch() throws IOException {
    // given
    Path config = write("config.toml", Files.readString(EXAMPLE, StandardCharsets.UTF_8));

    // when
    int exitCode =
        run(
            Map.of("DISCORD_BOT_TOKEN", "d", "PRETIX_TOKEN", "p"),
            "check",
            "-c",
            config.toString());

    // then
    assertThat(exitCode).isZero();
    assertThat(out.toString())
        .contains("DISCORD_BOT_TOKEN (environment), PRETIX_TOKEN (environment)");
  }

  @Test
  void brokenFileExitsTwoListingEveryProblemWithoutStackTrace() throws IOException {
    // given
    Path config =
        write(
            "config.toml",
            """
            [discord]
            guild_id = "not a number"
            [registration]
            log_chanel = "log"
            [pretix]
            organizer = "o"
            """);
    write(".secrets", "DISCORD_BOT_TOKEN=dummy\nthis line is broken\n");

    // when
    int exitCode = run(Map.of(), "check", "--config", config.toString());

    // then
    assertThat(exitCode).isEqualTo(2);
    String report = err.toString();
    assertThat(report)
        .contains("5 problems")
        .contains(directory.resolve(".secrets") + ":2: malformed line")
        .contains("discord.guild_id: expected a Discord id")
        .contains("registration.log_chanel: unknown key; did you mean \"log_channel\"?")
        .contains("pretix.event: is missing")
        .contains("pretix.token: secret PRETIX_TOKEN is not set")
        .doesNotContain("Exception")
        .doesNotContain("at dev.")
        .doesNotContain("this line is broken");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void syntaxErrorIsReportedWithFileAndLine() throws IOException {
    // given
    Path config = write("config.toml", "[discord]\nguild_id = 1\n[pretix\n");

    // when
    int exitCode = run(Map.of(), "check", "--config", config.toString());

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .contains(config + ":3: TOML syntax error")
        .doesNotContain("Exception");
  }

  @Test
  void missingFileExitsTwo() {
    // when
    int exitCode = run(Map.of(), "check", "--config", directory.resolve("nope.toml").toString());

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("nope.toml: configuration file not found");
  }

  @Test
  void unexpectedErrorsBecomeOneLineWithoutStackTrace() {
    // given
    CommandLine commandLine = Main.commandLine(Map.of()).addSubcommand("boom", new Boom());

    // when
    int exitCode = run(commandLine, "boom");

    // then
    assertThat(exitCode).isEqualTo(Main.UNEXPECTED_ERROR);
    assertThat(err.toString().strip())
        .isEqualTo(
            "confbot: boom failed unexpectedly (IllegalStateException: disk on fire). Please"
                + " report this, with the command you ran.");
  }

  @Test
  void versionAndHelpAreAvailable() {
    // when
    int version = run(Map.of(), "--version");
    int help = run(Map.of(), "--help");
    int checkHelp = run(Map.of(), "check", "--help");

    // then
    assertThat(version).isZero();
    assertThat(help).isZero();
    assertThat(checkHelp).isZero();
    assertThat(out.toString())
        .startsWith("confbot ")
        .contains("Usage: confbot")
        .contains("check")
        .contains("--config=PATH");
  }

  @Test
  void withoutCommandRunsTheBotWithConfigToml() {
    // when: no config.toml in the working directory of the tests
    int exitCode = run(Map.of());

    // then
    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString())
        .contains("config.toml is not valid")
        .contains("configuration file not found")
        .doesNotContain("Exception");
  }

  @Test
  void formatsDurationsTheWayTheyAreWritten() {
    assertThat(CheckCommand.duration(java.time.Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(CheckCommand.duration(java.time.Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(CheckCommand.duration(java.time.Duration.ofMinutes(90))).isEqualTo("1h30m");
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("disk on fire\nsecond line");
    }
  }
}
