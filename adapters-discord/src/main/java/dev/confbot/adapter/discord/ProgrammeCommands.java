package dev.confbot.adapter.discord;

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
import java.util.concurrent.RejectedExecutionException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attendee commands {@code /now} (sessions running now) and {@code /next} (the next session of
 * each room), both optionally for one {@code room}. Answers are ephemeral: the command is
 * acknowledged at once (deferred) and the worker edits the reply, so JDA's event thread never
 * blocks. Each line shows the title, room, local start–end time in the event's zone and the room's
 * livestream link for that day, if configured. The replies are English.
 */
public final class ProgrammeCommands extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ProgrammeCommands.class);

  static final String NOW = "now";
  static final String NEXT = "next";
  static final String ROOM = "room";
  static final String NO_SCHEDULE =
      "The programme is not available yet. Please try again in a few minutes.";
  static final String BUSY = "The bot is busy right now; please try again in a minute.";
  static final String FAILED =
      "Sorry, that did not work because of an error on our side. Please try again later.";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  private final Supplier<Optional<Schedule>> schedule;
  private final Clock clock;
  private final Map<String, Map<LocalDate, String>> livestreams;
  private final ZoneId zone;
  private final ExecutorService workers;

  /**
   * Programme commands; register {@link #commands()} with the bot and this object as a listener.
   *
   * @param schedule the schedule in use, empty before the first successful load
   * @param clock what "now" is
   * @param livestreams room name (as the schedule names it) → event day → livestream URL
   * @param zone the event's time zone, for the times shown and the livestream day
   * @param texts the attendee texts; not used yet (the replies are English until their labels are
   *     added to the bundles), taken now so the wiring does not change when they are
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
    this.workers = workers;
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
    String name = event.getName();
    if (!NOW.equals(name) && !NEXT.equals(name)) {
      return;
    }
    OptionMapping option = event.getOption(ROOM);
    Optional<String> room =
        Optional.ofNullable(option).map(OptionMapping::getAsString).map(String::strip);
    event.deferReply(true).queue(ok -> {}, e -> log.warn("Deferral failed: {}", e.toString()));
    InteractionHook hook = event.getHook();
    try {
      workers.execute(
          () -> {
            String answer;
            try {
              answer = answer(NOW.equals(name), room.filter(r -> !r.isEmpty()));
            } catch (RuntimeException e) {
              log.error("/{} failed unexpectedly", name, e);
              answer = FAILED;
            }
            hook.editOriginal(Replies.cut(answer))
                .queue(ok -> {}, e -> log.warn("/{} answer not delivered: {}", name, e.toString()));
          });
    } catch (RejectedExecutionException e) {
      log.warn("/{} not accepted: queue full or bot stopping", name);
      hook.editOriginal(BUSY).queue(ok -> {}, err -> {});
    }
  }

  /** The answer to {@code /now} (or {@code /next}), optionally for one room. */
  String answer(boolean now, Optional<String> roomName) {
    Optional<Schedule> current = schedule.get();
    if (current.isEmpty()) {
      return NO_SCHEDULE;
    }
    List<Session> sessions = current.get().sessions();
    Optional<Room> room = Optional.empty();
    if (roomName.isPresent()) {
      room = findRoom(sessions, roomName.get());
      if (room.isEmpty()) {
        return "There is no room called “"
            + roomName.get()
            + "” in the programme. Rooms: "
            + rooms(sessions).stream().map(Room::name).collect(Collectors.joining(", "))
            + ".";
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
    String where = room.map(r -> " in " + r.name()).orElse("");
    if (shown.isEmpty()) {
      return now
          ? "Nothing is running" + where + " right now. Try `/next`."
          : "No more sessions are scheduled" + where + ".";
    }
    shown.sort(
        Comparator.comparing(Session::startInstant)
            .thenComparing(s -> s.room().name())
            .thenComparing(Session::code));
    StringBuilder out = new StringBuilder(now ? "**Now**" : "**Next**").append(where).append('\n');
    for (Session s : shown) {
      out.append(line(s, !now)).append('\n');
    }
    return out.toString().strip();
  }

  private String line(Session session, boolean withDay) {
    ZonedDateTime start = session.start().withZoneSameInstant(zone);
    ZonedDateTime end = session.end().withZoneSameInstant(zone);
    StringBuilder line =
        new StringBuilder("• **")
            .append(session.title().strip())
            .append("** — ")
            .append(session.room().name())
            .append(", ");
    if (withDay) {
      line.append(DAY.format(start)).append(' ');
    }
    line.append(TIME.format(start)).append('–').append(TIME.format(end));
    livestream(session.room(), start.toLocalDate())
        .ifPresent(url -> line.append(" · Livestream: <").append(url).append('>'));
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
