package dev.confbot.adapter.discord;

import java.util.List;
import net.dv8tion.jda.api.entities.Guild;

/**
 * An event listener that must see the conference guild once it is loaded, e.g. to resolve the
 * organizer roles. {@link DiscordBot#start} calls every extra listener that implements it and
 * reports the problems with the server's other set-up problems.
 */
public interface GuildCheck {
  /**
   * Looks at the loaded guild; called from the start-up thread, possibly more than once.
   *
   * @return one actionable message per problem found; empty when all is well
   */
  List<String> check(Guild guild);
}
