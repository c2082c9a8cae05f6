package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordServerSetup;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.LiveRole;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.SetupChange;
import dev.confbot.core.setup.SetupPlanner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    Optional<LoadedConfig> loaded =
        ConfigLoading.load(
            environment, options.config.path(), err, Set.of(ConfigLoader.PRETIX_TOKEN));
    if (loaded.isEmpty()) {
      return Main.INVALID;
    }
    ConfbotConfig config = loaded.get().config();
    JDA jda;
    try {
      jda = options.discordUrls.connect(config);
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
                new Used(
                    SetupMapping.usedChannels(config),
                    SetupMapping.usedChannelIds(config),
                    SetupMapping.usedRoles(config),
                    SetupMapping.usedRoleIds(config)),
                notes);
        return action.run(new SetupSession(server, notes, plan));
      }
      throw new AssertionError(mapped);
    } finally {
      jda.shutdown();
    }
  }

  /**
   * The channels and roles the configuration uses, each with the key that uses it.
   *
   * @param channels channels by name
   * @param channelIds channels by id
   * @param roles roles by name
   * @param roleIds roles by id
   */
  record Used(
      Map<String, String> channels,
      Map<Long, String> channelIds,
      Map<String, String> roles,
      Map<Long, String> roleIds) {
    Used {
      channels = Map.copyOf(channels);
      channelIds = Map.copyOf(channelIds);
      roles = Map.copyOf(roles);
      roleIds = Map.copyOf(roleIds);
    }

    /** The key that uses this channel, by name or by id. */
    Optional<String> channel(LiveChannel channel) {
      return Optional.ofNullable(channels.get(channel.name()))
          .or(() -> Optional.ofNullable(channelIds.get(channel.id())));
    }

    /** The key that uses this role, by name or by id. */
    Optional<String> role(LiveRole role) {
      return Optional.ofNullable(roles.get(role.name()))
          .or(() -> Optional.ofNullable(roleIds.get(role.id())));
    }
  }

  /**
   * The plan without deletions of channels and roles the configuration uses, by name or by id (a
   * note says so): a pruning apply must not take away the registration channel or a ticket role.
   */
  static List<SetupChange> keepUsed(List<SetupChange> plan, Used used, List<String> notes) {
    List<SetupChange> kept = new ArrayList<>();
    for (SetupChange change : plan) {
      Optional<String> reason = keptBecause(change, used);
      if (reason.isPresent()) {
        notes.add(reason.get());
      } else {
        kept.add(change);
      }
    }
    return kept;
  }

  /** Why this change is left out of the plan; empty when it stays. */
  private static Optional<String> keptBecause(SetupChange change, Used used) {
    if (change instanceof SetupChange.DeleteChannel delete) {
      String name = delete.channel().name();
      return used.channel(delete.channel()).map(key -> "kept #" + name + ": used by " + key);
    }
    if (change instanceof SetupChange.DeleteRole delete) {
      String name = delete.role().name();
      return used.role(delete.role()).map(key -> "kept role " + name + ": used by " + key);
    }
    return Optional.empty();
  }
}
