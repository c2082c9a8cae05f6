package dev.confbot.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code confbot setup plan}: prints what {@code setup apply} would change on the server. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show the difference between the [setup] blueprint and the live server, one line per"
          + " change: + creates, ~ changes, - deletes (only with --prune). Changes nothing.",
      "Exit 0 on success, 1 when Discord cannot be reached, 2 for configuration errors."
    })
final class SetupPlanCommand implements Callable<Integer> {
  @Mixin private SetupOptions options = new SetupOptions();

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    return SetupSession.run(
        spec,
        options,
        session -> {
          SetupOutput.printPlan(
              spec.commandLine().getOut(), session.plan().notes(), session.plan().changes());
          return 0;
        });
  }
}
