package dev.confbot.app;

import com.google.inject.AbstractModule;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.time.SimulatedClock;
import dev.confbot.fakediscord.FakeDiscord;
import java.time.Clock;
import java.time.OffsetDateTime;

/** Starts the assembled bot against fake-discord, with test tickets, for end-to-end tests. */
final class AssembledBot {
  private AssembledBot() {}

  /** The bot on the given clock; pretix is replaced by {@code tickets}. */
  static Confbot start(
      ConfbotConfig config, FakeDiscord discord, TicketSource tickets, Clock clock) {
    Confbot confbot =
        Confbot.create(
            config,
            new RunOptions(clock, discord.baseUrl(), discord.gatewayUrl()),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(TicketSource.class).toInstance(tickets);
              }
            });
    confbot.start();
    return confbot;
  }

  /**
   * The bot on a simulated clock that starts at {@code at} (ISO offset date-time) and runs 120
   * times as fast as {@code real}.
   */
  static Confbot startAt(
      ConfbotConfig config, FakeDiscord discord, TicketSource tickets, Clock real, String at) {
    return start(
        config,
        discord,
        tickets,
        new SimulatedClock(OffsetDateTime.parse(at).toInstant(), 120, real));
  }
}
