package dev.confbot.app;

import com.google.inject.Injector;
import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.adapter.sqlite.SqliteSettings;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.PersonalData.Category;
import dev.confbot.core.port.PersonalData.Counts;
import dev.confbot.core.privacy.PurgeResult;
import dev.confbot.core.privacy.PurgeService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code confbot data purge}: deletes the personal data from the database once {@code
 * privacy.keep_until} is over, printing what it deleted by category; {@code --dry-run} only counts,
 * {@code --now} purges before the date. Needs no tokens. What is deleted is {@link PurgeService}'s.
 */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Delete the personal data (ticket claims, the ticket snapshot with attendee names, session"
          + " reminders, failed registration attempts) from the database once the retention"
          + " period set by privacy.keep_until is over. Stop the bot first.",
      "Exit 0 when purged (or on a dry run), 2 when refused or for configuration errors, 1 when"
          + " the database could not be read."
    })
final class DataPurgeCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  @Mixin private ConfigOption configOption = new ConfigOption();

  @Option(names = "--dry-run", description = "Only count what would be deleted; delete nothing.")
  private boolean dryRun;

  @Option(
      names = {"--now", "--force"},
      description = "Purge even before the retention period is over (or without one).")
  private boolean now;

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
            Set.of(ConfigLoader.DISCORD_TOKEN, ConfigLoader.PRETIX_TOKEN));
    if (loaded.isEmpty()) {
      return Main.INVALID;
    }
    ConfbotConfig config = loaded.get().config();
    SqliteSettings settings = Wiring.sqliteSettings(config);
    Path file = settings.databaseFile().toAbsolutePath().normalize();
    if (!Files.exists(file)) {
      out.println("There is no database at " + file + ": no personal data is kept there.");
      out.flush();
      return 0;
    }
    ZoneId zone = config.schedule().timeZone();
    Injector injector = Confbot.oneShot(config);
    SqliteDatabase database = injector.getInstance(SqliteDatabase.class);
    PurgeResult result;
    try {
      database.start();
      PurgeService service = injector.getInstance(PurgeService.class);
      result = dryRun ? service.dryRun() : service.purge(now);
    } catch (GatewayException e) {
      err.println("confbot: the database " + file + " could not be purged: " + e.getMessage());
      err.flush();
      return 1;
    } finally {
      database.close();
    }
    return report(result, config, file, zone, out, err);
  }

  private static int report(
      PurgeResult result,
      ConfbotConfig config,
      Path file,
      ZoneId zone,
      PrintWriter out,
      PrintWriter err) {
    String keepUntil =
        config.privacy().retainedUntil().map(d -> "privacy.keep_until = " + d).orElse("");
    if (result instanceof PurgeResult.DryRun) {
      PurgeResult.DryRun dry = (PurgeResult.DryRun) result;
      out.println("Personal data in " + file + ":");
      table(out, dry.kept());
      out.println(
          "Dry run: nothing was deleted. "
              + (dry.purgeFrom().isEmpty()
                  ? "privacy.keep_until is not set, so 'confbot data purge' needs --now."
                  : dry.allowed()
                      ? "The retention period is over ("
                          + keepUntil
                          + "): 'confbot data purge'"
                          + " deletes it."
                      : "'confbot data purge' deletes it from "
                          + when(dry.purgeFrom().get(), zone)
                          + " ("
                          + keepUntil
                          + ")."));
      out.flush();
      return 0;
    }
    if (result instanceof PurgeResult.Refused) {
      PurgeResult.Refused refused = (PurgeResult.Refused) result;
      err.println(
          refused.purgeFrom().isEmpty()
              ? "confbot: privacy.keep_until is not set, so confbot does not know when the"
                  + " retention period ends. Set it in the configuration (see docs/privacy.md),"
                  + " or pass --now to delete the personal data now."
              : "confbot: the retention period is not over: personal data is kept until the end"
                  + " of "
                  + config.privacy().retainedUntil().orElseThrow()
                  + " (privacy.keep_until), so it can be purged from "
                  + when(refused.purgeFrom().get(), zone)
                  + ". Pass --now to delete it earlier.");
      err.println(
          "Nothing was deleted; the database holds "
              + refused.kept().total()
              + " items of personal data ('confbot data purge --dry-run' lists them).");
      err.flush();
      return Main.INVALID;
    }
    if (result instanceof PurgeResult.Purged) {
      PurgeResult.Purged purged = (PurgeResult.Purged) result;
      out.println(
          "Deleted from "
              + file
              + (purged.early() ? " (before the retention period was over, --now):" : ":"));
      table(out, purged.deleted());
      out.println(
          "Personal data purged. Keep the bot stopped: a running bot fetches the orders from"
              + " pretix again. Delete old backups of the database too (docs/privacy.md).");
      out.flush();
      return 0;
    }
    throw new AssertionError(result);
  }

  private static void table(PrintWriter out, Counts counts) {
    for (Category category : Category.values()) {
      out.printf(Locale.ROOT, "  %-36s %6d%n", category.label(), counts.of(category));
    }
  }

  private static String when(Instant instant, ZoneId zone) {
    return WHEN.format(instant.atZone(zone)) + " " + zone.getId();
  }
}
