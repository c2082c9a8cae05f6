package dev.confbot.adapter.pretalx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ScheduleGeneratorTest {

  @Test
  void generatesAThousandSessionRestScheduleThatParses() {
    // when
    ParsedSchedule parsed =
        ScheduleParser.parseWithReport(ScheduleGenerator.restExpanded(1000, 42), null, "en");

    // then
    Schedule schedule = parsed.schedule();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.format()).isEqualTo(ScheduleFormat.REST_EXPANDED);
    assertThat(schedule.sessions()).filteredOn(s -> !s.isBreak()).hasSize(1000);
    assertThat(schedule.sessions()).filteredOn(Session::isBreak).hasSize(5 * 10);
    assertThat(schedule.sessions().stream().map(Session::code).filter(c -> !c.startsWith("break")))
        .doesNotHaveDuplicates();
    assertThat(schedule.sessions()).filteredOn(s -> !s.isBreak()).allMatch(s -> s.level() != null);
  }

  @Test
  void generatesTheSameTalksAsAFrabExport() {
    // when
    Schedule rest =
        ScheduleParser.parse(ScheduleGenerator.restExpanded(1000, 7), ScheduleGenerator.ZONE);
    Schedule frab = ScheduleParser.parse(ScheduleGenerator.frab(1000, 7), null);

    // then
    assertThat(frab.zone()).isEqualTo(ScheduleGenerator.ZONE);
    assertThat(frab.sessions()).hasSize(1000);
    assertThat(frab.sessions())
        .extracting(Session::code, Session::start, Session::duration)
        .containsExactlyElementsOf(
            rest.sessions().stream()
                .filter(s -> !s.isBreak())
                .map(s -> org.assertj.core.groups.Tuple.tuple(s.code(), s.start(), s.duration()))
                .toList());
    Session last = frab.sessions().get(999);
    assertThat(last.code()).isEqualTo("T00999");
    assertThat(last.start())
        .isEqualTo(ZonedDateTime.of(2025, 4, 26, 18, 30, 0, 0, ScheduleGenerator.ZONE));
    assertThat(last.duration()).isEqualTo(Duration.ofMinutes(25));
  }

  @Test
  void isDeterministicPerSeed() {
    assertThat(ScheduleGenerator.frab(50, 3)).isEqualTo(ScheduleGenerator.frab(50, 3));
    assertThat(ScheduleGenerator.restExpanded(50, 3))
        .isNotEqualTo(ScheduleGenerator.restExpanded(50, 4));
  }
}
