package dev.confbot.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.notify.PlannedNotification.Kind;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class NotificationRendererPropertyTest {

  private final NotificationRenderer renderer =
      new NotificationRenderer(
          NotificationSettings.defaults()
              .withRoomChannels(Map.of("r0", "room-zero"))
              .withUrlTemplates("https://ep.example/{code}/{slug}", "https://qa.example/{code}"));

  @Property(tries = 50)
  void everySessionIsRenderedOnceAndEveryMessageIsWithinDiscordLimits(
      @ForAll @Size(min = 1, max = 30) List<@From("texts") String> titles,
      @ForAll("texts") String abstractText,
      @ForAll @IntRange(min = 0, max = 20) int speakers) {
    // given
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      List<String> names = new ArrayList<>();
      for (int s = 0; s < speakers; s++) {
        names.add(titles.get((i + s) % titles.size()));
      }
      sessions.add(
          new Session(
              "C" + i,
              titles.get(i),
              names,
              abstractText,
              Sessions.at("2023-07-19T10:30"),
              Duration.ofMinutes(30),
              new Room("r" + i, "r" + (i % 3)),
              abstractText,
              "Talk",
              titles.get(i),
              "en",
              null,
              false));
    }
    PlannedNotification notification =
        new PlannedNotification(
            Kind.MAIN,
            "programme",
            sessions.get(0).startInstant(),
            sessions.get(0).startInstant(),
            sessions);
    // when
    List<RenderedMessage> messages = renderer.render(notification);
    // then
    NotificationRendererTest.assertWithinLimits(messages);
    assertThat(messages.stream().flatMap(m -> m.sessions().stream()).toList())
        .containsExactlyElementsOf(sessions);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(0).ofMaxLength(30),
        Arbitraries.strings().withChars("ab \n*_😀").ofMinLength(0).ofMaxLength(1500),
        Arbitraries.strings().alpha().ofMinLength(300).ofMaxLength(3000));
  }
}
