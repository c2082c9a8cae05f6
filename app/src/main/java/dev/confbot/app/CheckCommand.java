package dev.confbot.app;

import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigException;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LoadedConfig;
import dev.confbot.config.NotificationsConfig;
import dev.confbot.config.PretixConfig;
import dev.confbot.config.RegistrationConfig;
import dev.confbot.config.ScheduleConfig;
import dev.confbot.core.check.CheckReport;
import dev.confbot.core.model.RoleRef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code confbot check}: validates the configuration and secrets offline and prints what was found;
 * exit 0 when valid, 2 with every problem listed otherwise. With {@code --online} it then asks
 * pretix, pretalx and Discord whether the configuration works with them ({@link OnlineCheck}) and
 * prints one line per finding.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the configuration and secrets (offline) and summarise them.",
      "With --online, also ask pretix (token, event, items, ticket → role mapping), pretalx"
          + " (schedule) and Discord (token, intents, server, roles, channels, permissions);"
          + " one line per finding: severity, key, what to fix.",
      "Exit code 0 when valid (warnings allowed), 2 with every problem listed otherwise."
    })
final class CheckCommand implements Callable<Integer> {
  private static final String FORMAT = "  %-15s %s%n";

  @Mixin private ConfigOption configOption = new ConfigOption();

  @Option(
      names = "--online",
      description =
          "Also contact pretix, pretalx and Discord (read-only, at most about a minute)"
              + " and report what does not work with them.")
  private boolean online;

  @Mixin private DiscordUrlOptions discordUrls = new DiscordUrlOptions();

  @ParentCommand
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private Main main;

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() {
    Path file = configOption.path();
    LoadedConfig loaded;
    try {
      loaded = new ConfigLoader(main.environment()).load(file);
    } catch (ConfigException e) {
      ConfigLoading.printProblems(spec.commandLine().getErr(), file, e.problems());
      return Main.INVALID;
    }
    printReport(loaded);
    if (!online) {
      return 0;
    }
    return checkOnline(loaded.config());
  }

