package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {
  Path directory;
  ConfigFiles files;

  @BeforeEach
  void setUp(@TempDir Path directory) {
    this.directory = directory;
    files = new ConfigFiles(directory);
  }

  private List<ConfigProblem> problemsOf(String toml, Map<String, String> environment) {
    ConfigException thrown =
        catchThrowableOfType(ConfigException.class, () -> files.loadWith(toml, environment));
    assertThat(thrown).as("expected the configuration to be rejected").isNotNull();
    return thrown.problems();
  }

  private List<ConfigProblem> problemsOf(String toml) {
    return problemsOf(toml, ConfigFiles.TOKENS);
  }

  @Test
  void syntaxErrorNamesFileAndLine() {
    // when
    List<ConfigProblem> problems =
        problemsOf("[discord]\nguild_id = 1\n\n[pretix]\norganizer = \n");

    // then
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo(directory.resolve("config.toml") + ":5");
    assertThat(problems.get(0).message()).startsWith("TOML syntax error");
  }

  @Test
  void syntaxErrorInTheLocalFileIsReportedWithItsName() {
    // given
    files.write("config.local.toml", "ok = 1\n\n\nbroken key = 2\n");

    // when
    List<ConfigProblem> problems = problemsOf(ConfigFiles.MINIMAL);

    // then
    assertThat(problems)
        .singleElement()
        .extracting(ConfigProblem::path)
        .isEqualTo(directory.resolve("config.local.toml") + ":4");
  }

  @Test
  void duplicateKeyIsASyntaxErrorOnItsLine() {
    // when
    List<ConfigProblem> problems = problemsOf("a = 1\n\n\na = 2\n");

    // then
    assertThat(problems.get(0).path()).endsWith("config.toml:4");
    assertThat(problems.get(0).message()).contains("defined twice");
  }

  @Test
  void wrongTypeNamesPathExpectationAndFoundValue() {
    // when
    List<ConfigProblem> problems =
        problemsOf(
            ConfigFiles.MINIMAL
                + "[registration.failed_attempts]\nmax = \"five\"\nwindow = 10\n"
                + "[runtime]\nhttp_port = 70000\n");

    // then
    assertThat(problems)
        .containsExactlyInAnyOrder(
            new ConfigProblem(
                "registration.failed_attempts.max",
                "expected an integer from 1 to 1000, found string \"five\""),
            new ConfigProblem(
                "registration.failed_attempts.window",
                "expected " + Converters.DURATION_EXPECTED + ", found integer 10"),
            new ConfigProblem(
                "runtime.http_port", "expected an integer from 1 to 65535, found integer 70000"));
  }

  @Test
  void unknownKeyGetsADidYouMeanSuggestion() {
    // when
    List<ConfigProblem> problems =
        problemsOf(
            ConfigFiles.MINIMAL
                + "[registration]\nlog_chanel = \"log\"\n[notification]\nmain_channel = \"x\"\n");

    // then
    assertThat(problems)
        .containsExactlyInAnyOrder(
            new ConfigProblem(
                "registration.log_chanel", "unknown key; did you mean \"log_channel\"?"),
            new ConfigProblem("notification", "unknown key; did you mean \"notifications\"?"));
  }

  @Test
  void roomTopicsMustBeTrueOrFalse() {
    // when
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL + "[notifications]\nroom_topics = \"yes\"\n");

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("notifications.room_topics");
              assertThat(p.message()).contains("true or false");
            });
  }

  @Test
  void unknownKeyFarFromAnyKnownKeyListsTheKnownKeys() {
    // when
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL + "[registration.failed_attempts]\ncompletely_else = 1\n");

    // then
    assertThat(problems)
        .singleElement()
        .isEqualTo(
            new ConfigProblem(
                "registration.failed_attempts.completely_else",
                "unknown key; known keys here: max, window"));
  }

  @Test
  void missingSecretsNameTheKeyAndTheSecret() {
    // when
    List<ConfigProblem> problems = problemsOf(ConfigFiles.MINIMAL, Map.of());

    // then
    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactly("discord.token", "pretix.token");
    assertThat(problems.get(0).message()).contains("DISCORD_BOT_TOKEN").contains(".secrets");
    assertThat(problems.get(1).message()).contains("PRETIX_TOKEN");
  }

  @Test
  void unresolvedReferenceNamesTheKeyAndTheSecret() {
    // when
    List<ConfigProblem> problems =
        problemsOf(
            ConfigFiles.MINIMAL
                + "[notifications.room_webhooks]\n\"Club A\" = \"${WEBHOOK_CLUB_A}\"\n");

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("notifications.room_webhooks.\"Club A\"");
              assertThat(p.message()).contains("secret WEBHOOK_CLUB_A is not set");
            });
  }

  @Test
  void invalidSecretValueIsReportedWithoutTheValue() {
    // given
    Map<String, String> environment =
        Map.of("DISCORD_BOT_TOKEN", "t", "PRETIX_TOKEN", "t", "HOOK", "not-a-url-but-secret-value");

    // when
    List<ConfigProblem> problems =
        problemsOf(
            ConfigFiles.MINIMAL + "[notifications]\nmain_webhook = \"${HOOK}\"\n", environment);

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("notifications.main_webhook");
              assertThat(p.message()).contains("${HOOK}").doesNotContain("secret-value");
            });
  }

  @Test
  void secretResolvingToAnUnusableValueIsAProblemNotACrash() {
    // given
    Map<String, String> environment =
        Map.of("DISCORD_BOT_TOKEN", "t", "PRETIX_TOKEN", "t", "CHANNEL", "#");

    // when
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL + "[registration]\nchannel = \"${CHANNEL}\"\n", environment);

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).endsWith("config.toml");
              assertThat(p.message()).contains("channel reference must not be blank");
            });
  }

  @Test
  void tokenInTheTomlFileIsRefused() {
    // when
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL.replace("[pretix]\n", "[pretix]\ntoken = \"abc\"\n"));

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("pretix.token");
              assertThat(p.message()).contains("PRETIX_TOKEN").doesNotContain("abc");
            });
  }

  @Test
  void requiredKeysAreReported() {
    // when
    List<ConfigProblem> problems = problemsOf("[discord]\n[pretix]\n");

    // then
    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactly("discord.guild_id", "pretix.organizer", "pretix.event");
  }

  @Test
  void malformedSecretsLineIsReportedWithItsLineButNeverItsValue() {
    // given
    files.write(
        ".secrets",
        "DISCORD_BOT_TOKEN=ok\n\nthis-is-the-secret-token\nPRETIX_TOKEN=\"unterminated-secret\n");

    // when
    List<ConfigProblem> problems = problemsOf(ConfigFiles.MINIMAL, Map.of());

    // then
    assertThat(problems.get(0).path()).isEqualTo(directory.resolve(".secrets") + ":3");
    assertThat(problems.get(1).path())
        .isEqualTo(directory.resolve(".secrets") + ":4 (PRETIX_TOKEN)");
    assertThat(problems.toString())
        .doesNotContain("this-is-the-secret-token")
        .doesNotContain("unterminated-secret");
  }

  @Test
  void everyProblemIsCollectedBeforeFailing() {
    // given
    String toml =
        "[discord]\nguild_id = \"abc\"\nmessage_content_intent = \"yes\"\n"
            + "[registration]\non_cancel = \"delete\"\nallowed_order_states = [\"paid\", \"gone\"]\n"
            + "[registration.extra_roles]\n\"not a code!\" = [\"Sponsors\"]\n"
            + "[pretix]\norganizer = \"o\"\nevent = \"e\"\nbase_url = \"https://pretix.eu/api/v1/\"\n"
            + "requests_per_minute = 0\n"
            + "[schedule]\ntime_zone = \"Mars/Olympus\"\nsource = \"ftp://x/y\"\n"
            + "[notifications]\nsession_url_template = \"https://x.org/{id}\"\n"
            + "[livestreams.\"Club A\"]\n\"day one\" = \"https://s.org/1\"\n"
            + "[attendee]\ndefault_language = \"English\"\n"
            + "[runtime]\nlog_format = \"xml\"\n[runtime.simulated_clock]\nspeed = -1\n"
            + "[[setup.roles]]\ncolour = \"blue\"\n";

    // when
    List<ConfigProblem> problems = problemsOf(toml);

    // then
    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "discord.guild_id",
            "discord.message_content_intent",
            "registration.on_cancel",
            "registration.allowed_order_states[1]",
            "registration.extra_roles.\"not a code!\"",
            "pretix.base_url",
            "pretix.requests_per_minute",
            "schedule.time_zone",
            "schedule.source",
            "notifications.session_url_template",
            "livestreams.\"Club A\".\"day one\"",
            "attendee.default_language",
            "runtime.log_format",
            "runtime.simulated_clock.start",
            "runtime.simulated_clock.speed",
            "setup.roles[0].name",
            "setup.roles[0].colour");
    assertThat(new ConfigException(problems).getMessage())
        .startsWith(problems.size() + " problems in the configuration:")
        .contains(
            "registration.on_cancel: expected one of \"revoke\", \"alert\", found string \"delete\"");
  }

  @Test
  void misspeltChoiceGetsADidYouMeanSuggestion() {
    // when
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL + "[registration]\non_cancel = \"revok\"\n");

    // then
    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "registration.on_cancel",
                "expected one of \"revoke\", \"alert\", found string \"revok\"; did you mean"
                    + " \"revoke\"?"));
  }

  @Test
  void tableWhereAValueIsExpectedIsAMismatch() {
    // when
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL + "[registration]\nchannel = { name = \"x\" }\nroles = 3\n");

    // then
    assertThat(problems)
        .containsExactly(
            new ConfigProblem(
                "registration.channel", "expected a channel name or id, found a table"),
            new ConfigProblem("registration.roles", "expected a table, found integer 3"));
  }
}
