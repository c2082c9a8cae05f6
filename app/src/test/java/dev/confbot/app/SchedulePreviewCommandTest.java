package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot schedule preview} on the real EuroPython 2023 schedule (184 sessions, 84 breaks,
 * sessions starting at 51 distinct minutes; counted independently from the JSON).
 */
class SchedulePreviewCommandTest {
  private static final String SCHEDULE =
      Path.of("src/main/resources/demo/schedule.json").toString();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.commandLine(Map.of())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void plansOneMainMessagePerStartMinuteAndOneRoomMessagePerSession() {
    // when
    int exit = run("schedule", "preview", "--source", SCHEDULE, "--json");

    // then
    assertThat(exit).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(51 + 184);
    assertThat(lines.stream().filter(l -> l.contains("\"channel\":\"programme\""))).hasSize(51);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"due\":\"2023-07-17T08:25+02:00\",\"channel\":\"programme\","
                + "\"sessions\":[\"3HURZQ\"],\"embeds\":1,\"chars\":343}");
    assertThat(lines.get(1))
        .startsWith("{\"due\":\"2023-07-17T08:28+02:00\",\"channel\":\"club-a\"");
  }

  @Test
  void limitsThePlanToTheGivenWindowAndRendersReadably() {
    // when: the first conference morning's 09:25 slot
    int exit =
        run(
            "schedule",
            "preview",
            "--source",
            SCHEDULE,
            "--from",
            "2023-07-17T09:20:00+02:00",
            "--until",
            "2023-07-17T09:26:00+02:00");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("== Mon 2023-07-17 09:25 +02:00  #programme  (MAIN, 6 sessions)")
        .contains("1 messages, 6 session announcements, 268 sessions in the schedule");
  }

  @Test
  void previewsFromAConfigurationWithoutAnyTokens(@TempDir Path dir) throws IOException {
    // given: a config.toml naming the schedule, and no .secrets, no environment
    Files.copy(Path.of(SCHEDULE), dir.resolve("schedule.json"));
    Path config =
        Files.writeString(
            dir.resolve("config.toml"),
            "[discord]\nguild_id = 1120774557394014208\n"
                + "[pretix]\norganizer = \"pyconxx\"\nevent = \"2026\"\n"
                + "[schedule]\nsource = \"schedule.json\"\ntime_zone = \"Europe/Prague\"\n",
            StandardCharsets.UTF_8);

    // when
    int exit = run("schedule", "preview", "--config", config.toString(), "--json");

    // then
    assertThat(exit).as(err.toString()).isZero();
    // no room channels configured: one main message per start minute
    assertThat(out.toString().lines()).hasSize(51);
    assertThat(err.toString()).doesNotContain("DISCORD_BOT_TOKEN").doesNotContain("PRETIX_TOKEN");
  }

  @Test
  void explainsAMissingSourceOrABadInstant() {
    assertThat(run("schedule", "preview", "--config", "does-not-exist.toml")).isEqualTo(2);
    assertThat(run("schedule", "preview", "--source", SCHEDULE, "--from", "tomorrow")).isEqualTo(2);
    assertThat(run("schedule", "preview", "--source", "missing.json")).isEqualTo(1);
    assertThat(err.toString())
        .contains("expect an ISO-8601 date-time")
        .contains("could not be read")
        .doesNotContain("Exception");
  }
}
