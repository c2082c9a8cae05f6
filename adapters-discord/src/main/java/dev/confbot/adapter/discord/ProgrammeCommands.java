package dev.confbot.adapter.discord;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;

/**
 * The attendee commands {@code /now} (sessions running now) and {@code /next} (the next session of
 * each room), both optionally for one {@code room}. Answers are ephemeral: the command is
 * acknowledged at once (deferred) and the worker edits the reply, so JDA's event thread never
 * blocks. Each line shows the title, room, local start–end time in the event's zone and the room's
 * livestream link for that day, if configured. The replies are in the member's locale (see {@link
 * Texts#forLocale}).
 */
public final class ProgrammeCommands extends ListenerAdapter {
  static final String NOW = "now";
  static final String NEXT = "next";
  static final String ROOM = "room";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM");

  private final Supplier<Optional<Schedule>> schedule;
  private final Clock clock;
  private final Map<String, Map<LocalDate, String>> livestreams;
  private final ZoneId zone;
  private final Texts texts;
  private final DeferredWork work;
  private final CommandRouter router;

  /**
   * Programme commands; register {@link #commands()} with the bot and this object as a listener.
   *
   * @param schedule the schedule in use, empty before the first successful load
   * @param clock what "now" is
   * @param livestreams room name (as the schedule names it) → event day → livestream URL
   * @param zone the event's time zone, for the times shown and the livestream day
   * @param texts the answers per member locale ({@code discord.now_*}, {@code discord.next_*}…)
   * @param workers bounded executor the answers are computed on
   */
  public ProgrammeCommands(
      Supplier<Optional<Schedule>> schedule,
      Clock clock,
      Map<String, Map<LocalDate, String>> livestreams,
      ZoneId zone,
      Texts texts,
      ExecutorService workers) {
    this.schedule = schedule;
    this.clock = clock;
    this.livestreams = Map.copyOf(livestreams);
    this.zone = zone;
    this.texts = texts;
    this.work = new DeferredWork(workers);
    this.router =
        CommandRouter.anyGuild().member(NOW, this::nowOrNext).member(NEXT, this::nowOrNext).build();
  }

  /** {@code /now} and {@code /next}, each with an optional string option {@code room}. */
  public static List<CommandData> commands() {
    return List.of(
        Commands.slash(NOW, "Sessions running right now")
            .addOption(OptionType.STRING, ROOM, "Only this room", false)
            .setContexts(InteractionContextType.GUILD),
        Commands.slash(NEXT, "The next session in each room")
            .addOption(OptionType.STRING, ROOM, "Only this room", false)
            .setContexts(InteractionContextType.GUILD));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    router.route(event);
  }

  private void nowOrNext(SlashCommandInteractionEvent event) {
    String name = event.getName();
    OptionMapping option = event.getOption(ROOM);
    Optional<String> room =
        Optional.ofNullable(option).map(OptionMapping::getAsString).map(String::strip);
    Locale locale = event.getUserLocale().toLocale();
    TextBundle bundle = texts.forLocale(locale);
    InteractionHook hook = DeferredWork.deferReply(event);
    work.answer(
        hook,
        name,
        DeferredWork.Answers.member(texts, locale),
        () -> answer(NOW.equals(name), room.filter(r -> !r.isEmpty()), bundle));
  }

  /** The answer to {@code /now} (or {@code /next}), optionally for one room, in one language. */
  String answer(boolean now, Optional<String> roomName, TextBundle bundle) {
    Optional<Schedule> current = schedule.get();
    if (current.isEmpty()) {
      return bundle.get(TextKeys.NO_PROGRAMME);
    }
    List<Session> sessions = current.get().sessions();
    Optional<Room> room = Optional.empty();
    if (roomName.isPresent()) {
      room = findRoom(sessions, roomName.get());
      if (room.isEmpty()) {
        return bundle.format(
            TextKeys.UNKNOWN_ROOM,
            Map.of(
                "room",
                roomName.get(),
                "rooms",
                rooms(sessions).stream().map(Room::name).collect(Collectors.joining(", "))));
      }
    }
    Predicate<Session> inRoom = s -> true;
    if (room.isPresent()) {
      Room wanted = room.get();
      inRoom = s -> s.room().equals(wanted);
    }
    Instant instant = clock.instant();
    List<Session> shown = new ArrayList<>();
    if (now) {
      for (Session s : sessions) {
        if (inRoom.test(s)
            && !s.startInstant().isAfter(instant)
            && s.end().toInstant().isAfter(instant)) {
          shown.add(s);
        }
      }
    } else {
      Map<Room, Session> next = new LinkedHashMap<>();
      for (Session s : sessions) {
        if (inRoom.test(s) && s.startInstant().isAfter(instant)) {
          next.putIfAbsent(s.room(), s);
        }
      }
      shown.addAll(next.values());
    }
    Map<String, String> where = Map.of("room", room.map(Room::name).orElse(""));
    if (shown.isEmpty()) {
      String none =
          now
              ? (room.isPresent() ? TextKeys.NOW_NONE_ROOM : TextKeys.NOW_NONE)
              : (room.isPresent() ? TextKeys.NEXT_NONE_ROOM : TextKeys.NEXT_NONE);
      return bundle.format(none, where);
    }
    shown.sort(
        Comparator.comparing(Session::startInstant)
            .thenComparing(s -> s.room().name())
            .thenComparing(Session::code));
    String title =
        now
            ? (room.isPresent() ? TextKeys.NOW_TITLE_ROOM : TextKeys.NOW_TITLE)
            : (room.isPresent() ? TextKeys.NEXT_TITLE_ROOM : TextKeys.NEXT_TITLE);
    StringBuilder out = new StringBuilder(bundle.format(title, where)).append('\n');
    for (Session s : shown) {
      out.append(line(s, !now, bundle)).append('\n');
    }
    return out.toString().strip();
  }

  private String line(Session session, boolean withDay, TextBundle bundle) {
    ZonedDateTime start = session.start().withZoneSameInstant(zone);
    ZonedDateTime end = session.end().withZoneSameInstant(zone);
    StringBuilder line =
        new StringBuilder("• **")
            .append(session.title().strip())
            .append("** — ")
            .append(session.room().name())
            .append(", ");
    if (withDay) {
      line.append(DAY.withLocale(bundle.locale()).format(start)).append(' ');
    }
    line.append(TIME.format(start)).append('–').append(TIME.format(end));
    livestream(session.room(), start.toLocalDate())
        .ifPresent(
            url ->
                line.append(" · ")
                    .append(bundle.get(TextKeys.LIVESTREAM))
                    .append(": <")
                    .append(url)
                    .append('>'));
    return line.toString();
  }

  private Optional<String> livestream(Room room, LocalDate day) {
    Map<LocalDate, String> byDay = livestreams.get(room.name());
    if (byDay == null) {
      byDay = livestreams.get(room.id());
    }
    return byDay == null ? Optional.empty() : Optional.ofNullable(byDay.get(day));
  }

  private static Optional<Room> findRoom(List<Session> sessions, String name) {
    return rooms(sessions).stream()
        .filter(r -> r.name().equalsIgnoreCase(name) || r.id().equalsIgnoreCase(name))
        .findFirst();
  }

  private static List<Room> rooms(List<Session> sessions) {
    return sessions.stream()
        .map(Session::room)
        .distinct()
        .sorted(Comparator.comparing(Room::name))
        .toList();
  }
}
