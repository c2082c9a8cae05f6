package dev.confbot.core.notify;

import dev.confbot.core.model.Embed;
import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.model.WebLink;
import dev.confbot.core.notify.Labels.Label;
import dev.confbot.core.notify.NotificationSettings.ColourBy;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.ScheduleChange;
import dev.confbot.core.schedule.Session;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns planned notifications and schedule changes into platform-neutral messages: one embed per
 * session (title linking to the session page, speakers, abstract cut at a word, start as a Discord
 * timestamp, room and its channel, track, level, duration, livestream and Q&amp;A links, colour by
 * level or track, local time in the footer). A notification becomes as many messages as Discord's
 * limits (10 embeds, 6,000 embed characters) require; no session is ever dropped.
 */
public final class NotificationRenderer {

  /** Abstracts are cut at a word to at most this many characters. */
  public static final int ABSTRACT_MAX = 200;

  private static final int SPEAKERS_MAX = 300;
  private static final int DEFAULT_COLOUR = 0x5865F2;
  private static final int[] PALETTE = {
    0x3498DB, 0x9B59B6, 0x1ABC9C, 0xE67E22, 0xE91E63, 0x2ECC71, 0xF1C40F, 0x95A5A6
  };

  private final NotificationSettings settings;
  private final Labels labels;
  private final DateTimeFormatter day;
  private final DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  /** A renderer with English labels. */
  public NotificationRenderer(NotificationSettings settings) {
    this(settings, Labels.english());
  }

  /** A renderer with the given labels (translations, overrides). */
  public NotificationRenderer(NotificationSettings settings, Labels labels) {
    this.settings = settings;
    this.labels = labels;
    this.day = DateTimeFormatter.ofPattern("EEE d MMM", labels.locale());
  }

