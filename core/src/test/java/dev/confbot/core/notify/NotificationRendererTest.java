package dev.confbot.core.notify;

import static dev.confbot.core.notify.Sessions.FORUM;
import static dev.confbot.core.notify.Sessions.SOUTH;
import static dev.confbot.core.notify.Sessions.TERRACE;
import static dev.confbot.core.notify.Sessions.at;
import static dev.confbot.core.notify.Sessions.movedTo;
import static dev.confbot.core.notify.Sessions.talk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.Embed;
import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.notify.NotificationSettings.ColourBy;
import dev.confbot.core.notify.PlannedNotification.Kind;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.ScheduleChange;
import dev.confbot.core.schedule.Session;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NotificationRendererTest {

  private static final String LONG_ABSTRACT =
      "Python's asyncio lets you write concurrent code with async and await. In this talk we"
          + " look at how the event loop schedules tasks, why blocking calls hurt, and how to"
          + " find them with the debug mode, and we finish with a tour of TaskGroups and"
          + " structured concurrency in Python 3.11 and later.";

  private static final NotificationSettings SETTINGS =
      NotificationSettings.defaults()
          .withRoomChannels(Map.of("Forum Hall", "forum-hall", "Terrace 2A", "1122334455667788"))
          .withLivestreams(
              Map.of("Forum Hall", Map.of(LocalDate.of(2023, 7, 19), "https://live.example/forum")))
          .withUrlTemplates(
              "https://ep2023.example/session/{code}/{slug}", "https://qa.example/{room}/{code}");

  private final NotificationRenderer renderer = new NotificationRenderer(SETTINGS);

  @Test
  void rendersASessionCardWithEveryDetail() {
    // given
    Session session =
        new Session(
            "KXDL9Q",
            "Asyncio: under the hood",
            List.of("Ada Lovelace", "Guido"),
            LONG_ABSTRACT,
            at("2023-07-19T10:30"),
            Duration.ofMinutes(45),
            FORUM,
            "Python internals",
            "Talk",
            "advanced",
            "en",
            "https://pretalx.example/talk/KXDL9Q",
            false);
    // when
    Embed embed = renderer.embed(session);
    // then
    assertThat(embed.title()).isEqualTo("Asyncio: under the hood");
    assertThat(embed.url())
        .isEqualTo("https://ep2023.example/session/KXDL9Q/asyncio-under-the-hood");
    assertThat(embed.description()).startsWith("*by Ada Lovelace, Guido*\n\nPython's asyncio");
    String abstractPart = embed.description().substring(embed.description().indexOf("\n\n") + 2);
    assertThat(abstractPart).hasSizeLessThanOrEqualTo(200).endsWith("…");
    assertThat(abstractPart)
        .isEqualTo(
            "Python's asyncio lets you write concurrent code with async and await. In this talk we"
                + " look at how the event loop schedules tasks, why blocking calls hurt, and how to"
                + " find them with the debug mode…");
    assertThat(embed.colour()).isEqualTo(0xED4245);
    assertThat(embed.footer()).isEqualTo("Wed 19 Jul, 10:30 local time (Europe/Prague)");
    long unix = Instant.parse("2023-07-19T08:30:00Z").getEpochSecond();
    assertThat(fields(embed))
        .containsEntry("Start", "<t:" + unix + ":t>")
        .containsEntry("Room", "Forum Hall · #forum-hall")
        .containsEntry("Track", "Python internals")
        .containsEntry("Level", "Advanced")
        .containsEntry("Duration", "45 min")
        .containsEntry("Livestream", "[Watch live](https://live.example/forum)")
        .containsEntry("Q&A", "[Ask a question](https://qa.example/forum-hall/KXDL9Q)");
  }

  @Test
  void mentionsRoomChannelsGivenById() {
    // when
    Embed embed = renderer.embed(talk("A", at("2023-07-19T10:30"), TERRACE));
    // then
    assertThat(fields(embed)).containsEntry("Room", "Terrace 2A · <#1122334455667788>");
  }

  @Test
  void leavesOutWhatTheSessionOrTheSettingsDoNotHave() {
    // given: no livestream on that day, no Q&A template, no level or track
    Session bare =
        new Session(
            "B",
            "Lightning talks",
            List.of(),
            "",
            at("2023-07-20T17:00"),
            Duration.ZERO,
            SOUTH,
            null,
            null,
            null,
            null,
            null,
            false);
    // when
    Embed embed = new NotificationRenderer(NotificationSettings.defaults()).embed(bare);
    // then
    assertThat(fields(embed)).containsOnlyKeys("Start", "Room");
    assertThat(fields(embed)).containsEntry("Room", "South Hall 2B");
    assertThat(embed.url()).isNull();
    assertThat(embed.description()).isEmpty();
    assertThat(embed.colour()).isEqualTo(0x5865F2);
  }

  @Test
  void usesTheScheduleUrlWithoutATemplate() {
    // when
    Embed embed =
        new NotificationRenderer(NotificationSettings.defaults())
            .embed(talk("A", at("2023-07-19T10:30"), FORUM));
    // then
    assertThat(embed.url()).isEqualTo("https://ep.example/talk/A");
  }

  @Test
  void leavesOutOnlyTheLinksDiscordWouldRefuse() {
    // given: pretalx gave a relative session URL, the livestream link has a space, the Q&A
    // template fills to something that is no http(s) URL
    Session relative =
        new Session(
            "A",
            "Talk A",
            List.of("Speaker A"),
            "About A.",
            at("2023-07-19T10:30"),
            Duration.ofMinutes(30),
            FORUM,
            null,
            null,
            null,
            null,
            "/ep2023/talk/A/",
            false);
    NotificationSettings broken =
        NotificationSettings.defaults()
            .withLivestreams(
                Map.of("Forum Hall", Map.of(LocalDate.of(2023, 7, 19), "https://live.example/a b")))
            .withUrlTemplates(null, "qa.example/{code}");
    // when
    Embed embed = new NotificationRenderer(broken).embed(relative);
    // then: the card is there with its other details, without the three links
    assertThat(embed.url()).isNull();
    assertThat(fields(embed)).containsOnlyKeys("Start", "Room", "Duration");
    assertThat(embed.title()).isEqualTo("Talk A");
  }

  @Test
  void coloursByTrackWhenConfigured() {
    // given
    NotificationSettings byTrack =
        NotificationSettings.defaults()
            .withColours(ColourBy.TRACK, Map.of("Python Internals", 0x123456));
    // when
    Embed embed = new NotificationRenderer(byTrack).embed(talk("A", at("2023-07-19T10:30"), FORUM));
    // then
    assertThat(embed.colour()).isEqualTo(0x123456);
  }

  @Test
  void rendersTheMainHeaderWithDiscordTimestamps() {
    // given
    Session a = talk("A", at("2023-07-19T10:30"), FORUM);
    PlannedNotification notification =
        new PlannedNotification(
            Kind.MAIN,
            "programme",
            a.startInstant().minusSeconds(300),
            a.startInstant(),
            List.of(a));
    long unix = a.startInstant().getEpochSecond();
    // when
    List<RenderedMessage> messages = renderer.render(notification);
    // then
    assertThat(messages)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.message().channel()).isEqualTo("programme");
              assertThat(m.message().content())
                  .isEqualTo("Starting <t:" + unix + ":R> at <t:" + unix + ":t>:");
              assertThat(m.sessions()).containsExactly(a);
            });
  }

  @Test
  void splitsASlotOfThirtySessionsWithoutDroppingAny() {
    // given
    List<Session> sessions =
        IntStream.range(0, 30)
            .mapToObj(i -> talk("S" + i, at("2023-07-19T10:30"), new Room("r" + i, "Room " + i)))
            .toList();
    PlannedNotification notification =
        new PlannedNotification(
            Kind.MAIN, "programme", Instant.EPOCH, sessions.get(0).startInstant(), sessions);
    // when
    List<RenderedMessage> messages = renderer.render(notification);
    // then
    assertThat(messages).hasSize(3);
    assertWithinLimits(messages);
    assertThat(messages.stream().flatMap(m -> m.sessions().stream()).toList())
        .containsExactlyElementsOf(sessions);
    assertThat(messages.get(2).message().content()).endsWith(" (3/3)");
  }

  @Test
  void splitsByCharactersWhenEmbedsAreLarge() {
    // given: 8 sessions with the longest texts Discord would allow
    String huge = "word ".repeat(2000);
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sessions.add(
          new Session(
              "L" + i,
              huge,
              Collections.nCopies(200, "Speaker With A Long Name"),
              huge,
              at("2023-07-19T10:30"),
              Duration.ofMinutes(30),
              new Room("x" + i, huge),
              huge,
              "Talk",
              huge,
              "en",
              null,
              false));
    }
    PlannedNotification notification =
        new PlannedNotification(
            Kind.ROOM, "forum-hall", Instant.EPOCH, sessions.get(0).startInstant(), sessions);
    // when
    List<RenderedMessage> messages = renderer.render(notification);
    // then
    assertThat(messages).hasSizeGreaterThan(1);
    assertWithinLimits(messages);
    assertThat(messages.stream().mapToInt(m -> m.sessions().size()).sum()).isEqualTo(8);
  }

  @Test
  void announcesEachKindOfScheduleChange() {
    // given
    Session a = talk("A", at("2023-07-19T10:30"), FORUM);
    Session moved = movedTo(a, at("2023-07-19T14:00"), TERRACE);
    long oldUnix = a.startInstant().getEpochSecond();
    long newUnix = moved.startInstant().getEpochSecond();
    // when
    OutgoingMessage movedMessage =
        renderer.renderChange(new ScheduleChange.Moved(a, moved), "updates");
    OutgoingMessage cancelled = renderer.renderChange(new ScheduleChange.Cancelled(a), "updates");
    OutgoingMessage added = renderer.renderChange(new ScheduleChange.Added(a), "updates");
    // then
    assertThat(movedMessage.content())
        .isEqualTo(
            "📅 Moved: **Talk A** now starts <t:"
                + newUnix
                + ":f> in Terrace 2A (was <t:"
                + oldUnix
                + ":f> in Forum Hall)");
    assertThat(movedMessage.embeds()).hasSize(1);
    assertThat(cancelled.content()).startsWith("❌ Cancelled: **Talk A**");
    assertThat(cancelled.embeds()).isEmpty();
    assertThat(added.content()).startsWith("🆕 Added: **Talk A**");
    assertThat(added.channel()).isEqualTo("updates");
  }

  @Test
  void takesLabelsFromOverrides() {
    // given
    Labels german =
        Labels.english()
            .withOverrides(Map.of("start", "Beginn", "footer", "{day}, {time} Uhr"), Locale.GERMAN);
    // when
    Embed embed =
        new NotificationRenderer(SETTINGS, german).embed(talk("A", at("2023-07-19T10:30"), FORUM));
    // then
    assertThat(fields(embed)).containsKey("Beginn");
    assertThat(embed.footer()).isEqualTo("Mi. 19 Juli, 10:30 Uhr");
  }

  static void assertWithinLimits(List<RenderedMessage> messages) {
    for (RenderedMessage rendered : messages) {
      OutgoingMessage m = rendered.message();
      assertThat(m.embeds()).hasSizeLessThanOrEqualTo(10).hasSize(rendered.sessions().size());
      assertThat(m.embedChars()).isLessThanOrEqualTo(6000);
      assertThat(m.content()).hasSizeLessThanOrEqualTo(2000);
      for (Embed e : m.embeds()) {
        assertThat(e.title()).hasSizeLessThanOrEqualTo(256);
        assertThat(e.description()).hasSizeLessThanOrEqualTo(4096);
        assertThat(e.footer()).hasSizeLessThanOrEqualTo(2048);
        assertThat(e.fields()).hasSizeLessThanOrEqualTo(25);
        e.fields()
            .forEach(
                f -> {
                  assertThat(f.name()).hasSizeLessThanOrEqualTo(256);
                  assertThat(f.value()).hasSizeLessThanOrEqualTo(1024);
                });
      }
    }
  }

  private static Map<String, String> fields(Embed embed) {
    return embed.fields().stream().collect(Collectors.toMap(Embed.Field::name, Embed.Field::value));
  }
}
