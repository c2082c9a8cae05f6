package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.testing.TestClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScheduleSourceTest {

  private final TestClock clock = new TestClock(Instant.parse("2025-04-20T08:00:00Z"));
  private final RecordingAudit audit = new RecordingAudit();
  private final InMemoryScheduleCache cache = new InMemoryScheduleCache();

  private FileScheduleSource source(Path file) {
    return FileScheduleSource.create(PretalxSettings.of(file.toString()), clock, audit, cache);
  }

  @Test
  void readsAFrabFileAndParsesItAgainOnlyWhenItChanges(@TempDir Path directory) throws IOException {
    // given: after the conference, so that the file losing its talks is no suspicious shrink
    clock.set(Instant.parse("2025-04-25T08:00:00Z"));
    Path file = directory.resolve("schedule.json");
    Files.writeString(file, Fixtures.read("pyconfx-2025-frab.json"), StandardCharsets.UTF_8);
    FileScheduleSource source = source(file);

    // when
    Schedule first = source.fetch();
    Schedule unchanged = source.fetch();
    clock.advance(Duration.ofMinutes(5));
    Files.writeString(file, Fixtures.read("pretalx-one-break.json"), StandardCharsets.UTF_8);
    Schedule changed = source.fetch();

    // then
    assertThat(first.sessions()).hasSize(6);
    assertThat(unchanged).isSameAs(first);
    assertThat(changed.sessions()).extracting(Session::isBreak).containsExactly(true);
    assertThat(source.status().orElseThrow().format()).isEqualTo(ScheduleFormat.REST_EXPANDED);
    assertThat(source.lastChange()).contains(Instant.parse("2025-04-25T08:05:00Z"));
    assertThat(source.revision())
        .contains(ScheduleRefresher.sha256(Fixtures.read("pretalx-one-break.json")));
  }

  @Test
  void tellsTheScheduleThePreviousRunLeftInForce(@TempDir Path directory) throws IOException {
    // given: a previous run saved the frab schedule in the cache, then the file changed
    clock.set(Instant.parse("2025-04-25T08:00:00Z"));
    Path file = directory.resolve("schedule.json");
    Files.writeString(file, Fixtures.read("pyconfx-2025-frab.json"), StandardCharsets.UTF_8);
    Schedule before = source(file).fetch();
    Files.writeString(file, Fixtures.read("pretalx-one-session.json"), StandardCharsets.UTF_8);
    // when: this run's source fetches for the first time
    FileScheduleSource restarted = source(file);
    Optional<Schedule> unknownYet = restarted.previousRun();
    Schedule now = restarted.fetch();
    // then
    assertThat(unknownYet).isEmpty();
    assertThat(restarted.previousRun()).contains(before);
    assertThat(now).isNotEqualTo(before);
    assertThat(source(directory.resolve("other.json")).previousRun()).isEmpty();
  }

  @Test
  void holdsBackAFileThatSuddenlyLosesItsTalks(@TempDir Path directory) throws IOException {
    // given: five days before the conference
    Path file = directory.resolve("schedule.json");
    Files.writeString(file, Fixtures.read("pyconfx-2025-frab.json"), StandardCharsets.UTF_8);
    FileScheduleSource source = source(file);
    Schedule full = source.fetch();
    // when: the file is overwritten with a schedule holding only a break
    clock.advance(Duration.ofMinutes(5));
    Files.writeString(file, Fixtures.read("pretalx-one-break.json"), StandardCharsets.UTF_8);
    Schedule after = source.fetch();
    // then
    assertThat(after).isSameAs(full);
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .contains("drops 6 of the 6 upcoming sessions (0 sessions left)");
  }

  @Test
  void keepsTheLastGoodScheduleWhenTheFileDisappears(@TempDir Path directory) throws IOException {
    // given
    Path file = directory.resolve("schedule.json");
    Files.writeString(file, Fixtures.read("pretalx-one-session.json"), StandardCharsets.UTF_8);
    FileScheduleSource source = source(file);
    Schedule good = source.fetch();
    Files.delete(file);

    // when
    Schedule after = source.fetch();
    source.fetch();

    // then
    assertThat(after).isSameAs(good);
    assertThat(audit.alerts())
        .singleElement()
        .asString()
        .startsWith("pretalx: schedule file not found: " + file);
  }

  @Test
  void explainsAMissingFile(@TempDir Path directory) {
    // given
    Path missing = directory.resolve("nope.json");

    // then
    assertThatThrownBy(source(missing)::fetch)
        .isInstanceOf(GatewayException.class)
        .hasMessage("pretalx: schedule file not found: " + missing);
  }

  @Test
  void explainsAFileThatIsNotText(@TempDir Path directory) throws IOException {
    // given
    Path binary = directory.resolve("schedule.json");
    Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});

    // then
    assertThatThrownBy(source(binary)::fetch)
        .isInstanceOf(GatewayException.class)
        .hasMessage("pretalx: schedule file is not UTF-8 text: " + binary);
  }
}
