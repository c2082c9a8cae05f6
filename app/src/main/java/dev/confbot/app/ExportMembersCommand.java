package dev.confbot.app;

import com.google.inject.Injector;
import dev.confbot.adapter.discord.DiscordSession;
import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.stats.MemberExport;
import dev.confbot.core.stats.ServerMember;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code confbot export members}: the conference server's members as CSV (id, name, nickname,
 * roles, joined at, registered order positions), the same file {@code /export members} attaches.
 * Members come from Discord, registrations from the claims in the data directory.
 */
@Command(
    name = "members",
    mixinStandardHelpOptions = true,
    description = {
      "Write the server's members as CSV (id, name, nickname, roles, joined_at, registered).",
      "The file holds personal data: share it only with those who need it.",
      "Exit 0 on success, 1 when Discord or the data directory cannot be used, 2 for"
          + " configuration or usage errors."
    })
final class ExportMembersCommand implements Callable<Integer> {
  @Mixin private ConfigOption configOption = new ConfigOption();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      required = true,
      description = "Where to write the CSV; - writes it to standard output.")
  @SuppressWarnings("NullAway.Init") // required option, set by picocli
  private String out;

  @Option(names = "--force", description = "Replace the output file if it exists.")
  private boolean force;

  @Mixin private DiscordUrlOptions discordUrls = new DiscordUrlOptions();

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = ((Main) spec.root().userObject()).environment();
    Optional<LoadedConfig> loaded =
        ConfigLoading.load(
            environment, configOption.path(), err, Set.of(ConfigLoader.PRETIX_TOKEN));
    if (loaded.isEmpty()) {
      return Main.INVALID;
    }
    ConfbotConfig config = loaded.get().config();
    boolean toStdout = "-".equals(out);
    Path file = Path.of(out).toAbsolutePath().normalize();
    if (!toStdout && Files.exists(file) && !force) {
      return fail(
          err,
          Main.INVALID,
          file + " exists; pass --force to replace it, or choose another file with --out.");
    }
    Injector injector = Confbot.oneShot(config);
    SqliteDatabase database = injector.getInstance(SqliteDatabase.class);
    String csv;
    int count;
    try {
      database.start();
      List<ClaimStore.Claim> claims = injector.getInstance(ClaimStore.class).all();
      List<ServerMember> members = fetchMembers(config);
      csv = MemberExport.csv(MemberExport.rows(members, claims));
      count = members.size();
    } catch (GatewayException e) {
      String what =
          "discord".equals(e.system())
              ? "could not read the members from Discord: "
              : "the data directory cannot be used: ";
      return fail(err, Main.UNEXPECTED_ERROR, what + e.reason());
    } finally {
      database.close();
    }
    if (toStdout) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(csv);
      stdout.flush();
      return 0;
    }
    try {
      write(file, csv);
    } catch (IOException e) {
      return fail(err, Main.UNEXPECTED_ERROR, "cannot write " + file + ": " + e);
    }
    err.println(
        "Wrote "
            + count
            + " members to "
            + file
            + ". The file holds personal data: share it only with those who need it.");
    err.flush();
    return 0;
  }

  /** Logs in, reads the guild's members and logs out again. */
  private List<ServerMember> fetchMembers(ConfbotConfig config) {
    try (DiscordSession discord = discordUrls.connect(config)) {
      return discord.members();
    }
  }

  /** Writes through a temporary file beside the target, so no half-written export is left. */
  private void write(Path file, String csv) throws IOException {
    Path directory = Objects.requireNonNullElse(file.getParent(), file.getRoot());
    Path temporary = Files.createTempFile(directory, ".confbot-export-", ".csv.tmp");
    try {
      Files.writeString(temporary, csv, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static int fail(PrintWriter err, int exit, String message) {
    err.println("confbot: " + message);
    err.flush();
    return exit;
  }
}
