package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Schedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleSourcesTest {

  @Test
  void readsAScheduleOnceWithoutWritingAnythingBesideIt(@TempDir Path directory)
      throws IOException {
    // given
    Path file = directory.resolve("schedule.json");
    Files.writeString(file, Fixtures.read("pyconfx-2025-frab.json"), StandardCharsets.UTF_8);

    // when
    Schedule schedule =
        ScheduleSources.readOnce(
            PretalxSettings.of(file.toString()), new OkHttpClient(), Clock.systemUTC());

    // then
    assertThat(schedule.sessions()).hasSize(6);
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void saysWhyAScheduleCannotBeRead(@TempDir Path directory) {
    // given
    Path missing = directory.resolve("missing.json");

    // when / then
    assertThatThrownBy(
            () ->
                ScheduleSources.readOnce(
                    PretalxSettings.of(missing.toString()), new OkHttpClient(), Clock.systemUTC()))
        .isInstanceOf(GatewayException.class)
        .hasMessageContaining("missing.json");
  }
}
