package dev.confbot.adapter.discord;

import dev.confbot.core.model.RoleRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What confbot expects of the conference guild, checked at start by {@link GuildValidator}.
 *
 * @param registrationChannel the channel (name or id) holding the registration message
 * @param otherChannels purpose (e.g. "log channel", "programme channel") → channel name or id the
 *     bot posts to
 * @param roles every role confbot may give (ticket mapping and extra roles)
 * @param setNicknames whether registration sets nicknames (then Manage Nicknames is required)
 * @param topicChannels channels (names or ids) whose topic confbot keeps current (then Manage
 *     Channels is required there); empty when room topics are off
 */
public record GuildSetup(
    String registrationChannel,
    Map<String, String> otherChannels,
    Set<RoleRef> roles,
    boolean setNicknames,
    Set<String> topicChannels) {

  /** The purpose under which {@link #channelsToCheck} lists the registration channel. */
  public static final String REGISTRATION_CHANNEL = "registration channel";

  public GuildSetup {
    if (registrationChannel.isBlank()) {
      throw new IllegalArgumentException("registration channel must not be blank");
    }
    otherChannels = Map.copyOf(otherChannels);
    roles = Set.copyOf(roles);
    topicChannels = Set.copyOf(topicChannels);
  }

  /** A setup in which confbot edits no channel topics. */
  public GuildSetup(
      String registrationChannel,
      Map<String, String> otherChannels,
      Set<RoleRef> roles,
      boolean setNicknames) {
    this(registrationChannel, otherChannels, roles, setNicknames, Set.of());
  }

  /** Every channel to check: the registration channel first, then the others. */
  Map<String, String> channelsToCheck() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(REGISTRATION_CHANNEL, registrationChannel);
    all.putAll(otherChannels);
    return all;
  }
}
