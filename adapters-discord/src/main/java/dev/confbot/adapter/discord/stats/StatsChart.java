package dev.confbot.adapter.discord.stats;

import dev.confbot.core.stats.TimeSeries;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the {@code /stats} chart: one line per series (registrations, joins, registrations per
 * role) showing the running total over time, as a PNG for a Discord attachment. Works headless (no
 * display needed); series without points are left out, and a chart without any data says so in its
 * title.
 */
public final class StatsChart {
  /** Width of the default chart, in pixels. */
  public static final int DEFAULT_WIDTH = 1000;

  /** Height of the default chart, in pixels. */
  public static final int DEFAULT_HEIGHT = 560;

  private StatsChart() {}

  /** The chart at the default size, titled {@code title}. */
  public static byte[] png(String title, List<TimeSeries> series) {
    return png(title, series, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * The chart as PNG bytes.
   *
   * @param title the chart's title
   * @param series the series to draw (usually {@code ParticipantStats.timeline(…)}), cumulative
   * @param width image width in pixels (≥ 200)
   * @param height image height in pixels (≥ 150)
   */
  public static byte[] png(String title, List<TimeSeries> series, int width, int height) {
    if (width < 200 || height < 150) {
      throw new IllegalArgumentException("a chart needs at least 200×150 pixels");
    }
    List<TimeSeries> drawn = new ArrayList<>();
    for (TimeSeries s : series) {
      if (!s.points().isEmpty()) {
        drawn.add(s);
      }
    }
    XYChart chart =
        new XYChartBuilder()
            .width(width)
            .height(height)
            .title(drawn.isEmpty() ? title + " (no data yet)" : title)
            .xAxisTitle("Time")
            .yAxisTitle("Total")
            .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setLegendVisible(!drawn.isEmpty());
    chart.getStyler().setDatePattern(datePattern(drawn));
    chart.getStyler().setAntiAlias(true);
    if (drawn.isEmpty()) {
      chart.addSeries(" ", List.of(new Date(0)), List.of(0)).setMarker(SeriesMarkers.NONE);
    } else {
      TimeZone zone = TimeZone.getTimeZone(drawn.get(0).points().get(0).start().getZone());
      chart.getStyler().setTimezone(zone);
      for (TimeSeries s : drawn) {
        List<Date> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (TimeSeries.Point point : s.points()) {
          x.add(Date.from(point.start().toInstant()));
          y.add(point.cumulative());
        }
        chart.addSeries(s.name(), x, y).setMarker(SeriesMarkers.NONE);
      }
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding in memory failed", e);
    }
  }

  /** Days only when the points are a day or more apart, else day and time. */
  private static String datePattern(List<TimeSeries> series) {
    for (TimeSeries s : series) {
      if (s.points().size() > 1
          && s.points().get(1).start().minusHours(23).isBefore(s.points().get(0).start())) {
        return "dd MMM HH:mm";
      }
    }
    return "dd MMM";
  }
}
