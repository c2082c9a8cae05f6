package dev.confbot.app;

import com.google.inject.Injector;
import dev.confbot.adapter.discord.DiscordSession;
import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.jobboard.JobBoardService;
import dev.confbot.core.jobboard.JobPostReport;
import dev.confbot.core.jobs.JobCsvProblem;
import dev.confbot.core.jobs.JobOffer;
import dev.confbot.core.jobs.JobOffersFile;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.JobPoster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code confbot jobs post}: posts the job offers of a CSV file that were not posted before, as
 * embeds in the job-board channel, and records them in the data directory's ledger so that no offer
 * is posted twice, across runs and restarts.
 */
@Command(
    name = "post",
    mixinStandardHelpOptions = true,
    description = {
      "Post the job offers of the CSV file (company,title,link,text[,image]) that were not posted"
          + " before to the job-board channel.",
      "Exit 0 on success, 1 when some offers could not be posted, 2 for configuration or CSV"
          + " errors."
    })
final class JobsPostCommand implements Callable<Integer> {
  @Mixin private ConfigOption configOption = new ConfigOption();

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "The job offers (default: csv of [job_board] in the configuration).")
  private @Nullable Path csv;

  @Option(
      names = "--dry-run",
      description = "Only show what would be posted; needs no Discord connection.")
  private boolean dryRun;

  @Mixin private DiscordUrlOptions discordUrls = new DiscordUrlOptions();

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = ((Main) spec.root().userObject()).environment();
    Optional<LoadedConfig> loaded =
        ConfigLoading.load(
            environment,
            configOption.path(),
            err,
            dryRun
                ? Set.of(ConfigLoader.DISCORD_TOKEN, ConfigLoader.PRETIX_TOKEN)
                : Set.of(ConfigLoader.PRETIX_TOKEN));
    if (loaded.isEmpty()) {
      return Main.INVALID;
    }
    ConfbotConfig config = loaded.get().config();
    Optional<JobOffersFile.Read.Loaded> read = readOffers(config, err);
    if (read.isEmpty()) {
      return Main.INVALID;
    }
    List<JobOffer> offers = read.get().offers();
    Path images = read.get().directory();
    Injector injector = Confbot.oneShot(config);
    SqliteDatabase database = injector.getInstance(SqliteDatabase.class);
    try {
      database.start();
    } catch (GatewayException e) {
      err.println("confbot: the data directory cannot be used: " + e.getMessage());
      err.flush();
      return 1;
    }
    try {
      JobLedger ledger = injector.getInstance(JobLedger.class);
      JobPostReport report;
      if (dryRun) {
        report = service(embed -> fail(), injector).post(offers, ledger, true);
      } else {
        Optional<DiscordSession> session = connect(config, err);
        if (session.isEmpty()) {
          return 1;
        }
        try {
          JobPoster poster = session.get().jobPoster(config.jobBoard().channel().value(), images);
          report = service(poster, injector).post(offers, ledger, false);
        } finally {
          session.get().close();
        }
      }
      out.println(report.describe());
      out.flush();
      if (report.reason().isPresent()) {
        err.println("confbot: " + report.reason().get());
        err.flush();
      }
      return report.failed() ? 1 : 0;
    } finally {
      database.close();
    }
  }

  private static JobBoardService service(JobPoster poster, Injector injector) {
    return new JobBoardService(poster, injector.getInstance(Clock.class));
  }

  private static void fail() {
    throw new AssertionError("a dry run posts nothing");
  }

  private Optional<Path> csvFile(ConfbotConfig config) {
    return csv != null ? Optional.of(csv) : config.jobBoard().csvFile();
  }

  /** The offers of the CSV file, or empty after printing why it cannot be used. */
  private Optional<JobOffersFile.Read.Loaded> readOffers(ConfbotConfig config, PrintWriter err) {
    Optional<Path> chosen = csvFile(config);
    if (chosen.isEmpty()) {
      err.println(
          "confbot: no job offers file: pass --csv FILE or set csv in [job_board] of the"
              + " configuration.");
      err.flush();
      return Optional.empty();
    }
    JobOffersFile.Read read = JobOffersFile.read(chosen.get());
    if (read instanceof JobOffersFile.Read.Loaded loadedOffers) {
      return Optional.of(loadedOffers);
    }
    if (read instanceof JobOffersFile.Read.Missing missing) {
      err.println("confbot: the job offers file " + missing.file() + " does not exist.");
    } else if (read instanceof JobOffersFile.Read.Unreadable unreadable) {
      err.println(
          "confbot: cannot read the job offers file "
              + unreadable.file()
              + ": "
              + unreadable.reason());
    } else if (read instanceof JobOffersFile.Read.Invalid invalid) {
      List<JobCsvProblem> problems = invalid.problems();
      err.printf(
          "%s is not valid: %d problem%s%n",
          invalid.file(), problems.size(), problems.size() == 1 ? "" : "s");
      for (JobCsvProblem problem : problems) {
        err.println("  - " + problem.describe());
      }
      err.println("Nothing was posted. Fix these and run 'confbot jobs post --dry-run' again.");
    }
    err.flush();
    return Optional.empty();
  }

  /** Logs in to Discord and waits for the guilds; empty after printing why it failed. */
  private Optional<DiscordSession> connect(ConfbotConfig config, PrintWriter err) {
    try {
      return Optional.of(discordUrls.connect(config));
    } catch (GatewayException e) {
      err.println("confbot: could not connect to Discord: " + e.getMessage());
      err.flush();
      return Optional.empty();
    }
  }
}
