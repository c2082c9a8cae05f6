package dev.confbot.app;

import dev.confbot.adapter.discord.DiscordGuildCheck;
import dev.confbot.adapter.discord.DiscordSettings;
import dev.confbot.adapter.discord.GuildSetup;
import dev.confbot.adapter.pretalx.PretalxScheduleCheck;
import dev.confbot.adapter.pretalx.PretalxSettings;
import dev.confbot.adapter.pretix.PretixEventCheck;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.core.check.CheckReport;
import dev.confbot.core.check.Finding;
import dev.confbot.core.check.MappingCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Assembles {@code confbot check --online}: asks pretix, pretalx and Discord at the same time, each
 * on its own (one failing does not skip the others), and collects their findings in that order.
 */
final class OnlineCheck {
  /** How long the bot waits for Discord's gateway during the check. */
  static final Duration DISCORD_READY_TIMEOUT = Duration.ofSeconds(15);

  /** The longest the whole check may take; a system still busy then is reported as an error. */
  static final Duration OVERALL_TIMEOUT = Duration.ofSeconds(45);

  private final ConfbotConfig config;
  private final @Nullable String discordRestUrl;
  private final @Nullable String discordGatewayUrl;

  /**
   * @param discordRestUrl Discord's REST base URL, null for discord.com (set in tests)
   * @param discordGatewayUrl the gateway URL, null for Discord's (set in tests)
   */
  OnlineCheck(
      ConfbotConfig config, @Nullable String discordRestUrl, @Nullable String discordGatewayUrl) {
    this.config = config;
    this.discordRestUrl = discordRestUrl;
    this.discordGatewayUrl = discordGatewayUrl;
  }

  CheckReport run() {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            3,
            task -> {
              Thread thread = new Thread(task, "online-check-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      Future<List<Finding>> pretix = pool.submit(this::pretix);
      Future<List<Finding>> pretalx = pool.submit(this::pretalx);
      Future<List<Finding>> discord = pool.submit(this::discord);
      long deadline = System.nanoTime() + OVERALL_TIMEOUT.toNanos();
      List<Finding> findings = new ArrayList<>();
      findings.addAll(await(pretix, deadline, "pretix", "pretix.base_url"));
      findings.addAll(await(pretalx, deadline, "pretalx", "schedule.source"));
      findings.addAll(await(discord, deadline, "discord", "discord"));
      return new CheckReport(findings);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<Finding> pretix() {
    PretixEventCheck.Outcome outcome =
        PretixEventCheck.check(Wiring.pretixSettings(config.pretix()));
    List<Finding> findings = new ArrayList<>(outcome.findings());
    if (outcome.itemsRead()) {
      findings.addAll(
          MappingCheck.findings(
              Wiring.roleMapping(config.registration()),
              Wiring.mappingKeys(config.registration()),
              outcome.products()));
    }
    return findings;
  }

  private List<Finding> pretalx() {
    Optional<PretalxSettings> settings = Wiring.pretalxSettings(config.schedule());
    if (settings.isEmpty()) {
      return List.of(
          Finding.ok(
              "pretalx",
              "schedule.source",
              "no schedule configured (programme notifications off): not checked"));
    }
    return PretalxScheduleCheck.check(settings.get(), Clock.systemUTC());
  }

  private List<Finding> discord() {
    Map<String, String> channels = new LinkedHashMap<>();
    Map<String, String> channelKeys = new LinkedHashMap<>();
    channelKeys.put(GuildSetup.REGISTRATION_CHANNEL, "registration.channel");
    for (Wiring.PostedChannel channel : Wiring.postedChannels(config)) {
      channels.put(channel.purpose(), channel.value());
      channelKeys.put(channel.purpose(), channel.key());
    }
    if (config.jobBoard().csvFile().isPresent()) {
      channels.put("job board channel", config.jobBoard().channel().value());
      channelKeys.put("job board channel", "job_board.channel");
    }
    GuildSetup setup =
        new GuildSetup(
            config.registration().channel().value(),
            channels,
            Wiring.grantedRoles(config),
            config.registration().setNickname(),
            Wiring.topicChannels(config));
    DiscordSettings settings =
        new DiscordSettings(
            config.discord().token().reveal(),
            config.discord().guildId(),
            discordRestUrl,
            discordGatewayUrl,
            config.discord().messageContentIntent());
    LogSetup.quietDiscordClient();
    return DiscordGuildCheck.check(
        settings,
        DISCORD_READY_TIMEOUT,
        new DiscordGuildCheck.Expectations(
            setup, Wiring.roleKeys(config), channelKeys, config.organizers().roles()));
  }

  /** The findings of one system; an error finding when it failed unexpectedly or took too long. */
  private static List<Finding> await(
      Future<List<Finding>> future, long deadline, String system, String key) {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return List.of(
          Finding.error(
              system,
              key,
              system
                  + " did not answer within "
                  + OVERALL_TIMEOUT.toSeconds()
                  + " s: check the network and try again"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      return List.of(
          Finding.error(
              system,
              key,
              "the " + system + " check failed unexpectedly (" + describe(cause) + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of(Finding.error(system, key, "the check was interrupted"));
    }
  }

  private static String describe(@Nullable Throwable cause) {
    if (cause == null) {
      return "no cause";
    }
    String message = cause.getMessage();
    String type = cause.getClass().getSimpleName();
    return message == null ? type : type + ": " + message;
  }
}
