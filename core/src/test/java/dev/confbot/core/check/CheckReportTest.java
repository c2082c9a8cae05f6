package dev.confbot.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {
  @Test
  void printsOneLinePerFindingWithSeverityKeyAndFix() {
    // given
    Finding finding =
        Finding.error(
            "pretix",
            "pretix.event",
            "pretix answers 404 for event \"ep2026\" of organizer \"europython\": check the slug");
    // then
    assertThat(finding.line())
        .isEqualTo(
            "error  pretix.event  pretix answers 404 for event \"ep2026\" of organizer"
                + " \"europython\": check the slug");
    assertThat(Finding.warning("pretix", "k", "a\nb").line()).isEqualTo("warn   k  a b");
  }

  @Test
  void summarisesPerSystemAndFailsOnlyOnErrors() {
    // given
    CheckReport report =
        new CheckReport(
            List.of(
                Finding.error("pretix", "PRETIX_TOKEN", "refused"),
                Finding.ok("pretalx", "schedule.source", "readable"),
                Finding.warning("discord", "discord.guild_id", "w1"),
                Finding.warning("discord", "discord.guild_id", "w2")));
    CheckReport warningsOnly =
        new CheckReport(List.of(Finding.warning("discord", "discord.guild_id", "w")));
    // then
    assertThat(report.hasErrors()).isTrue();
    assertThat(warningsOnly.hasErrors()).isFalse();
    assertThat(report.summary())
        .isEqualTo(
            "Online check: 1 error, 2 warnings (pretix: 1 error, pretalx: ok, discord: 2"
                + " warnings).");
    assertThat(report.lines()).hasSize(4);
  }
}
