package dev.confbot.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code confbot setup apply}: makes the server match the blueprint, change by change, in the
 * plan's order; stops at the first change Discord refuses. Running it again changes nothing.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Make the live server match the [setup] blueprint: create and update roles, categories,"
          + " channels of every type and permission overwrites, and put them in order. Deletes nothing"
          + " unless --prune is given. Stops at the first change Discord refuses; run it again"
          + " once fixed.",
      "Exit 0 on success, 1 when a change failed or Discord cannot be reached, 2 for"
          + " configuration errors."
    })
final class SetupApplyCommand implements Callable<Integer> {
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
          SetupOutput.Applied applied =
              SetupOutput.apply(
                  spec.commandLine().getOut(),
                  session.plan().notes(),
                  session.plan().changes(),
                  session.server()::apply);
          return applied.failed() ? 1 : 0;
        });
  }
}
