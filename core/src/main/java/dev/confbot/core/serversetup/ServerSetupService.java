package dev.confbot.core.serversetup;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ServerSetup;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.ServerBlueprint;
import dev.confbot.core.setup.SetupChange;
import dev.confbot.core.setup.SetupPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Server setup from a blueprint: read the server, plan the changes (leaving out deletions of what
 * the configuration uses) and make them one at a time.
 */
public final class ServerSetupService {
  private final ServerSetup server;

  public ServerSetupService(ServerSetup server) {
    this.server = server;
  }

  /**
   * What setup would do and why.
   *
   * @param notes what the blueprint's mapping added, channels whose kind Discord cannot change, and
   *     what a pruning plan keeps
   * @param changes the changes, in order
   */
  public record Plan(List<String> notes, List<SetupChange> changes) {
    public Plan {
      notes = List.copyOf(notes);
      changes = List.copyOf(changes);
    }
  }

  /**
   * The server as it is now.
   *
   * @throws GatewayException when it cannot be read
   */
  public LiveServer snapshot() {
    return server.snapshot();
  }

  /**
   * The plan that turns {@code live} into {@code blueprint}.
   *
   * @param mappingNotes notes from building the blueprint, shown first
   * @param prune whether channels and roles the blueprint does not name are deleted (those the
   *     configuration uses are kept, with a note)
   */
  public Plan plan(
      ServerBlueprint blueprint,
      List<String> mappingNotes,
      LiveServer live,
      boolean prune,
      ConfigurationUses uses) {
    List<String> notes = new ArrayList<>(mappingNotes);
    SetupPlanner.conflicts(blueprint, live).forEach(c -> notes.add(c.describe()));
    List<SetupChange> changes = keepUsed(SetupPlanner.plan(blueprint, live, prune), uses, notes);
    return new Plan(notes, changes);
  }

  /**
   * Makes one change on the server.
   *
   * @throws GatewayException when the server refuses it
   */
  public void apply(SetupChange change) {
    server.apply(change);
  }

  /**
   * The plan without deletions of channels and roles the configuration uses, by name or by id (a
   * note says so): a pruning apply must not take away the registration channel or a ticket role.
   */
  static List<SetupChange> keepUsed(
      List<SetupChange> plan, ConfigurationUses uses, List<String> notes) {
    List<SetupChange> kept = new ArrayList<>();
    for (SetupChange change : plan) {
      Optional<String> reason = keptBecause(change, uses);
      if (reason.isPresent()) {
        notes.add(reason.get());
      } else {
        kept.add(change);
      }
    }
    return kept;
  }

  /** Why this change is left out of the plan; empty when it stays. */
  private static Optional<String> keptBecause(SetupChange change, ConfigurationUses uses) {
    if (change instanceof SetupChange.DeleteChannel delete) {
      String name = delete.channel().name();
      return uses.channel(delete.channel()).map(key -> "kept #" + name + ": used by " + key);
    }
    if (change instanceof SetupChange.DeleteRole delete) {
      String name = delete.role().name();
      return uses.role(delete.role()).map(key -> "kept role " + name + ": used by " + key);
    }
    return Optional.empty();
  }
}
