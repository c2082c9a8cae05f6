package dev.confbot.app;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.setup.SetupChange;
import dev.confbot.core.setup.SetupPlanner;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/** What {@code setup plan} and {@code setup apply} print. */
final class SetupOutput {
  private SetupOutput() {}

  /**
   * The result of an apply.
   *
   * @param done changes made
   * @param failed whether a change failed (the rest were not attempted)
   * @param notAttempted changes after the failed one
   */
  record Applied(int done, boolean failed, int notAttempted) {}

  /** Notes, one line per change and a count, or "Nothing to change.", and how to apply it. */
  static void printPlan(PrintWriter out, List<String> notes, List<SetupChange> plan) {
    printNotes(out, notes);
    out.println(SetupPlanner.describe(plan));
    if (!plan.isEmpty()) {
      boolean prune = plan.stream().anyMatch(SetupPlanner::isDeletion);
      out.println(
          "Run 'confbot setup apply" + (prune ? " --prune" : "") + "' to make these changes.");
    }
    out.flush();
  }

  /**
   * Applies the changes in order with {@code applier}, printing each as it is made, and stops at
   * the first failure (a {@link GatewayException}), printing its message and a summary.
   */
  static Applied apply(
      PrintWriter out, List<String> notes, List<SetupChange> plan, Consumer<SetupChange> applier) {
    printNotes(out, notes);
    if (plan.isEmpty()) {
      out.println("Nothing to change.");
      out.flush();
      return new Applied(0, false, 0);
    }
    int done = 0;
    for (SetupChange change : plan) {
      try {
        applier.accept(change);
      } catch (GatewayException e) {
        out.println("! " + change.describe());
        out.println("  failed: " + e.getMessage());
        int rest = plan.size() - done - 1;
        out.printf(
            "Stopped: %d of %d changes made, 1 failed, %d not attempted. Fix the problem above"
                + " and run 'confbot setup apply' again; it continues where it stopped.%n",
            done, plan.size(), rest);
        out.flush();
        return new Applied(done, true, rest);
      }
      out.println(change.describe());
      out.flush();
      done++;
    }
    out.println("Applied " + done + (done == 1 ? " change." : " changes."));
    out.flush();
    return new Applied(done, false, 0);
  }

  private static void printNotes(PrintWriter out, List<String> notes) {
    for (String note : notes) {
      out.println("note: " + note);
    }
  }
}
