package dev.confbot.adapter.discord;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * Dispatches slash commands by name (and subcommand) to their handlers. A router ignores commands
 * it has no route for and, when bound to a guild, commands from other guilds. For an organizer-only
 * command it first checks the member with {@link OrganizerGuard} (whatever Discord's command
 * permissions say) and answers everyone else with {@link OrganizerGuard#REFUSAL}; a known command
 * with an unknown subcommand (an outdated client) is answered with "Unknown command". Both answers
 * are ephemeral.
 */
final class CommandRouter {
  /**
   * Handles one command on JDA's event thread (deferring blocking work, see {@link DeferredWork}).
   */
  @FunctionalInterface
  interface Handler {
    void handle(SlashCommandInteractionEvent event);
  }

  private record Route(boolean organizerOnly, Handler handler) {}

  private final @Nullable Long guildId;
  private final @Nullable OrganizerGuard guard;
  private final Map<String, Route> routes;
  private final Map<String, Boolean> names;

  private CommandRouter(
      @Nullable Long guildId,
      @Nullable OrganizerGuard guard,
      Map<String, Route> routes,
      Map<String, Boolean> names) {
    this.guildId = guildId;
    this.guard = guard;
    this.routes = Map.copyOf(routes);
    this.names = Map.copyOf(names);
  }

  /** A router for the commands of one guild; organizer routes are checked with the guard. */
  static Builder forGuild(long guildId, OrganizerGuard guard) {
    return new Builder(guildId, guard);
  }

  /** A router for member commands from any guild (no organizer routes). */
  static Builder anyGuild() {
    return new Builder(null, null);
  }

  /**
   * Routes the command when it is one of this router's.
   *
   * @return false when the command is not this router's (another listener's, or another guild's)
   */
  boolean route(SlashCommandInteractionEvent event) {
    String name = event.getName();
    Boolean organizerOnly = names.get(name);
    if (organizerOnly == null || !isOurGuild(event.getGuild())) {
      return false;
    }
    String sub = event.getSubcommandName();
    String key = sub == null ? name : name + " " + sub;
    Route route = routes.get(key);
    boolean guarded = route == null ? organizerOnly : route.organizerOnly();
    if (guarded && (guard == null || !guard.allows(event.getMember()))) {
      reply(event, OrganizerGuard.REFUSAL);
      return true;
    }
    if (route == null) {
      reply(event, "Unknown command /" + key + ".");
      return true;
    }
    route.handler().handle(event);
    return true;
  }

  private boolean isOurGuild(@Nullable Guild guild) {
    return guildId == null || (guild != null && guild.getIdLong() == guildId);
  }

  private static void reply(SlashCommandInteractionEvent event, String text) {
    event.reply(text).setEphemeral(true).queue(ok -> {}, DeferredWork::notDelivered);
  }

  /** Collects the routes; a command is named {@code "ping"} or {@code "registration lookup"}. */
  static final class Builder {
    private final @Nullable Long guildId;
    private final @Nullable OrganizerGuard guard;
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, Boolean> names = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    private Builder(@Nullable Long guildId, @Nullable OrganizerGuard guard) {
      this.guildId = guildId;
      this.guard = guard;
    }

    /** A command only organizers may run. */
    Builder organizer(String command, Handler handler) {
      if (guard == null) {
        throw new IllegalStateException("organizer command /" + command + " needs a guard");
      }
      return add(command, true, handler);
    }

    /** A command every member may run. */
    Builder member(String command, Handler handler) {
      return add(command, false, handler);
    }

    private Builder add(String command, boolean organizerOnly, Handler handler) {
      if (!seen.add(command)) {
        throw new IllegalArgumentException("two routes for /" + command);
      }
      routes.put(command, new Route(organizerOnly, handler));
      int space = command.indexOf(' ');
      String name = space < 0 ? command : command.substring(0, space);
      names.merge(name, organizerOnly, Boolean::logicalAnd);
      return this;
    }

    CommandRouter build() {
      return new CommandRouter(guildId, guard, routes, names);
    }
  }
}
