package dev.confbot.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.confbot.adapter.discord.DiscordModule;
import dev.confbot.adapter.discord.DiscordSettings;
import dev.confbot.adapter.discord.GuildSetup;
import dev.confbot.adapter.pretalx.FileScheduleCache;
import dev.confbot.adapter.pretalx.PretalxModule;
import dev.confbot.adapter.pretalx.PretalxSettings;
import dev.confbot.adapter.pretix.PretixModule;
import dev.confbot.adapter.pretix.PretixSettings;
import dev.confbot.adapter.sqlite.SqliteModule;
import dev.confbot.adapter.sqlite.SqliteSettings;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.RegistrationConfig;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.port.ScheduleCache;
import dev.confbot.core.port.ScheduleSource;
import dev.confbot.core.registration.OrderLookup;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The composition root: the configuration turned into each adapter's settings, and the modules that
 * build a running confbot from them: {@link SqliteModule} (claims, snapshot, ledgers), {@link
 * PretixModule} (tickets), {@link PretalxModule} (the schedule, when one is configured), {@link
 * DiscordModule} (the bot and the ports Discord implements), {@link CoreServicesModule} (the use
 * cases), {@link ExecutorsModule} (the threads), the one {@link OkHttpClient} (pretix and pretalx
 * derive theirs from it), and {@link Lifecycle} (start and stop, in order). No I/O happens here.
 */
final class AppModule extends AbstractModule {
  private final ConfbotConfig config;
  private final RunOptions options;

  AppModule(ConfbotConfig config, RunOptions options) {
    this.config = config;
    this.options = options;
  }

  @Override
  protected void configure() {
    bind(ConfbotConfig.class).toInstance(config);
    bind(Clock.class).toInstance(options.clock());
    bind(OrderLookup.Settings.class).toInstance(OrderLookup.Settings.defaults());
    install(new ExecutorsModule());
    install(new SqliteModule());
    install(new PretixModule());
    OptionalBinder.newOptionalBinder(binder(), ScheduleSource.class);
    Optional<PretalxSettings> pretalx = Wiring.pretalxSettings(config.schedule());
    if (pretalx.isPresent()) {
      bind(PretalxSettings.class).toInstance(pretalx.get());
      bind(ScheduleCache.class)
          .toInstance(
              new FileScheduleCache(config.runtime().dataDir().resolve("schedule-cache.json")));
      install(new PretalxModule());
    }
    install(new CoreServicesModule(config));
    install(new DiscordModule(this::discordSettings));
  }

  /** The one HTTP client: pretix and the schedule source derive theirs from it. */
  @Provides
  @Singleton
  OkHttpClient http() {
    return new OkHttpClient();
  }

  @Provides
  @Singleton
  SqliteSettings sqliteSettings() {
    return Wiring.sqliteSettings(config);
  }

  /** Built when pretix is first used: one-shot commands that need no pretix token never are. */
  @Provides
  @Singleton
  PretixSettings pretixSettings() {
    return Wiring.pretixSettings(config.pretix());
  }

  @Provides
  @Singleton
  NotificationSettings notificationSettings() {
    return Wiring.notificationSettings(config);
  }

  /** The parts of a running confbot in the order they start ({@link LifecycleSteps}). */
  @Provides
  @Singleton
  Lifecycle lifecycle(
      LifecycleSteps.Store store,
      LifecycleSteps.Threads threads,
      LifecycleSteps.Tickets tickets,
      LifecycleSteps.Discord discord,
      LifecycleSteps.Background background,
      LifecycleSteps.Programme programme,
      LifecycleSteps.Reminders reminders) {
    return new Lifecycle(
        List.of(store, threads, tickets, discord, background, programme, reminders));
  }

  /** What the Discord side needs, from the configuration and the run's Discord URLs. */
  private DiscordModule.Settings discordSettings() {
    RegistrationConfig registration = config.registration();
    Map<String, String> channels = new LinkedHashMap<>();
    Wiring.postedChannels(config).forEach(c -> channels.put(c.purpose(), c.value()));
    Set<RoleRef> roles = Wiring.grantedRoles(config);
    return new DiscordModule.Settings(
        new DiscordSettings(
            config.discord().token().reveal(),
            config.discord().guildId(),
            options.discordRestUrl(),
            options.discordGatewayUrl(),
            config.discord().messageContentIntent()),
        new GuildSetup(
            registration.channel().value(),
            channels,
            roles,
            registration.setNickname(),
            Wiring.topicChannels(config)),
        new DiscordModule.Organizers(Set.copyOf(config.organizers().roles()), List.copyOf(roles)),
        new DiscordModule.Channels(
            registration.logChannel().value(),
            registration.helpChannel().value(),
            Wiring.webhooks(config)),
        new DiscordModule.Event(
            config.schedule().timeZone(),
            config.schedule().location().map(Object::toString),
            config.livestreams().byRoom()),
        new DiscordModule.JobBoard(config.jobBoard().channel().value(), config.jobBoard().csv()));
  }
}
