package dev.confbot.app;

import picocli.CommandLine.Command;

/** {@code confbot tickets}: look up what an attendee would get, sync with pretix. */
@Command(
    name = "tickets",
    mixinStandardHelpOptions = true,
    description = "Ticket lookups and pretix synchronisation.",
    subcommands = {TicketsLookupCommand.class, TicketsSyncCommand.class})
final class TicketsCommand implements Runnable {
  @picocli.CommandLine.Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
