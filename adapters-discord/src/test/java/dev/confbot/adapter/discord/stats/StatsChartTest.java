package dev.confbot.adapter.discord.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.stats.Granularity;
import dev.confbot.core.stats.TimeSeries;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StatsChartTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static List<TimeSeries> conferenceWeek() {
    Instant start = Instant.parse("2026-11-16T08:00:00Z");
    List<Instant> registrations = new ArrayList<>();
    List<Instant> joins = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      joins.add(start.plusSeconds(i * 2_400L));
      if (i % 3 != 0) {
        registrations.add(start.plusSeconds(i * 2_400L + 600));
      }
    }
    Map<String, List<Instant>> events = new LinkedHashMap<>();
    events.put("Registrations", registrations);
    events.put("Joins", joins);
    events.put("Registrations: Speakers", registrations.subList(0, 20));
    return TimeSeries.aligned(events, Granularity.HOUR, PRAGUE);
  }

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("decodable PNG").isNotNull();
    return image;
  }

  /** Pixels with a clear hue: the series lines (text, axes and grid are grey). */
  private static int colouredPixels(BufferedImage image) {
    int coloured = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
          coloured++;
        }
      }
    }
    return coloured;
  }

  @Test
  void drawsAPngOfTheRequestedSizeWithTheSeriesLines() throws IOException {
    // when
    byte[] png = StatsChart.png("Registrations and joins", conferenceWeek(), 800, 450);
    // then
    assertThat(png).startsWith(PNG_SIGNATURE);
    BufferedImage image = decode(png);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(450);
    int background = image.getRGB(0, 0);
    boolean differs = false;
    for (int x = 0; x < image.getWidth() && !differs; x++) {
      for (int y = 0; y < image.getHeight() && !differs; y++) {
        differs = image.getRGB(x, y) != background;
      }
    }
    assertThat(differs).as("not a blank image").isTrue();
    assertThat(colouredPixels(image)).isGreaterThan(500);
  }

  @Test
  void usesTheDefaultSize() throws IOException {
    BufferedImage image = decode(StatsChart.png("Stats", conferenceWeek()));
    assertThat(image.getWidth()).isEqualTo(StatsChart.DEFAULT_WIDTH);
    assertThat(image.getHeight()).isEqualTo(StatsChart.DEFAULT_HEIGHT);
  }

  @Test
  void drawsAnEmptyChartWithoutLinesWhenThereIsNoData() throws IOException {
    // given
    List<TimeSeries> none = List.of(new TimeSeries("Registrations", List.of()));
    // when
    BufferedImage image = decode(StatsChart.png("Stats", none, 600, 400));
    // then
    assertThat(image.getWidth()).isEqualTo(600);
    assertThat(colouredPixels(image)).isLessThan(50);
  }

  @Test
  void drawsDailySeries() throws IOException {
    // given
    List<TimeSeries> daily =
        List.of(
            TimeSeries.of(
                "Joins",
                List.of(
                    Instant.parse("2026-11-01T10:00:00Z"), Instant.parse("2026-11-05T10:00:00Z")),
                Granularity.DAY,
                PRAGUE));
    // then
    assertThat(colouredPixels(decode(StatsChart.png("Joins", daily, 600, 400)))).isGreaterThan(100);
  }

  @Test
  void refusesTinyCharts() {
    assertThatThrownBy(() -> StatsChart.png("x", List.of(), 10, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
