package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers beyond what night-config reads faithfully, and nesting deep enough to overflow its
 * recursive parser: each is one problem naming the key (or line), never a wrapped value or a
 * StackOverflowError.
 */
class ConfigNumberAndNestingTest {
  private static final String PRETIX = "[pretix]\norganizer = \"pyconxx\"\nevent = \"2026\"\n";

  Path directory;
  ConfigFiles files;

  @BeforeEach
  void setUp(@TempDir Path directory) {
    this.directory = directory;
    files = new ConfigFiles(directory);
  }

  private List<ConfigProblem> problemsOf(String toml) {
    ConfigException thrown =
        catchThrowableOfType(ConfigException.class, () -> files.loadWith(toml, ConfigFiles.TOKENS));
    assertThat(thrown).as("expected the configuration to be rejected").isNotNull();
    return thrown.problems();
  }

  @Test
  void refusesAGuildIdBeyondTheLongRangeInsteadOfWrappingIt() {
    // given: night-config would read 776627963145224192 (the value wrapped at 2^64)
    String toml = "[discord]\nguild_id = 19223372036854775808\n\n" + PRETIX;

    // when
    List<ConfigProblem> problems = problemsOf(toml);

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("discord.guild_id");
              assertThat(problem.message())
                  .contains("a Discord id")
                  .contains("found integer 19223372036854775808 (beyond the 64-bit range)");
            });
  }

  @Test
  void refusesHexAndNegativeLiteralsBeyondTheLongRange() {
    // given
    String toml =
        "[discord]\nguild_id = 0x1_0000_0000_0000_0001\n\n"
            + PRETIX
            + "requests_per_minute = -9223372036854775809\n";

    // when
    List<ConfigProblem> problems = problemsOf(toml);

    // then
    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder("discord.guild_id", "pretix.requests_per_minute");
    assertThat(problems)
        .extracting(ConfigProblem::message)
        .anyMatch(m -> m.contains("found integer 0x1_0000_0000_0000_0001 (beyond"))
        .anyMatch(
            m ->
                m.contains("expected an integer from 1 to 10000")
                    && m.contains("found integer -9223372036854775809 (beyond"));
  }

  @Test
  void refusesAnIntKeyBeyondTheIntRangeAndAWrappingOneAlike() {
    // given: 2^32 + 5 is a valid long but no int; 2^64 + 5 wrapped to 5 before the fix
    String toml =
        ConfigFiles.MINIMAL
            + "requests_per_minute = 4294967301\npage_concurrency = 18446744073709551621\n";

    // when
    List<ConfigProblem> problems = problemsOf(toml);

    // then
    assertThat(problems)
        .extracting(p -> p.path() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "pretix.requests_per_minute: expected an integer from 1 to 10000, found integer"
                + " 4294967301",
            "pretix.page_concurrency: expected an integer from 1 to 32, found integer"
                + " 18446744073709551621 (beyond the 64-bit range)");
  }

  @Test
  void keepsSnowflakesWrittenAsStringsAndLargeNumbersInsideStrings() {
    // when
    ConfbotConfig config =
        files.load(
            "[discord]\nguild_id = \"1120774557394014208\"\n\n"
                + PRETIX
                + "base_url = \"https://pretix.example/99999999999999999999999/\"\n");

    // then
    assertThat(config.discord().guildId()).isEqualTo(1120774557394014208L);
    assertThat(config.pretix().baseUrl().toString()).contains("99999999999999999999999");
  }

  @Test
  void reportsDeeplyNestedArraysAsTooDeepWithTheLine() {
    // given
    String toml =
        ConfigFiles.MINIMAL + "\n[schedule]\nrooms = " + "[".repeat(10_000) + "]".repeat(10_000);

    // when
    List<ConfigProblem> problems = problemsOf(toml);

    // then
    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo(directory.resolve("config.toml") + ":9");
              assertThat(problem.message()).startsWith("nesting too deep at line 9");
            });
  }

  @Test
  void reportsDeeplyNestedInlineTablesAndDottedTablesAsTooDeep() {
    // given
    String inline =
        ConfigFiles.MINIMAL + "x = " + "{a = ".repeat(10_000) + "1" + "}".repeat(10_000);
    String dotted = ConfigFiles.MINIMAL + "[" + "a.".repeat(10_000) + "b]\nc = 1\n";

    // then
    assertThat(problemsOf(inline))
        .singleElement()
        .extracting(ConfigProblem::message)
        .asString()
        .startsWith("nesting too deep at line 7");
    assertThat(problemsOf(dotted))
        .singleElement()
        .extracting(ConfigProblem::message)
        .asString()
        .startsWith("nesting too deep at line 7");
  }

  @Test
  void prescanLeavesStringsCommentsAndKeysAlone() {
    // given
    String text =
        "n = 99999999999999999999 # 99999999999999999999\n"
            + "s = \"99999999999999999999\"\n"
            + "m = \"\"\"\n[[[[ 99999999999999999999 \"\"\"\n"
            + "l = '''x''''\n"
            + "99999999999999999999 = 1\n"
            + "a = [1, 99999999999999999999, {k = 18446744073709551616}]\n";

    // when
    TomlPrescan.Result result = TomlPrescan.scan(text);

    // then
    assertThat(result.tooDeepAt()).isEmpty();
    String marker = "\"\\u0000" + TomlPrescan.OUT_OF_RANGE_MARKER.substring(1);
    assertThat(result.text())
        .isEqualTo(
            "n = "
                + marker
                + "99999999999999999999\" # 99999999999999999999\n"
                + "s = \"99999999999999999999\"\n"
                + "m = \"\"\"\n[[[[ 99999999999999999999 \"\"\"\n"
                + "l = '''x''''\n"
                + "99999999999999999999 = 1\n"
                + "a = [1, "
                + marker
                + "99999999999999999999\", {k = "
                + marker
                + "18446744073709551616\"}]\n");
  }
}
