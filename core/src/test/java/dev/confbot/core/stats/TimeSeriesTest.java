package dev.confbot.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  @Test
  void fillsEmptyHoursBetweenFirstAndLastEvent() {
    // given
    List<Instant> events =
        List.of(
            Instant.parse("2026-11-20T10:15:00Z"),
            Instant.parse("2026-11-20T10:45:00Z"),
            Instant.parse("2026-11-20T13:00:00Z"));
    // when
    TimeSeries series = TimeSeries.of("Joins", events, Granularity.HOUR, ZoneOffset.UTC);
    // then
    assertThat(series.points()).extracting(TimeSeries.Point::count).containsExactly(2, 0, 0, 1);
    assertThat(series.points())
        .extracting(TimeSeries.Point::cumulative)
        .containsExactly(2, 2, 2, 3);
  }

  @Test
  void countsDaysInTheEventZoneAcrossADaylightSavingChange() {
    // given: Prague leaves summer time on 25 Oct 2026, a 25-hour day from 22:00Z to 23:00Z
    List<Instant> events =
        List.of(Instant.parse("2026-10-24T22:30:00Z"), Instant.parse("2026-10-25T22:30:00Z"));
    // when
    TimeSeries series = TimeSeries.of("Joins", events, Granularity.DAY, PRAGUE);
    // then
    assertThat(series.points())
        .extracting(p -> p.start().toLocalDate().toString())
        .containsExactly("2026-10-25");
    assertThat(series.points()).extracting(TimeSeries.Point::count).containsExactly(2);
  }

  @Test
  void countsHoursOnceEachAcrossADaylightSavingChange() {
    // given: 00:30 UTC and 01:30 UTC on 25 Oct 2026 are both 02:30 local time in Prague
    List<Instant> events =
        List.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"));
    // when
    TimeSeries series = TimeSeries.of("Joins", events, Granularity.HOUR, PRAGUE);
    // then
    assertThat(series.points()).extracting(TimeSeries.Point::count).containsExactly(1, 1);
  }

  @Test
  void choosesHoursForUpToThreeDaysAndDaysBeyond() {
    assertThat(Granularity.forSpan(Duration.ofHours(5))).isEqualTo(Granularity.HOUR);
    assertThat(Granularity.forSpan(Duration.ofDays(3))).isEqualTo(Granularity.HOUR);
    assertThat(Granularity.forSpan(Duration.ofDays(3).plusSeconds(1))).isEqualTo(Granularity.DAY);
  }

  @Test
  void isEmptyWithoutEvents() {
    assertThat(TimeSeries.of("Joins", List.of(), Granularity.DAY, PRAGUE).points()).isEmpty();
  }

  @Property(tries = 300)
  void neitherLosesNorInventsEvents(
      @ForAll @Size(max = 60) List<@LongRange(min = 0, max = 2_000_000) Long> offsetsInMinutes,
      @ForAll Granularity granularity) {
    // given
    List<Instant> events = new ArrayList<>();
    Instant base = Instant.parse("2026-03-01T00:00:00Z");
    offsetsInMinutes.forEach(m -> events.add(base.plusSeconds(m * 60)));
    // when
    TimeSeries series = TimeSeries.of("x", events, granularity, PRAGUE);
    // then
    int total = series.points().stream().mapToInt(TimeSeries.Point::count).sum();
    assertThat(total).isEqualTo(events.size());
    for (int i = 1; i < series.points().size(); i++) {
      assertThat(series.points().get(i).start()).isAfter(series.points().get(i - 1).start());
    }
    if (!events.isEmpty()) {
      assertThat(series.points().get(series.points().size() - 1).cumulative())
          .isEqualTo(events.size());
    }
  }
}
