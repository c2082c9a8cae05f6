package dev.confbot.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config PATH} option, shared by every subcommand through {@code @Mixin}. The {@code
 * .local.toml} sibling of the chosen file is merged over it.
 */
public final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "PATH",
      defaultValue = "config.toml",
      description =
          "Configuration file (default: ${DEFAULT-VALUE}); its .local.toml sibling and the"
              + " .secrets file beside it are read too.")
  private Path path = Path.of("config.toml");

  /** The configuration file chosen on the command line. */
  public Path path() {
    return path;
  }
}
