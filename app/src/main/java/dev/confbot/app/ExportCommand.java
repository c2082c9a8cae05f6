package dev.confbot.app;

import picocli.CommandLine.Command;

/** {@code confbot export}: data exports for organizers. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Data exports for organizers (personal data: share carefully).",
    subcommands = {ExportMembersCommand.class})
final class ExportCommand implements Runnable {
  @picocli.CommandLine.Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
