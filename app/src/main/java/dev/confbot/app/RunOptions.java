package dev.confbot.app;

import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * What a run takes besides the configuration: the clock (real, or simulated for rehearsals and the
 * demo) and, for the demo and end-to-end tests, a local Discord stand-in to talk to.
 *
 * @param clock the clock every service uses
 * @param discordRestUrl Discord's REST base URL, or null for discord.com
 * @param discordGatewayUrl the gateway URL, or null for Discord's
 */
record RunOptions(
    Clock clock, @Nullable String discordRestUrl, @Nullable String discordGatewayUrl) {

  /** A production run: the given clock, the real Discord. */
  static RunOptions production(Clock clock) {
    return new RunOptions(clock, null, null);
  }
}
