package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyConfigTest {
  private ConfigFiles files;

  @BeforeEach
  void setUp(@TempDir Path directory) {
    files = new ConfigFiles(directory);
  }

  @Test
  void keepsPersonalDataWithoutEndByDefault() {
    // when
    ConfbotConfig config = files.load(ConfigFiles.MINIMAL);
    // then
    assertThat(config.privacy().retainedUntil()).isEmpty();
  }

  @Test
  void readsTheLastDayPersonalDataIsKept() {
    // when
    ConfbotConfig config =
        files.load(
            ConfigFiles.MINIMAL
                + "[schedule]\nconference_days = [2026-07-15, 2026-07-17]\n"
                + "[privacy]\nkeep_until = 2026-08-31\n");
    // then
    assertThat(config.privacy().retainedUntil()).contains(LocalDate.parse("2026-08-31"));
  }

  @Test
  void acceptsTheDateWrittenAsAString() {
    // when
    ConfbotConfig config =
        files.load(ConfigFiles.MINIMAL + "[privacy]\nkeep_until = \"2026-08-31\"\n");
    // then
    assertThat(config.privacy().retainedUntil()).contains(LocalDate.parse("2026-08-31"));
  }

  @Test
  void rejectsSomethingThatIsNotADateNamingTheKey() {
    // when
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> files.load(ConfigFiles.MINIMAL + "[privacy]\nkeep_until = 30\n"));
    // then
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("privacy.keep_until");
              assertThat(p.message())
                  .isEqualTo(
                      "expected the last day personal data is kept, a date such as 2026-08-31"
                          + " (not a number of days), found integer 30");
            });
  }

  @Test
  void rejectsADateBeforeTheLastConferenceDay() {
    // when
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                files.load(
                    ConfigFiles.MINIMAL
                        + "[schedule]\nconference_days = [2026-07-15, 2026-07-17]\n"
                        + "[privacy]\nkeep_until = 2026-07-16\n"));
    // then
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("privacy.keep_until");
              assertThat(p.message())
                  .isEqualTo(
                      "expected a date on or after the last conference day 2026-07-17"
                          + " (schedule.conference_days), found 2026-07-16; personal data is"
                          + " needed until the event is over");
            });
  }

  @Test
  void suggestsTheKeyForATypo() {
    // when
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> files.load(ConfigFiles.MINIMAL + "[privacy]\nkeep_untill = 2026-08-31\n"));
    // then
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("privacy.keep_untill");
              assertThat(p.message()).contains("keep_until");
            });
  }
}
