package dev.confbot.adapter.discord;

import dev.confbot.core.port.GatewayException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.jspecify.annotations.Nullable;

/**
 * Builds JDA with the intents and caches confbot needs and nothing more.
 *
 * <p>Intents: {@code GUILD_MEMBERS} (privileged; enable "Server Members Intent" in the Developer
 * Portal) so that member joins are seen and roles can be given back to returning members, and the
 * member cache is complete for stats and export. {@code GUILD_MESSAGES} and {@code MESSAGE_CONTENT}
 * (privileged) only when the {@code $ping} text command is switched on. Caches: members and roles
 * only ({@code createLight} switches off presences, voice, emoji and sticker caches).
 */
public final class JdaFactory {
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

  private JdaFactory() {}

  /** A builder for the given settings; the caller adds listeners and calls {@code build()}. */
  public static JDABuilder builder(DiscordSettings settings) {
    EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MEMBERS);
    if (settings.messageContentIntent()) {
      intents.add(GatewayIntent.GUILD_MESSAGES);
      intents.add(GatewayIntent.MESSAGE_CONTENT);
    }
    JDABuilder builder =
        JDABuilder.createLight(settings.token(), intents)
            .setMemberCachePolicy(MemberCachePolicy.ALL)
            .setChunkingFilter(ChunkingFilter.ALL)
            .setEnableShutdownHook(false);
    String restBaseUrl = settings.restBaseUrl();
    if (restBaseUrl != null) {
      builder.setRestConfig(new RestConfig().setBaseUrl(restBaseUrl));
    }
    String gatewayUrl = settings.gatewayUrl();
    if (gatewayUrl != null) {
      builder
          .setSessionController(new FixedGatewaySessionController(gatewayUrl))
          .setCompression(Compression.NONE);
    }
    return builder;
  }

  /**
   * Logs in without listeners and waits until JDA is connected and the member cache is loaded, for
   * one-shot command line tools. Blocking; the caller shuts the client down.
   *
   * @param readyTimeout how long to wait for the gateway to be ready
   * @throws GatewayException when the token is refused, Discord cannot be reached or is not ready
   *     in time (the client is shut down then)
   */
  public static JDA connect(DiscordSettings settings, Duration readyTimeout) {
    Login login = login(settings, readyTimeout);
    if (login instanceof Login.Connected connected) {
      return connected.jda();
    }
    if (login instanceof Login.Failed failed) {
      throw failed.error();
    }
    throw new AssertionError(login);
  }

  /** Why a login did not succeed. */
  enum Failure {
    /** Discord refused the token (REST 401 or gateway close code 4004). */
    TOKEN_REFUSED,
    /** A privileged intent is not switched on for the bot (gateway close code 4014). */
    INTENTS_DISALLOWED,
    /** Discord could not be reached, closed the connection otherwise, or was not ready in time. */
    UNAVAILABLE
  }

  /** The outcome of {@link #login}. */
  sealed interface Login {
    /** Connected and ready; the caller shuts the client down. */
    record Connected(JDA jda) implements Login {}

    /** Not connected (the client, if any, is shut down); the error explains why. */
    record Failed(Failure reason, GatewayException error) implements Login {}
  }

  /** As {@link #connect}, with the reason of a failure told apart. */
  static Login login(DiscordSettings settings, Duration readyTimeout) {
    AtomicReference<@Nullable CloseCode> closed = new AtomicReference<>();
    EventListener closeCode =
        event -> {
          if (event instanceof ShutdownEvent shutdown) {
            closed.set(shutdown.getCloseCode());
          }
        };
    JDA client;
    try {
      client = builder(settings).addEventListeners(closeCode).build();
    } catch (InvalidTokenException e) {
      return new Login.Failed(
          Failure.TOKEN_REFUSED,
          new GatewayException("discord", "the bot token was refused: check DISCORD_BOT_TOKEN", e));
    } catch (RuntimeException e) {
      String where = settings.restBaseUrl() == null ? "" : " at " + settings.restBaseUrl();
      return new Login.Failed(
          Failure.UNAVAILABLE,
          new GatewayException(
              "discord", "could not reach Discord" + where + " (" + rootMessage(e) + ")", e));
    }
    try {
      awaitReady(client, readyTimeout);
    } catch (GatewayException e) {
      return explained(client, closed, e);
    }
    return new Login.Connected(client);
  }

  /** The failure, explained by the gateway's close code when Discord sent one. */
  private static Login.Failed explained(
      JDA client, AtomicReference<@Nullable CloseCode> closed, GatewayException failure) {
    Login.Failed unexplained = new Login.Failed(Failure.UNAVAILABLE, failure);
    try {
      if (closed.get() == null && !client.awaitShutdown(SHUTDOWN_WAIT)) {
        return unexplained;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unexplained;
    }
    CloseCode code = closed.get();
    if (code == CloseCode.DISALLOWED_INTENTS) {
      return new Login.Failed(
          Failure.INTENTS_DISALLOWED,
          new GatewayException(
              "discord",
              "Discord refused the privileged Server Members Intent: switch on \"Server Members"
                  + " Intent\" for the bot in the Developer Portal (Bot, Privileged Gateway"
                  + " Intents)",
              failure));
    }
    if (code == CloseCode.AUTHENTICATION_FAILED) {
      return new Login.Failed(
          Failure.TOKEN_REFUSED,
          new GatewayException(
              "discord", "the bot token was refused: check DISCORD_BOT_TOKEN", failure));
    }
    if (code != null) {
      return new Login.Failed(
          Failure.UNAVAILABLE,
          new GatewayException(
              "discord", "Discord closed the connection: " + code.getMeaning(), failure));
    }
    return unexplained;
  }

  /** The innermost message of the cause chain (e.g. {@code Failed to connect to …}). */
  private static String rootMessage(Throwable e) {
    String message = e.getClass().getSimpleName();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return message;
  }

  /**
   * Waits until the client is connected (guilds and members loaded).
   *
   * @throws GatewayException when the login fails or takes longer than {@code timeout}; the client
   *     is shut down then
   */
  static void awaitReady(JDA client, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (client.getStatus() != JDA.Status.CONNECTED) {
        JDA.Status status = client.getStatus();
        if (status == JDA.Status.FAILED_TO_LOGIN
            || status == JDA.Status.SHUTTING_DOWN
            || status == JDA.Status.SHUTDOWN) {
          client.shutdownNow();
          throw new GatewayException("discord", "login failed (" + status + ")", null);
        }
        if (System.nanoTime() - deadline > 0) {
          client.shutdownNow();
          throw new GatewayException(
              "discord", "not ready within " + timeout.toSeconds() + " s", null);
        }
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.shutdownNow();
      throw new GatewayException("discord", "interrupted while connecting", e);
    }
  }

  /** Connects to a gateway at a fixed URL (a local Discord stand-in) instead of Discord's. */
  private static final class FixedGatewaySessionController extends ConcurrentSessionController {
    private final String gatewayUrl;

    FixedGatewaySessionController(String gatewayUrl) {
      this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
      return gatewayUrl;
    }
  }
}
