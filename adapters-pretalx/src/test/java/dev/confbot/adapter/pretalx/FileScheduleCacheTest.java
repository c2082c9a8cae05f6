package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.CachedSchedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScheduleCacheTest {

  private static CachedSchedule entry(
      String payload, @org.jspecify.annotations.Nullable String etag) {
    return new CachedSchedule(
        "https://pretalx.example.org/api/events/x/schedules/latest/",
        payload,
        ScheduleRefresher.sha256(payload),
        etag,
        "Sat, 01 Jul 2023 06:12:47 GMT",
        Instant.parse("2023-07-01T06:12:47Z"));
  }

  @Test
  void loadsWhatWasSavedExactly(@TempDir Path directory) {
    // given
    FileScheduleCache cache = new FileScheduleCache(directory.resolve("state/schedule.json"));
    CachedSchedule saved = entry(Fixtures.read("europython-2023-schedule-legacy.json"), "abc");

    // when
    cache.save(saved);

    // then
    assertThat(new FileScheduleCache(directory.resolve("state/schedule.json")).load())
        .contains(saved);
  }

  @Test
  void replacesThePreviousEntry(@TempDir Path directory) {
    // given
    FileScheduleCache cache = new FileScheduleCache(directory.resolve("schedule.json"));
    cache.save(entry("{\"slots\": []}", "one"));

    // when
    cache.save(entry("  {\"slots\": [ ]}\n", null));

    // then
    assertThat(cache.load()).contains(entry("  {\"slots\": [ ]}\n", null));
  }

  @Test
  void isEmptyWithoutFile(@TempDir Path directory) {
    assertThat(new FileScheduleCache(directory.resolve("none.json")).load()).isEmpty();
  }

  @Test
  void ignoresACorruptOrTamperedFile(@TempDir Path directory) throws IOException {
    // given
    Path file = directory.resolve("schedule.json");
    FileScheduleCache cache = new FileScheduleCache(file);
    cache.save(entry("{\"slots\": []}", "one"));
    String text = Files.readString(file, StandardCharsets.UTF_8);

    // when the payload no longer matches its hash
    Files.writeString(file, text.replace("[]", "[1]"), StandardCharsets.UTF_8);

    // then
    assertThat(cache.load()).isEmpty();

    // when the file is cut
    Files.writeString(file, text.substring(0, 20), StandardCharsets.UTF_8);

    // then
    assertThat(cache.load()).isEmpty();
  }
}
