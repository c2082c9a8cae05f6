package dev.confbot.app;

import com.squareup.moshi.JsonWriter;
import dev.confbot.adapter.pretalx.PretalxSettings;
import dev.confbot.adapter.pretalx.ScheduleSources;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.model.OutgoingMessage;
import dev.confbot.core.notify.MessageText;
import dev.confbot.core.notify.NotificationPlanner;
import dev.confbot.core.notify.NotificationRenderer;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.notify.PlannedNotification;
import dev.confbot.core.notify.RenderedMessage;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code confbot schedule preview}: prints the notification plan of a schedule, message by message,
 * without sending anything.
 */
@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
      "Print the programme notifications a schedule produces: when, where, which sessions.",
      "Without a configuration: main channel 'programme' and one channel per room, named after it."
    })
final class SchedulePreviewCommand implements Callable<Integer> {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx");

  @Mixin private OptionalConfigOption configOption = new OptionalConfigOption();

  @Option(
      names = "--source",
      paramLabel = "FILE_OR_URL",
      description = "Schedule to plan (default: [schedule] source of the configuration)")
  private @Nullable String source;

  @Option(
      names = "--from",
      paramLabel = "ISO",
      description = "Only messages due at or after this instant, e.g. 2023-07-19T09:00:00+02:00")
  private @Nullable String from;

  @Option(names = "--until", paramLabel = "ISO", description = "Only messages due before this")
  private @Nullable String until;

  @Option(names = "--json", description = "One JSON object per message and line")
  private boolean json;

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = ((Main) spec.root().userObject()).environment();
    OptionalConfigOption.Result result =
        configOption.load(
            environment, err, Set.of(ConfigLoader.DISCORD_TOKEN, ConfigLoader.PRETIX_TOKEN));
    if (result.invalid()) {
      return Main.INVALID;
    }
    Optional<LoadedConfig> loaded = result.config();
    Optional<PretalxSettings> pretalx =
        Wiring.scheduleToRead(source, loaded.map(LoadedConfig::config));
    if (pretalx.isEmpty()) {
      err.println(
          "confbot: no schedule to preview: give --source FILE_OR_URL or a configuration with"
              + " [schedule] source.");
      err.flush();
      return Main.INVALID;
    }
    Instant fromInstant;
    Instant untilInstant;
    try {
      fromInstant = from == null ? Instant.MIN : OffsetDateTime.parse(from).toInstant();
      untilInstant = until == null ? Instant.MAX : OffsetDateTime.parse(until).toInstant();
    } catch (DateTimeParseException e) {
      err.println(
          "confbot: --from/--until expect an ISO-8601 date-time with offset, e.g."
              + " 2023-07-19T09:00:00+02:00; found: "
              + e.getParsedString());
      err.flush();
      return Main.INVALID;
    }

    Schedule schedule;
    try {
      schedule = ScheduleSources.readOnce(pretalx.get(), new OkHttpClient(), Clock.systemUTC());
    } catch (GatewayException e) {
      err.println("confbot: the schedule could not be read: " + e.getMessage());
      err.flush();
      return 1;
    }
    NotificationSettings settings =
        loaded
            .map(l -> Wiring.notificationSettings(l.config()))
            .orElseGet(
                () -> NotificationSettings.defaults().withRoomChannelsNamedAfterRooms(schedule));
    if (!schedule.sessions().isEmpty() && from == null) {
      fromInstant = schedule.sessions().get(0).startInstant().minus(Duration.ofDays(1));
    }
    if (!schedule.sessions().isEmpty() && until == null) {
      untilInstant =
          schedule
              .sessions()
              .get(schedule.sessions().size() - 1)
              .startInstant()
              .plus(Duration.ofDays(1));
    }
    List<PlannedNotification> plan =
        new NotificationPlanner(settings).plan(schedule, fromInstant, untilInstant);
    NotificationRenderer renderer = new NotificationRenderer(settings);
    int messages = 0;
    int sessions = 0;
    for (PlannedNotification planned : plan) {
      for (RenderedMessage rendered : renderer.render(planned)) {
        messages++;
        sessions += rendered.sessions().size();
        if (json) {
          out.println(jsonLine(planned, rendered, schedule.zone()));
        } else {
          printText(out, planned, rendered, schedule.zone());
        }
      }
    }
    if (!json) {
      out.printf(
          "%d messages, %d session announcements, %d sessions in the schedule (%s).%n",
          messages, sessions, schedule.sessions().size(), schedule.zone());
    }
    out.flush();
    return 0;
  }

  private static void printText(
      PrintWriter out, PlannedNotification planned, RenderedMessage rendered, ZoneId zone) {
    OutgoingMessage message = rendered.message();
    out.printf(
        "== %s  #%s  (%s, %d session%s)%n",
        LOCAL.format(planned.due().atZone(zone)),
        message.channel(),
        planned.kind(),
        rendered.sessions().size(),
        rendered.sessions().size() == 1 ? "" : "s");
    MessageText.of(message).lines().forEach(line -> out.println("   " + line));
    out.println();
  }

  private static String jsonLine(
      PlannedNotification planned, RenderedMessage rendered, ZoneId zone) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("due").value(planned.due().atZone(zone).toOffsetDateTime().toString());
      writer.name("channel").value(rendered.message().channel());
      writer.name("sessions").beginArray();
      for (Session session : rendered.sessions()) {
        writer.value(session.code());
      }
      writer.endArray();
      writer.name("embeds").value(rendered.message().embeds().size());
      writer.name("chars").value(rendered.message().embedChars());
      writer.endObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return buffer.readUtf8();
  }
}
