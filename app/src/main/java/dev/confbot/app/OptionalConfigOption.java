package dev.confbot.app;

import dev.confbot.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The {@code --config PATH} option of commands that also work without a configuration (lookups and
 * previews): the chosen file, else {@code config.toml} when it exists, else none.
 */
final class OptionalConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "PATH",
      description = "Configuration file (default: config.toml when it exists)")
  private @Nullable Path path;

  /** The outcome: the configuration if there is one, or that it was invalid (already printed). */
  record Result(Optional<LoadedConfig> config, boolean invalid) {}

  /** The configuration, for a command that never uses the secrets {@code notNeeded}. */
  Result load(Map<String, String> environment, PrintWriter err, Set<String> notNeeded) {
    Path file = path != null ? path : Path.of("config.toml");
    if (path == null && !Files.isRegularFile(file)) {
      return new Result(Optional.empty(), false);
    }
    Optional<LoadedConfig> loaded = ConfigLoading.load(environment, file, err, notNeeded);
    return new Result(loaded, loaded.isEmpty());
  }

  /** The file named on the command line or the default one, for messages. */
  Path file() {
    return path != null ? path : Path.of("config.toml");
  }
}
