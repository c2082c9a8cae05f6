package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordSession;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.serversetup.ConfigurationUses;
import dev.confbot.core.serversetup.ServerSetupService;
import dev.confbot.core.setup.LiveServer;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code setup plan} and {@code setup apply} share: load the configuration, connect to
 * Discord, take a snapshot of the guild, map the blueprint and plan; then the command's action, and
 * the Discord connection is closed again.
 *
 * @param server setup on the guild, for applying changes
 * @param plan the changes in order, with what the mapping added, channels whose kind Discord cannot
 *     change, and what prune keeps
 */
record SetupSession(ServerSetupService server, ServerSetupService.Plan plan) {

  /** A command's use of the session; returns the exit code. */
  interface Action {
    int run(SetupSession session);
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
    DiscordSession discord;
    try {
      discord = options.discordUrls.connect(config);
    } catch (GatewayException e) {
      err.println("confbot: could not connect to Discord: " + e.reason());
      err.flush();
      return 1;
    }
    try {
      ServerSetupService server;
      try {
        server = new ServerSetupService(discord.serverSetup());
      } catch (GatewayException e) {
        err.println("confbot: " + e.reason() + " (discord.guild_id); invite it first.");
        err.flush();
        return 1;
      }
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
        ServerSetupService.Plan plan =
            server.plan(
                ok.blueprint(),
                ok.notes(),
                live,
                options.prune,
                new ConfigurationUses(
                    SetupMapping.usedChannels(config),
                    SetupMapping.usedChannelIds(config),
                    SetupMapping.usedRoles(config),
                    SetupMapping.usedRoleIds(config)));
        return action.run(new SetupSession(server, plan));
      }
      throw new AssertionError(mapped);
    } finally {
      discord.close();
    }
  }
}
