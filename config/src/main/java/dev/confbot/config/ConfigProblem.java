package dev.confbot.config;

/**
 * One thing wrong with the configuration.
 *
 * @param path where: a key path such as {@code registration.failed_attempts.max}, or a file and
 *     line such as {@code config.toml:12} or {@code .secrets:3}
 * @param message what was expected and what was found; never contains a secret value
 */
public record ConfigProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
