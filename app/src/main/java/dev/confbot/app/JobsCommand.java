package dev.confbot.app;

import picocli.CommandLine.Command;

/** {@code confbot jobs}: the job board. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = "Job board: post job offers from a CSV file to the job-board channel.",
    subcommands = {JobsPostCommand.class})
final class JobsCommand implements Runnable {
  @picocli.CommandLine.Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
