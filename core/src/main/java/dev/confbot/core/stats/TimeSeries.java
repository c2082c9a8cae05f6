package dev.confbot.core.stats;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of events per bucket (hour or day in the event's zone), with no gaps between the first and
 * the last bucket.
 *
 * @param name what is counted, e.g. {@code Registrations}
 * @param points one per bucket, in time order
 */
public record TimeSeries(String name, List<TimeSeries.Point> points) {
  public TimeSeries {
    points = List.copyOf(points);
  }

  /**
   * One bucket.
   *
   * @param start the bucket's start in the event's zone
   * @param count events in the bucket
   * @param cumulative events up to the end of the bucket
   */
  public record Point(ZonedDateTime start, int count, int cumulative) {}

  /**
   * Events counted per bucket from the first event's bucket to the last's; empty without events.
   */
  public static TimeSeries of(
      String name, List<Instant> events, Granularity granularity, ZoneId zone) {
    return aligned(Map.of(name, events), granularity, zone).get(0);
  }

  /**
   * Several series over the same buckets (from the earliest to the latest event of any of them), so
   * that they can share a chart's axis. Series keep the map's iteration order; all are empty when
   * there are no events at all.
   */
  public static List<TimeSeries> aligned(
      Map<String, List<Instant>> events, Granularity granularity, ZoneId zone) {
    Instant first = null;
    Instant last = null;
    for (List<Instant> list : events.values()) {
      for (Instant instant : list) {
        first = first == null || instant.isBefore(first) ? instant : first;
        last = last == null || instant.isAfter(last) ? instant : last;
      }
    }
    List<TimeSeries> result = new ArrayList<>();
    for (Map.Entry<String, List<Instant>> entry : events.entrySet()) {
      List<Point> points = new ArrayList<>();
      if (first != null && last != null) {
        Map<ZonedDateTime, Integer> counts = new LinkedHashMap<>();
        for (Instant instant : entry.getValue()) {
          counts.merge(granularity.start(instant.atZone(zone)), 1, Integer::sum);
        }
        ZonedDateTime end = granularity.start(last.atZone(zone));
        int cumulative = 0;
        for (ZonedDateTime start = granularity.start(first.atZone(zone));
            !start.isAfter(end);
            start = granularity.next(start)) {
          int count = counts.getOrDefault(start, 0);
          cumulative += count;
          points.add(new Point(start, count, cumulative));
        }
      }
      result.add(new TimeSeries(entry.getKey(), points));
    }
    return List.copyOf(result);
  }
}
