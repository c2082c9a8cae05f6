package dev.confbot.fakediscord;

import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

/** Builds a real JDA 6 client connected to a {@link FakeDiscord}: the documented snippet. */
final class JdaFixture {
  private JdaFixture() {}

  /** A JDA with GUILD_MEMBERS and GUILD_MESSAGES, all members cached, after awaitReady. */
  static JDA connect(FakeDiscord fake, Object... listeners) throws InterruptedException {
    return builder(fake, EnumSet.of(GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_MESSAGES))
        .addEventListeners(listeners)
        .build()
        .awaitReady();
  }

  static JDABuilder builder(FakeDiscord fake, EnumSet<GatewayIntent> intents) {
    return JDABuilder.createDefault(fake.token(), intents)
        .setRestConfig(new RestConfig().setBaseUrl(fake.baseUrl()))
        .setSessionController(
            new ConcurrentSessionController() {
              @Override
              public String getGateway() {
                return fake.gatewayUrl();
              }
            })
        .setCompression(Compression.NONE)
        .setMemberCachePolicy(MemberCachePolicy.ALL)
        .setChunkingFilter(ChunkingFilter.ALL);
  }

  static void shutdown(JDA jda) throws InterruptedException {
    jda.shutdownNow();
    boolean unused = jda.awaitShutdown(java.time.Duration.ofSeconds(5));
  }
}
