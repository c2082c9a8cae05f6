package dev.confbot.adapter.discord;

import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.port.NotificationLog;
import dev.confbot.core.programme.ProgrammeService;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /schedule next|status|reload}: the programme notifications. */
final class OrganizerScheduleCommands {
  private static final Logger log = LoggerFactory.getLogger(OrganizerScheduleCommands.class);
  private static final Duration NEXT_HORIZON = Duration.ofDays(30);

  private final Optional<OrganizerCommands.Programme> programme;
  private final Clock clock;
  private final ZoneId zone;
  private final DeferredWork work;

  OrganizerScheduleCommands(
      Optional<OrganizerCommands.Programme> programme,
      Clock clock,
      ZoneId zone,
      DeferredWork work) {
    this.programme = programme;
    this.clock = clock;
    this.zone = zone;
    this.work = work;
  }

  static CommandData command() {
    return SlashCommands.organizerCommand("schedule", "Programme notifications")
        .addSubcommands(
            new SubcommandData("next", "The next notifications the bot will send"),
            new SubcommandData("status", "Schedule source, counts and the next notifications"),
            new SubcommandData("reload", "Fetch the schedule now"));
  }

  void addRoutes(CommandRouter.Builder router) {
    route(router, "schedule next", this::next);
    route(router, "schedule status", this::status);
    route(router, "schedule reload", this::reload);
  }

  private void route(CommandRouter.Builder router, String command, Supplier<String> answer) {
    router.organizer(
        command,
        event ->
            work.answer(
                DeferredWork.deferReply(event), command, DeferredWork.Answers.organizer(), answer));
  }

  private String next() {
    if (programme.isEmpty()) {
      return OrganizerCommands.NO_PROGRAMME;
    }
    List<String> next =
        Replies.next(programme.get(), clock, OrganizerCommands.NEXT_COUNT, NEXT_HORIZON, false);
    if (next.isEmpty()) {
      return "No notifications are planned.";
    }
    List<String> lines = new ArrayList<>();
    lines.add("Next notifications (" + zone.getId() + "):");
    next.forEach(line -> lines.add("• " + line));
    return Replies.cut(String.join("\n", lines));
  }

  private String status() {
    if (programme.isEmpty()) {
      return OrganizerCommands.NO_PROGRAMME;
    }
    OrganizerCommands.Programme p = programme.get();
    NotificationScheduler.Stats stats = p.stats().get();
    int sent = p.ledger().entries(NotificationLog.State.SENT).size();
    int sending = p.ledger().entries(NotificationLog.State.SENDING).size();
    String sessions =
        p.schedule()
            .get()
            .map(s -> "Sessions: " + s.sessions().size() + " · ")
            .orElse("No schedule loaded yet · ");
    List<String> next = Replies.next(p, clock, OrganizerCommands.NEXT_COUNT, NEXT_HORIZON, true);
    return Replies.cut(
        "Source: "
            + p.sourceStatus().get()
            + "\n"
            + sessions
            + String.format(
                Locale.ROOT,
                "sent %d notifications since start (%d late, %d failed, %d skipped)",
                stats.sent(),
                stats.late(),
                stats.failed(),
                stats.skipped())
            + " · ledger holds "
            + sent
            + " sent"
            + (sending > 0 ? " and " + sending + " in doubt" : "")
            + "\nNext: "
            + (next.isEmpty() ? "nothing planned" : String.join(" · ", next)));
  }

  private String reload() {
    if (programme.isEmpty()) {
      return OrganizerCommands.NO_PROGRAMME;
    }
    try {
      return "Reloaded: " + programme.get().reload().get();
    } catch (RuntimeException e) {
      log.warn("Schedule reload failed: {}", e.toString());
      return "The schedule could not be reloaded ("
          + e.getMessage()
          + "); the last good schedule stays in use.";
    }
  }

  /** The organizer's one-line answer to {@code /schedule reload}. */
  static String reloadAnswer(ProgrammeService.Reload reload) {
    if (reload instanceof ProgrammeService.Reload.NoSource) {
      return "no schedule source is configured.";
    }
    if (reload instanceof ProgrammeService.Reload.HeldBackAccepted accepted) {
      return "the held-back schedule was accepted; "
          + accepted.sessions()
          + " sessions planned anew.";
    }
    if (reload instanceof ProgrammeService.Reload.Changed changed) {
      return "the schedule changed; " + changed.sessions() + " sessions planned anew.";
    }
    if (reload instanceof ProgrammeService.Reload.Unchanged unchanged) {
      return "no change; " + unchanged.sessions() + " sessions.";
    }
    throw new AssertionError(reload);
  }
}
