package dev.confbot.app;

import picocli.CommandLine.Command;

/** {@code confbot setup}: the server blueprint of the configuration. */
@Command(
    name = "setup",
    mixinStandardHelpOptions = true,
    description =
        "Server setup from the [setup] blueprint of the configuration: roles, categories, text"
            + " channels and permission overwrites.",
    subcommands = {SetupPlanCommand.class, SetupApplyCommand.class})
final class SetupCommand implements Runnable {
  @picocli.CommandLine.Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
