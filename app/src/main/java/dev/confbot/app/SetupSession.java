package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordServerSetup;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.SetupChange;
import dev.confbot.core.setup.SetupPlanner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code setup plan} and {@code setup apply} share: load the configuration, connect to
 * Discord, take a snapshot of the guild, map the blueprint and plan; then the command's action, and
 * the Discord connection is closed again.
 *
 * @param server the guild, for applying changes
 * @param notes what the mapping added, channels whose kind Discord cannot change, and what prune
 *     keeps
 * @param plan the changes, in order
 */
record SetupSession(DiscordServerSetup server, List<String> notes, List<SetupChange> plan) {

  /** A command's use of the session; returns the exit code. */
  interface Action {
    int run(SetupSession session);
  }

  SetupSession {
    notes = List.copyOf(notes);
    plan = List.copyOf(plan);
  }

  /** Runs the action on a fresh session; the exit code is 1 or 2 when it cannot be made. */
  static int run(CommandSpec spec, SetupOptions options, Action action)
      throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = ((Main) spec.root().userObject()).environment();
    Optional<LoadedConfig> loaded = ConfigLoading.load(environment, options.config.path(), err);
    if (loaded.isEmpty()) {
      return Main.INVALID;
    }
    ConfbotConfig config = loaded.get().config();
    JDA jda;
    try {
      jda = CliDiscord.connect(config, options.discordRestUrl, options.discordGatewayUrl);
    } catch (GatewayException e) {
      err.println("confbot: could not connect to Discord: " + CliDiscord.reason(e));
      err.flush();
      return 1;
    }
    try {
      Guild guild;
      try {
        guild = CliDiscord.guild(jda, config.discord().guildId());
      } catch (GatewayException e) {
        err.println("confbot: " + CliDiscord.reason(e) + " (discord.guild_id); invite it first.");
        err.flush();
        return 1;
      }
      DiscordServerSetup server = new DiscordServerSetup(guild);
      LiveServer live;
      try {
        live = server.snapshot();
      } catch (GatewayException | IllegalArgumentException e) {
        err.println("confbot: cannot read the server: " + e.getMessage());
        err.flush();
        return 1;
      }
      SetupMapping.Result mapped = SetupMapping.blueprint(config, live);
      if (mapped instanceof SetupMapping.Result.Invalid invalid) {
        err.printf(
            "The [setup] blueprint cannot be applied: %d problem%s%n",
            invalid.problems().size(), invalid.problems().size() == 1 ? "" : "s");
        invalid.problems().forEach(p -> err.println("  - " + p));
        err.println("Nothing was changed. See docs/organizers.md (Server setup).");
        err.flush();
        return Main.INVALID;
      }
      if (mapped instanceof SetupMapping.Result.Mapped ok) {
        List<String> notes = new ArrayList<>(ok.notes());
        SetupPlanner.conflicts(ok.blueprint(), live).forEach(c -> notes.add(c.describe()));
        List<SetupChange> plan =
            keepUsed(
                SetupPlanner.plan(ok.blueprint(), live, options.prune),
                SetupMapping.usedChannels(config),
                SetupMapping.usedRoles(config),
                notes);
        return action.run(new SetupSession(server, notes, plan));
      }
      throw new AssertionError(mapped);
    } finally {
      jda.shutdown();
    }
  }

  /**
   * The plan without deletions of channels and roles the configuration uses (a note says so): a
   * pruning apply must not take away the registration channel or a ticket role.
   */
  static List<SetupChange> keepUsed(
      List<SetupChange> plan,
      Map<String, String> usedChannels,
      Map<String, String> usedRoles,
      List<String> notes) {
    List<SetupChange> kept = new ArrayList<>();
    for (SetupChange change : plan) {
      if (change instanceof SetupChange.DeleteChannel delete
          && usedChannels.containsKey(delete.channel().name())) {
        String name = delete.channel().name();
        notes.add("kept #" + name + ": used by " + usedChannels.get(name));
      } else if (change instanceof SetupChange.DeleteRole delete
          && usedRoles.containsKey(delete.role().name())) {
        String name = delete.role().name();
        notes.add("kept role " + name + ": used by " + usedRoles.get(name));
      } else {
        kept.add(change);
      }
    }
    return kept;
  }
}
