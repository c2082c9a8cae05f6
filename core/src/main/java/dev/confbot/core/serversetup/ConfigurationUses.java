package dev.confbot.core.serversetup;

import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.LiveRole;
import java.util.Map;
import java.util.Optional;

/**
 * The channels and roles the bot's configuration uses, each with the key that uses it: a pruning
 * setup must not delete them.
 *
 * @param channels channels by name
 * @param channelIds channels by id
 * @param roles roles by name
 * @param roleIds roles by id
 */
public record ConfigurationUses(
    Map<String, String> channels,
    Map<Long, String> channelIds,
    Map<String, String> roles,
    Map<Long, String> roleIds) {
  public ConfigurationUses {
    channels = Map.copyOf(channels);
    channelIds = Map.copyOf(channelIds);
    roles = Map.copyOf(roles);
    roleIds = Map.copyOf(roleIds);
  }

  /** The key that uses this channel, by name or by id. */
  public Optional<String> channel(LiveChannel channel) {
    return Optional.ofNullable(channels.get(channel.name()))
        .or(() -> Optional.ofNullable(channelIds.get(channel.id())));
  }

  /** The key that uses this role, by name or by id. */
  public Optional<String> role(LiveRole role) {
    return Optional.ofNullable(roles.get(role.name()))
        .or(() -> Optional.ofNullable(roleIds.get(role.id())));
  }
}
