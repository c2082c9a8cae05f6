package dev.confbot.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code confbot data}: the personal data in the database (see docs/privacy.md). */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Personal data kept in the database (see docs/privacy.md).",
    subcommands = {DataPurgeCommand.class})
final class DataCommand implements Runnable {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
