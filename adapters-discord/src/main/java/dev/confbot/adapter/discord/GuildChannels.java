package dev.confbot.adapter.discord;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;

/** Resolves channels configured by name (with or without {@code #}) or by id. */
final class GuildChannels {
  private GuildChannels() {}

  static Optional<TextChannel> text(Guild guild, String nameOrId) {
    String ref = nameOrId.strip();
    if (!ref.isEmpty() && ref.chars().allMatch(Character::isDigit)) {
      TextChannel byId = guild.getTextChannelById(ref);
      if (byId != null) {
        return Optional.of(byId);
      }
    }
    String name = ref.startsWith("#") ? ref.substring(1) : ref;
    List<TextChannel> byName = guild.getTextChannelsByName(name, true);
    return byName.isEmpty() ? Optional.empty() : Optional.of(byName.get(0));
  }
}
