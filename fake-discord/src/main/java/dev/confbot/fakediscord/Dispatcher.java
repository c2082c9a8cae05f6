package dev.confbot.fakediscord;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Sends a gateway dispatch to every live session whose intents cover it. */
interface Dispatcher {
  /** Intent bits (events/gateway "Gateway Intents"). */
  long GUILDS = 1L;

  long GUILD_MEMBERS = 1L << 1;
  long GUILD_MESSAGES = 1L << 9;
  long DIRECT_MESSAGES = 1L << 12;
  long MESSAGE_CONTENT = 1L << 15;

  /**
   * Dispatches an event.
   *
   * @param type the event name, e.g. {@code GUILD_MEMBER_ADD}
   * @param payload the {@code d} object
   * @param intent the intent a session needs to receive it, 0 for always
   * @param withoutContent the payload for sessions lacking MESSAGE_CONTENT, null if not relevant
   */
  void dispatch(
      String type,
      Map<String, @Nullable Object> payload,
      long intent,
      @Nullable Map<String, @Nullable Object> withoutContent);
}
