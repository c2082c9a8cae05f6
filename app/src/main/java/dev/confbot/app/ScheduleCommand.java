package dev.confbot.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code confbot schedule}: programme notifications. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = "Programme notifications from the pretalx schedule.",
    subcommands = {SchedulePreviewCommand.class})
final class ScheduleCommand implements Runnable {
  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
