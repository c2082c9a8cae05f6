package dev.confbot.app;

import dev.confbot.config.ConfigException;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.ConfigProblem;
import dev.confbot.config.LoadedConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads the configuration for a command, printing every problem when it is invalid. */
final class ConfigLoading {
  private ConfigLoading() {}

  /** The loaded configuration, or empty after printing its problems to {@code err}. */
  static Optional<LoadedConfig> load(Map<String, String> environment, Path file, PrintWriter err) {
    return load(environment, file, err, Set.of());
  }

  /**
   * The loaded configuration of a command that never uses the secrets {@code notNeeded}, or empty
   * after printing its problems to {@code err}.
   */
  static Optional<LoadedConfig> load(
      Map<String, String> environment, Path file, PrintWriter err, Set<String> notNeeded) {
    try {
      return Optional.of(new ConfigLoader(environment).notNeeding(notNeeded).load(file));
    } catch (ConfigException e) {
      printProblems(err, file, e.problems());
      return Optional.empty();
    }
  }

  static void printProblems(PrintWriter err, Path file, List<ConfigProblem> problems) {
    err.printf(
        "%s is not valid: %d problem%s%n",
        file.toAbsolutePath().normalize(), problems.size(), problems.size() == 1 ? "" : "s");
    for (ConfigProblem problem : problems) {
      err.printf("  - %s: %s%n", problem.path(), problem.message());
    }
    err.println("Fix these and run 'confbot check' again. See docs/configuration.md.");
    err.flush();
  }
}