  /**
   * The messages of a notification, in order, together covering every session of it exactly once.
   * When split, each header says which part it is.
   */
  public List<RenderedMessage> render(PlannedNotification notification) {
    List<List<Session>> groups = new ArrayList<>();
    List<List<Embed>> embedGroups = new ArrayList<>();
    List<Session> sessions = new ArrayList<>();
    List<Embed> embeds = new ArrayList<>();
    int chars = 0;
    for (Session session : notification.sessions()) {
      Embed embed = embed(session);
      int size = embed.countedChars();
      if (!embeds.isEmpty()
          && (embeds.size() == OutgoingMessage.EMBEDS_MAX
              || chars + size > OutgoingMessage.EMBED_CHARS_MAX)) {
        groups.add(sessions);
        embedGroups.add(embeds);
        sessions = new ArrayList<>();
        embeds = new ArrayList<>();
        chars = 0;
      }
      sessions.add(session);
      embeds.add(embed);
      chars += size;
    }
    groups.add(sessions);
    embedGroups.add(embeds);
    List<RenderedMessage> messages = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      String header = header(notification, i + 1, groups.size());
      messages.add(
          new RenderedMessage(
              new OutgoingMessage(notification.channel(), header, embedGroups.get(i)),
              groups.get(i)));
    }
    return List.copyOf(messages);
  }

  /** The announcement of one schedule change: a line saying what changed and the session card. */
  public OutgoingMessage renderChange(ScheduleChange change, String channel) {
    Session session = change.session();
    String line;
    if (change instanceof ScheduleChange.Added) {
      line =
          labels.format(
              Label.CHANGE_ADDED,
              Map.of(
                  "title", plain(session.title()),
                  "time", timestamp(session.startInstant(), "f"),
                  "room", session.room().name()));
    } else if (change instanceof ScheduleChange.Cancelled) {
      line =
          labels.format(
              Label.CHANGE_CANCELLED,
              Map.of(
                  "title", plain(session.title()),
                  "old_time", timestamp(session.startInstant(), "f"),
                  "old_room", session.room().name()));
    } else if (change instanceof ScheduleChange.Moved) {
      Session before = ((ScheduleChange.Moved) change).before();
      line =
          labels.format(
                  Label.CHANGE_MOVED,
                  Map.of(
                      "title", plain(session.title()),
                      "time", timestamp(session.startInstant(), "f"),
                      "room", session.room().name(),
                      "old_time", timestamp(before.startInstant(), "f"),
                      "old_room", before.room().name()))
              + details(before, session);
    } else if (change instanceof ScheduleChange.Updated) {
      Session before = ((ScheduleChange.Updated) change).before();
      line =
          labels.format(
                  Label.CHANGE_UPDATED,
                  Map.of(
                      "title", plain(session.title()),
                      "time", timestamp(session.startInstant(), "f"),
                      "room", session.room().name()))
              + details(before, session);
    } else {
      throw new AssertionError(change);
    }
    List<Embed> embeds =
        change instanceof ScheduleChange.Cancelled ? List.of() : List.of(embed(session));
    return new OutgoingMessage(channel, cut(line, OutgoingMessage.CONTENT_MAX), embeds);
  }

  /** What else changed about a moved or updated session: its title, its speakers. */
  private String details(Session before, Session now) {
    StringBuilder out = new StringBuilder();
    if (!before.title().equals(now.title())) {
      out.append(labels.format(Label.CHANGE_TITLE, Map.of("old_title", plain(before.title()))));
    }
    if (!before.speakers().equals(now.speakers())) {
      out.append(
          labels.format(
              Label.CHANGE_SPEAKERS,
              Map.of(
                  "speakers", speakerList(now.speakers()),
                  "old_speakers", speakerList(before.speakers()))));
    }
    return out.toString();
  }

  private String speakerList(List<String> speakers) {
    return speakers.isEmpty()
        ? "–"
        : speakers.stream().map(NotificationRenderer::plain).collect(Collectors.joining(", "));
  }

  /** The card of one session; every text is cut to Discord's limits. */
  public Embed embed(Session session) {
    List<Embed.Field> fields = new ArrayList<>();
    fields.add(field(Label.START, timestamp(session.startInstant(), "t")));
    fields.add(field(Label.ROOM, roomText(session.room())));
    optional(session.track()).ifPresent(track -> fields.add(field(Label.TRACK, track)));
    optional(session.level())
        .ifPresent(level -> fields.add(field(Label.LEVEL, capitalised(level))));
    if (!session.duration().isZero() && !session.duration().isNegative()) {
      String minutes = Long.toString(session.duration().toMinutes());
      fields.add(field(Label.DURATION, labels.format(Label.MINUTES, Map.of("minutes", minutes))));
    }
    settings
        .livestream(session)
        .flatMap(WebLink::valid)
        .ifPresent(url -> fields.add(field(Label.LIVESTREAM, link(Label.WATCH, url))));
    String qa = settings.qaUrlTemplate();
    if (qa != null) {
      WebLink.valid(Templates.fill(qa, session))
          .ifPresent(url -> fields.add(field(Label.QUESTIONS, link(Label.ASK, url))));
    }
    String footer =
        labels.format(
            Label.FOOTER,
            Map.of(
                "day", day.format(session.start()),
                "time", time.format(session.start()),
                "zone", session.start().getZone().getId()));
    return new Embed(
        cut(plain(session.title()), Embed.TITLE_MAX),
        sessionUrl(session),
        description(session),
        colour(session),
        fields,
        cut(footer, Embed.FOOTER_MAX));
  }

  private String header(PlannedNotification notification, int part, int parts) {
    Map<String, String> values =
        Map.of(
            "time", timestamp(notification.start(), "t"),
            "relative", timestamp(notification.start(), "R"));
    String header =
        labels.format(
            notification.kind() == PlannedNotification.Kind.MAIN
                ? Label.MAIN_HEADER
                : Label.ROOM_HEADER,
            values);
    if (parts > 1) {
      header +=
          labels.format(
              Label.PART, Map.of("part", Integer.toString(part), "parts", Integer.toString(parts)));
    }
    return cut(header, OutgoingMessage.CONTENT_MAX);
  }

  private String description(Session session) {
    StringBuilder text = new StringBuilder();
    if (!session.speakers().isEmpty()) {
      String names = Templates.cutAtWord(String.join(", ", session.speakers()), SPEAKERS_MAX);
      text.append("*").append(labels.format(Label.SPEAKERS, Map.of("speakers", names))).append("*");
    }
    String abstractText = Templates.cutAtWord(session.abstractText(), ABSTRACT_MAX);
    if (!abstractText.isEmpty()) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      text.append(abstractText);
    }
    return cut(text.toString(), Embed.DESCRIPTION_MAX);
  }

  private @Nullable String sessionUrl(Session session) {
    String template = settings.sessionUrlTemplate();
    String url = template != null ? Templates.fill(template, session) : session.url();
    return WebLink.valid(url).orElse(null);
  }

  private String roomText(Room room) {
    Optional<String> channel = settings.roomChannel(room);
    if (channel.isEmpty()) {
      return room.name();
    }
    String ref = channel.get();
    boolean isId = ref.length() >= 15 && ref.chars().allMatch(Character::isDigit);
    return room.name() + " · " + (isId ? "<#" + ref + ">" : "#" + ref);
  }

  private int colour(Session session) {
    String first = settings.colourBy() == ColourBy.LEVEL ? session.level() : session.track();
    String second = settings.colourBy() == ColourBy.LEVEL ? session.track() : session.level();
    String name = first != null && !first.isBlank() ? first : second;
    if (name == null || name.isBlank()) {
      return DEFAULT_COLOUR;
    }
    String key = name.strip().toLowerCase(Locale.ROOT);
    Integer configured = settings.colours().get(key);
    return configured != null ? configured : PALETTE[Math.floorMod(key.hashCode(), PALETTE.length)];
  }

  private Embed.Field field(Label name, String value) {
    return new Embed.Field(
        cut(labels.get(name), Embed.FIELD_NAME_MAX), cut(value, Embed.FIELD_VALUE_MAX), true);
  }

  private String link(Label text, String url) {
    return "[" + labels.get(text) + "](" + url + ")";
  }

  /** A Discord timestamp: {@code <t:unix:style>}, shown in each reader's own time zone. */
  static String timestamp(Instant instant, String style) {
    return "<t:" + instant.getEpochSecond() + ":" + style + ">";
  }

  private static Optional<String> optional(@Nullable String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  private static String capitalised(String text) {
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  private static String plain(String text) {
    String collapsed = Templates.cutAtWord(text, Embed.DESCRIPTION_MAX);
    return collapsed.isEmpty() ? "—" : collapsed;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : Templates.cutAtWord(text, max);
  }
}
