package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The routes of one Discord resource on top of {@link State}, and the helpers they share: snowflake
 * parsing with Discord's "Unknown …" answer, the guild check and guild-scoped JSON answers. {@link
 * RestApi} registers every group.
 */
abstract class RouteGroup {
  final State state;

  RouteGroup(State state) {
    this.state = state;
  }

  /** Adds this group's routes. */
  abstract void register(Registrar routes);

  /** A route handler; {@code params} are the path's placeholder values in order. */
  interface Handler {
    ApiResponse handle(ApiRequest request, List<String> params);
  }

  /** A handler that needs no path placeholder. */
  interface Simple {
    ApiResponse handle(ApiRequest request);
  }

  /** Registers routes: pattern segments are separated by {@code /}, {@code {}} is a placeholder. */
  interface Registrar {
    /** A route that needs the bot token. */
    void route(String method, String pattern, Handler handler);

    /** A route authorised by the token in its path (interactions, webhooks). */
    void unauthenticated(String method, String pattern, Handler handler);

    default void route(String method, String pattern, Simple handler) {
      route(method, pattern, (request, params) -> handler.handle(request));
    }
  }

  /** A snowflake from a path segment; anything else is Discord's 404 "Unknown {what}". */
  static long id(String text, int unknownCode, String what) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw DiscordError.unknown(unknownCode, what);
    }
  }

  /** A snowflake JSON value (JDA sends some as numbers, Discord's spec says strings) as text. */
  static String snowflakeText(Object value) {
    return value instanceof Number
        ? String.valueOf(((Number) value).longValue())
        : String.valueOf(value);
  }

  /** Throws 10004 "Unknown Guild" unless the id is the fake's guild. */
  final void requireGuild(String guild) {
    if (id(guild, 10004, "Guild") != state.guildId) {
      throw DiscordError.unknown(10004, "Guild");
    }
  }

  /** The guild channel with this id (lock held); 10003 "Unknown Channel" otherwise. */
  final ChannelData channel(String id) {
    return state.channel(id(id, 10003, "Channel"));
  }

  /** A JSON body computed under the lock. */
  interface JsonBody {
    @Nullable Object get();
  }

  /** Answers the body, computed under the lock, after checking the guild id. */
  final ApiResponse guild(String guild, JsonBody body) {
    synchronized (state.lock) {
      requireGuild(guild);
      return ApiResponse.json(body.get());
    }
  }
}
