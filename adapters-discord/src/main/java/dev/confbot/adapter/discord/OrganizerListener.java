package dev.confbot.adapter.discord;

import dev.confbot.core.model.RoleRef;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.jspecify.annotations.Nullable;

/**
 * What every listener with organizer commands shares: the guild it serves, the {@link
 * OrganizerGuard} (resolved once the guild is loaded, and reported by the start-up check) and the
 * {@link CommandRouter} its slash commands go through.
 */
abstract class OrganizerListener extends ListenerAdapter implements GuildCheck {
  private final long guildId;
  private final OrganizerGuard guard;

  OrganizerListener(long guildId, Set<RoleRef> organizerRoles) {
    this.guildId = guildId;
    this.guard = new OrganizerGuard(organizerRoles);
  }

  /** The router of this listener's slash commands. */
  abstract CommandRouter router();

  final OrganizerGuard guard() {
    return guard;
  }

  /** A router builder for this listener's guild and guard. */
  final CommandRouter.Builder routes() {
    return CommandRouter.forGuild(guildId, guard);
  }

  final boolean isOurGuild(@Nullable Guild guild) {
    return guild != null && guild.getIdLong() == guildId;
  }

  /** Resolves the organizer roles to ids (once) as soon as the guild is loaded. */
  @Override
  public final void onGuildReady(GuildReadyEvent event) {
    if (event.getGuild().getIdLong() == guildId) {
      guard.resolve(event.getGuild());
    }
  }

  /** Resolves the organizer roles (if not done yet); reports those missing or ambiguous. */
  @Override
  public List<String> check(Guild guild) {
    return guard.resolve(guild);
  }

  @Override
  public final void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    router().route(event);
  }
}