  private int checkOnline(ConfbotConfig config) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Contacting pretix, pretalx and Discord…");
    out.flush();
    CheckReport report =
        new OnlineCheck(config, discordUrls.restUrl(), discordUrls.gatewayUrl()).run();
    report.lines().forEach(out::println);
    out.println(report.summary());
    out.flush();
    return report.hasErrors() ? Main.INVALID : 0;
  }

  private void printReport(LoadedConfig loaded) {
    PrintWriter out = spec.commandLine().getOut();
    ConfbotConfig config = loaded.config();
    out.println("Configuration is valid.");
    out.printf(FORMAT, "files:", join(loaded.files().stream().map(Path::toString)));
    out.printf(
        FORMAT,
        "secrets:",
        loaded.secrets().isEmpty()
            ? "none"
            : join(loaded.secrets().stream().map(Object::toString)));
    out.printf(
        FORMAT,
        "discord:",
        "guild "
            + config.discord().guildId()
            + ", message-content intent "
            + (config.discord().messageContentIntent() ? "on" : "off"));
    RegistrationConfig registration = config.registration();
    out.printf(
        FORMAT,
        "registration:",
        registration.channel()
            + " (log "
            + registration.logChannel()
            + ", help "
            + registration.helpChannel()
            + "), order states "
            + join(
                registration.allowedOrderStates().stream()
                    .map(s -> s.name().toLowerCase(Locale.ROOT))
                    .sorted())
            + ", at most "
            + registration.failedAttempts().max()
            + " failed attempts per "
            + duration(registration.failedAttempts().window())
            + ", on cancel "
            + registration.onCancel().name().toLowerCase(Locale.ROOT)
            + (registration.setNickname() ? ", sets nicknames" : ""));
    Set<RoleRef> mappedRoles =
        Stream.concat(
                registration.roles().items().values().stream(),
                registration.roles().variations().values().stream())
            .flatMap(List::stream)
            .collect(Collectors.toSet());
    out.printf(
        FORMAT,
        "role mapping:",
        count(registration.roles().items().size(), "item", "items")
            + " and "
            + count(registration.roles().variations().size(), "variation", "variations")
            + " mapped to "
            + count(mappedRoles.size(), "distinct role", "distinct roles")
            + "; extra roles for "
            + count(registration.extraRoles().size(), "order", "orders"));
    PretixConfig pretix = config.pretix();
    out.printf(
        FORMAT,
        "pretix:",
        pretix.eventApiUrl()
            + ", sync every "
            + duration(pretix.syncInterval())
            + ", at most "
            + pretix.requestsPerMinute()
            + " requests/min");
    ScheduleConfig schedule = config.schedule();
    out.printf(
        FORMAT,
        "schedule:",
        schedule
            .location()
            .map(
                source ->
                    source
                        + ", refreshed every "
                        + duration(schedule.refreshInterval())
                        + ", time zone "
                        + schedule.timeZone()
                        + ", "
                        + (schedule.conferenceDays().isEmpty()
                            ? "every day"
                            : schedule.conferenceDays().size() + " conference days")
                        + (schedule.token() == null ? "" : ", with PRETALX_TOKEN"))
            .orElse("none (programme notifications off)"));
    NotificationsConfig notifications = config.notifications();
    out.printf(
        FORMAT,
        "notifications:",
        notifications.mainChannel()
            + " "
            + duration(notifications.mainLeadTime())
            + " before, room channels "
            + duration(notifications.roomLeadTime())
            + " before; "
            + count(notifications.roomChannels().size(), "room channel", "room channels")
            + ", "
            + count(
                notifications.roomWebhooks().size() + (notifications.mainWebhook() == null ? 0 : 1),
                "webhook",
                "webhooks")
            + (notifications.roomTopics() ? "; room topics show Now / Next" : ""));
    out.printf(
        FORMAT,
        "attendees:",
        "texts in "
            + config.attendee().defaultLanguage()
            + " by default (en, de, fr by member locale), reminders "
            + duration(config.attendee().reminderLead())
            + " before");
    out.printf(
        FORMAT,
        "livestreams:",
        count(config.livestreams().byRoom().size(), "room", "rooms")
            + ", "
            + count(config.livestreams().linkCount(), "link", "links"));
    out.printf(
        FORMAT, "organizers:", join(config.organizers().roles().stream().map(RoleRef::toString)));
    out.printf(
        FORMAT,
        "job board:",
        config.jobBoard().channel()
            + config.jobBoard().csvFile().map(csv -> " from " + csv).orElse(", no CSV file"));
    out.printf(
        FORMAT,
        "setup:",
        count(config.setup().roles().size(), "role", "roles")
            + ", "
            + count(config.setup().categories().size(), "category", "categories")
            + ", "
            + count(config.setup().channelCount(), "channel", "channels"));
    out.printf(
        FORMAT,
        "runtime:",
        "data in "
            + config.runtime().dataDir()
            + ", "
            + (config.runtime().port().isPresent()
                ? "HTTP on port " + config.runtime().port().getAsInt()
                : "no HTTP server")
            + ", "
            + config.runtime().logFormat().name().toLowerCase(Locale.ROOT)
            + " logs"
            + config
                .runtime()
                .clock()
                .map(c -> ", simulated clock from " + c.start() + " at " + c.speed() + "x")
                .orElse(""));
    if (!online) {
      out.println(
          "Offline check only: pretix, pretalx and Discord were not contacted"
              + " (confbot check --online asks them).");
    }
    out.flush();
  }

  private static String count(int count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static String join(Stream<String> values) {
    return values.collect(Collectors.joining(", "));
  }

  /** {@code 90s}, {@code 5m}, {@code 1h30m}: the way durations are written in the TOML file. */
  static String duration(Duration duration) {
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (seconds > 0 || text.length() == 0) {
      text.append(seconds).append('s');
    }
    return text.toString();
  }
}
