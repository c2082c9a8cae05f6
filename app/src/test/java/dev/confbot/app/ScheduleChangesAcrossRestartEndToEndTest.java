package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.port.TicketSource;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The programme changes while the bot is down (real JDA, fake-discord, the demo's EuroPython
 * schedule file and SQLite data directory): the restarted bot compares the first schedule it reads
 * with the one it left in force (the schedule cache) and announces the move, the room change, the
 * new title and the new speaker in the updates channel, once each.
 */
class ScheduleChangesAcrossRestartEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String START = "2023-07-19T10:39:00+02:00";
  private static final String UPDATES = "programme";

  @Test
  void announcesWhatChangedWhileTheBotWasDown(@TempDir Path dir) throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(DemoCommand.guild())) {
      ConfbotConfig config = config(dir, discord);
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
      // given: a first run read the schedule, and stopped
      try (Confbot bot = AssembledBot.startAt(config, discord, tickets, Clock.systemUTC(), START)) {
        await(() -> bot.lastScheduleRefresh().isPresent());
      }
      assertThat(changeLines(discord)).isEmpty();
      // when: meanwhile one afternoon talk moves an hour, one changes room, one gets a new title
      // and speaker; then the bot starts again on the same data directory
      Path schedule = dir.resolve("schedule.json");
      String json = Files.readString(schedule, StandardCharsets.UTF_8);
      json =
          inSlotOf(
              json,
              "LQZ7BP",
              "\"start\":\"2023-07-19T15:30:00+02:00\",\"end\":\"2023-07-19T16:00:00+02:00\"",
              "\"start\":\"2023-07-19T16:30:00+02:00\",\"end\":\"2023-07-19T17:00:00+02:00\"");
      json =
          inSlotOf(
              json, "AG7JR9", "\"room\":{\"en\":\"North Hall\"}", "\"room\":{\"en\":\"Club A\"}");
      json = inSessionOf(json, "NLZZBQ", "Polars vs Pandas - what's the difference?", "Polars 1.0");
      json = inSessionOf(json, "NLZZBQ", "\"name\":\"Cheuk Ting Ho\"", "\"name\":\"Ada Lovelace\"");
      Files.writeString(schedule, json, StandardCharsets.UTF_8);
      try (Confbot bot = AssembledBot.startAt(config, discord, tickets, Clock.systemUTC(), START)) {
        // then
        await(() -> changeLines(discord).size() >= 3);
        List<String> lines = changeLines(discord);
        assertThat(lines)
            .anySatisfy(
                l ->
                    assertThat(l)
                        .startsWith("📅 Moved: **Interactive, animated reports")
                        .contains("in Terrace 2B (was "));
        assertThat(lines)
            .anySatisfy(
                l ->
                    assertThat(l)
                        .startsWith("📅 Moved: **From Algorithms to Agendas")
                        .contains("in Club A (was ")
                        .contains("in North Hall)"));
        assertThat(lines)
            .anySatisfy(
                l ->
                    assertThat(l)
                        .startsWith("✏️ Changed: **Polars 1.0**")
                        .contains("title was “Polars vs Pandas - what's the difference?”")
                        .contains("speakers now Ada Lovelace (was Cheuk Ting Ho)"));
        assertThat(lines).hasSize(3);
      }
      // and a further restart with nothing changed announces nothing again
      try (Confbot bot = AssembledBot.startAt(config, discord, tickets, Clock.systemUTC(), START)) {
        await(() -> bot.lastScheduleRefresh().isPresent());
        assertThat(changeLines(discord)).hasSize(3);
      }
    }
  }

  /** The demo's files with the schedule updates announced in #programme. */
  private static ConfbotConfig config(Path dir, FakeDiscord discord) throws IOException {
    DemoCommand.writeFiles(dir, discord.guildId(), discord.token());
    Path file = dir.resolve("config.toml");
    String demo = Files.readString(file, StandardCharsets.UTF_8);
    String wired =
        demo.replace(
            "[notifications]\n",
            "[notifications]\nschedule_updates_channel = \"" + UPDATES + "\"\n");
    assertThat(wired).isNotEqualTo(demo);
    Files.writeString(file, wired, StandardCharsets.UTF_8);
    return new ConfigLoader(
            Map.of("DISCORD_BOT_TOKEN", discord.token(), "PRETIX_TOKEN", "demo-has-no-pretix"))
        .load(file)
        .config();
  }

  private static List<String> changeLines(FakeDiscord discord) {
    return discord.messages(UPDATES).stream()
        .map(FakeMessage::content)
        .filter(c -> c.startsWith("📅") || c.startsWith("✏️") || c.startsWith("❌"))
        .toList();
  }

  /** Replaces {@code from} in the slot of one session (the first occurrence after its code). */
  private static String inSlotOf(String json, String code, String from, String to) {
    int session = json.indexOf("\"code\":\"" + code + "\"");
    int slot = json.indexOf("\"slot\":", session);
    return replaceAfter(json, slot, from, to);
  }

  /** Replaces {@code from} in one session's own fields (before its slot). */
  private static String inSessionOf(String json, String code, String from, String to) {
    int session = json.indexOf("\"code\":\"" + code + "\"");
    int at = json.indexOf(from, session);
    assertThat(at).isBetween(session, json.indexOf("\"slot\":", session));
    return replaceAfter(json, session, from, to);
  }

  private static String replaceAfter(String json, int start, String from, String to) {
    assertThat(start).isNotNegative();
    int at = json.indexOf(from, start);
    assertThat(at).as(from).isGreaterThan(start);
    return json.substring(0, at) + to + json.substring(at + from.length());
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
