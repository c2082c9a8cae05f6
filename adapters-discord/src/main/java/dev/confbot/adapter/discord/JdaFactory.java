package dev.confbot.adapter.discord;

import java.util.EnumSet;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

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
