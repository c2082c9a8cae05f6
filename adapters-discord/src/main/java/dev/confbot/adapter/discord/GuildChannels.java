package dev.confbot.adapter.discord;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.StandardGuildMessageChannel;

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

  /**
   * A text or announcement channel: both carry a topic, and a room's channel may be either. By id
   * first (when the reference is all digits), then by name (case-insensitive), text before
   * announcement channels.
   */
  static Optional<StandardGuildMessageChannel> textOrAnnouncement(Guild guild, String nameOrId) {
    String ref = nameOrId.strip();
    if (!ref.isEmpty() && ref.chars().allMatch(Character::isDigit)) {
      StandardGuildMessageChannel byId =
          guild.getChannelById(StandardGuildMessageChannel.class, ref);
      if (byId != null) {
        return Optional.of(byId);
      }
    }
    String name = ref.startsWith("#") ? ref.substring(1) : ref;
    return Stream.concat(
            guild.getTextChannelsByName(name, true).stream(),
            guild.getNewsChannelsByName(name, true).stream())
        .<StandardGuildMessageChannel>map(c -> c)
        .findFirst();
  }
}
