package dev.confbot.adapter.discord;

import dev.confbot.core.jobboard.JobBoardService;
import dev.confbot.core.jobboard.JobPostReport;
import dev.confbot.core.jobs.JobOffer;
import dev.confbot.core.jobs.JobOffersFile;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.JobPoster;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organizer command {@code /jobs post [dry_run]}: posts the offers of the configured job-board
 * CSV that the ledger does not know yet, as embeds in the job-board channel, and answers the
 * organizer ephemerally with what happened (posted, already posted, not posted and why; or every
 * problem of the CSV with its line).
 *
 * <p>Every invocation is checked with {@link OrganizerGuard}. The reply is deferred and the work
 * runs on the bounded executor passed in; one run at a time (a second organizer is told to wait),
 * because the job board service must not run twice against one ledger at once. The CSV is read anew
 * on every run, so organizers can edit it while the bot runs.
 */
public final class JobBoardCommands extends OrganizerListener {
  private static final Logger log = LoggerFactory.getLogger(JobBoardCommands.class);

  static final String COMMAND = "jobs";
  static final String DRY_RUN = "dry_run";
  static final String NOT_CONFIGURED =
      "No job board is configured: set csv (and channel) in [job_board] of the bot's"
          + " configuration.";
  static final String RUNNING =
      "A job board run is already in progress; try again when it has finished.";

  /**
   * What {@code /jobs post} needs to know.
   *
   * @param guildId commands from other guilds are ignored
   * @param organizerRoles roles whose holders may post (by name or id; resolved to role ids once
   *     the guild is loaded)
   * @param channel the job-board channel's name, {@code #name} or id
   * @param csv the job offers file (image paths are relative to its directory); null when no job
   *     board is configured
   */
  public record Settings(
      long guildId, Set<RoleRef> organizerRoles, String channel, @Nullable Path csv) {
    public Settings {
      organizerRoles = Set.copyOf(organizerRoles);
    }
  }

  private final Settings settings;
  private final JobLedger ledger;
  private final Clock clock;
  private final DeferredWork work;
  private final CommandRouter router;
  private final ReentrantLock running = new ReentrantLock();

  /**
   * The command; register {@link #commands()} with the bot and this object as a listener.
   *
   * @param settings guild, organizer roles, channel and CSV file
   * @param ledger the posted-ledger that prevents reposts (persistent in the bot)
   * @param clock time source for the ledger's posting times
   * @param workers bounded executor for the blocking work (shared with the bot's other work)
   */
  public JobBoardCommands(
      Settings settings, JobLedger ledger, Clock clock, ExecutorService workers) {
    super(settings.guildId(), settings.organizerRoles());
    this.settings = settings;
    this.ledger = ledger;
    this.clock = clock;
    this.work = new DeferredWork(workers);
    this.router = routes().organizer(COMMAND + " post", this::post).build();
  }

  /** {@code /jobs post [dry_run]}, hidden by default member permissions, guild only. */
  public static List<CommandData> commands() {
    return List.of(
        SlashCommands.organizerCommand(COMMAND, "Job board")
            .addSubcommands(
                new SubcommandData(
                        "post", "Post the job offers of the CSV file that were not posted yet")
                    .addOption(
                        OptionType.BOOLEAN,
                        DRY_RUN,
                        "Only show what would be posted (default: false)",
                        false)));
  }

  private void post(SlashCommandInteractionEvent event) {
    Guild guild = Objects.requireNonNull(event.getGuild());
    OptionMapping option = event.getOption(DRY_RUN);
    boolean dryRun = option != null && option.getAsBoolean();
    InteractionHook hook = DeferredWork.deferReply(event);
    work.answer(hook, "jobs post", DeferredWork.Answers.organizer(), () -> answer(guild, dryRun));
  }

  private String answer(Guild guild, boolean dryRun) {
    if (!running.tryLock()) {
      return RUNNING;
    }
    try {
      return post(guild, dryRun);
    } finally {
      running.unlock();
    }
  }

  /** Reads the CSV and posts (or plans) its new offers; returns the organizer's answer. */
  private String post(Guild guild, boolean dryRun) {
    Path csv = settings.csv();
    if (csv == null) {
      return NOT_CONFIGURED;
    }
    JobOffersFile.Read read = JobOffersFile.read(csv);
    if (read instanceof JobOffersFile.Read.Missing missing) {
      return "The job offers file "
          + missing.file()
          + " does not exist. Put it there or fix csv in [job_board] of the configuration;"
          + " nothing was posted.";
    }
    if (read instanceof JobOffersFile.Read.Unreadable unreadable) {
      log.warn("Job offers file {} cannot be read: {}", unreadable.file(), unreadable.reason());
      return "The job offers file "
          + unreadable.file()
          + " cannot be read by the bot ("
          + unreadable.reason()
          + "); nothing was posted.";
    }
    if (read instanceof JobOffersFile.Read.Invalid invalid) {
      return problems(invalid);
    }
    JobOffersFile.Read.Loaded loaded = (JobOffersFile.Read.Loaded) read;
    Path directory = loaded.directory();
    List<JobOffer> offers = loaded.offers();
    JobPoster poster = new DiscordJobPoster(() -> guild, settings.channel(), directory);
    JobPostReport report = new JobBoardService(poster, clock).post(offers, ledger, dryRun);
    log.info(
        "/jobs post{}: {} of {} offers posted",
        dryRun ? " (dry run)" : "",
        report.posted().size(),
        offers.size());
    List<String> lines = new ArrayList<>(report.describe().lines().toList());
    String summary = lines.remove(0);
    if (report.reason().isPresent()) {
      summary += "\nReason: " + report.reason().get();
    }
    return capped(summary, lines, "");
  }

  /** The CSV's problems, each with its line, as many as fit. */
  private static String problems(JobOffersFile.Read.Invalid invalid) {
    List<String> lines = invalid.problems().stream().map(p -> "• " + p.describe()).toList();
    return capped(
        invalid.heading(), lines, "Nothing was posted. Fix the file and run /jobs post again.");
  }

  /**
   * The header, as many lines as fit in one Discord message with the footer, a note on how many
   * lines were left out, then the footer.
   */
  static String capped(String header, List<String> lines, String footer) {
    StringBuilder text = new StringBuilder(header);
    int room = Replies.MAX_LENGTH - footer.length() - 40;
    int shown = 0;
    for (String line : lines) {
      if (text.length() + 1 + line.length() > room) {
        break;
      }
      text.append('\n').append(line);
      shown++;
    }
    if (shown < lines.size()) {
      text.append("\n… and ").append(lines.size() - shown).append(" more");
    }
    if (!footer.isEmpty()) {
      text.append('\n').append(footer);
    }
    return Replies.cut(text.toString());
  }

  @Override
  CommandRouter router() {
    return router;
  }
}
