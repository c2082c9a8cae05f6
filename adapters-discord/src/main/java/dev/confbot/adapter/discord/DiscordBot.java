package dev.confbot.adapter.discord;

import dev.confbot.core.i18n.Texts;
import dev.confbot.core.port.GatewayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Discord connection (JDA) and the registration workers for one conference guild.
 *
 * <p>{@link #start} logs in, waits until the guild is loaded, validates it, switches the
 * registration message online (editing the existing one, never reposting) and registers the slash
 * commands; {@link #stop} answers the registrations still queued (the bot is restarting, submit
 * again), marks registration offline, lets in-flight registrations finish and shuts JDA down (its
 * queued answers are still sent). Both block; call them from the application's lifecycle thread,
 * never from a JDA callback. A stopped bot is not restarted: create a new one.
 *
 * <p>The registration form runs on a bounded pool of {@value #WORKERS} named worker threads with a
 * queue of {@value #QUEUE} submissions; beyond that members are asked to retry.
 */
public final class DiscordBot {
  private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

  /** How long {@link #start} waits for the gateway to be ready with the guild loaded. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  /** How long {@link #stop} waits for in-flight registrations, and then again for JDA. */
  public static final Duration STOP_WAIT = Duration.ofSeconds(5);

  static final int WORKERS = 4;
  static final int QUEUE = 1000;

  private final DiscordSettings settings;
  private final GuildSetup setup;
  private final List<CommandData> extraCommands;
  private final List<Object> extraListeners;
  private final Texts texts;

  private volatile @Nullable JDA jda;
  private @Nullable ThreadPoolExecutor workers;
  private @Nullable RegistrationListener listener;
  private volatile @Nullable Long registrationMessageId;
  private boolean used;

  /**
   * A bot that is not connected yet.
   *
   * @param settings token, guild id and (for tests and the demo) REST and gateway URLs
   * @param setup the roles and channels the guild must have
   * @param extraCommands slash commands offered besides {@code /register}, e.g. organizer commands
   *     built with {@link SlashCommands#organizerCommand}; registered per guild at start
   * @param extraListeners JDA event listeners handling those commands (e.g. {@code
   *     ListenerAdapter}s); they must not block JDA's event thread and must check organizers with
   *     {@link OrganizerGuard}; those implementing {@link GuildCheck} are asked at start
   */
  public DiscordBot(
      DiscordSettings settings,
      GuildSetup setup,
      List<CommandData> extraCommands,
      List<Object> extraListeners) {
    this(settings, setup, extraCommands, extraListeners, Texts.bundled());
  }

  /**
   * A bot that is not connected yet, with the organizer's attendee texts.
   *
   * @param texts the registration form and answers per member locale, and (in the default language)
   *     the registration message everyone reads
   * @see #DiscordBot(DiscordSettings, GuildSetup, List, List)
   */
  public DiscordBot(
      DiscordSettings settings,
      GuildSetup setup,
      List<CommandData> extraCommands,
      List<Object> extraListeners,
      Texts texts) {
    this.settings = settings;
    this.setup = setup;
    this.extraCommands = List.copyOf(extraCommands);
    this.extraListeners = List.copyOf(extraListeners);
    this.texts = texts;
  }

  /**
   * Connects and prepares the guild. Returns one actionable message per problem found (missing
   * roles or channels, roles above the bot's, missing permissions, organizer roles missing or
   * ambiguous, commands not registered); the caller decides whether to go on. The bot stays
   * connected either way; call {@link #stop}.
   *
   * @param registrar answers registrations and restores roles of returning members
   * @throws GatewayException when Discord refuses the login or is not ready within {@link
   *     #READY_TIMEOUT}
   * @throws IllegalStateException when called twice
   */
  public synchronized List<String> start(Registrar registrar) {
    if (used) {
      throw new IllegalStateException("a DiscordBot starts once; create a new one");
    }
    used = true;
    ThreadPoolExecutor pool = newWorkers();
    workers = pool;
    RegistrationListener registrations =
        new RegistrationListener(settings.guildId(), registrar, pool, texts);
    listener = registrations;
    JDA client;
    try {
      client =
          JdaFactory.builder(settings)
              .addEventListeners(registrations)
              .addEventListeners(extraListeners.toArray())
              .build();
    } catch (InvalidTokenException e) {
      pool.shutdownNow();
      throw new GatewayException(
          "discord", "the bot token was refused: check DISCORD_BOT_TOKEN", e);
    } catch (RuntimeException e) {
      pool.shutdownNow();
      throw new GatewayException("discord", "could not connect: " + e.getMessage(), e);
    }
    jda = client;
    JdaFactory.awaitReady(client, READY_TIMEOUT);
    Guild guild = client.getGuildById(settings.guildId());
    if (guild == null) {
      return List.of(
          "The bot is not a member of the server "
              + settings.guildId()
              + ": invite it (scopes bot and applications.commands) or fix discord.guild_id.");
    }
    List<String> problems =
        new ArrayList<>(
            GuildValidator.problems(
                guild, setup.roles(), setup.channelsToCheck(), setup.setNicknames()));
    problems.addAll(GuildValidator.topicProblems(guild, setup.topicChannels()));
    for (Object listener : extraListeners) {
      if (listener instanceof GuildCheck check) {
        check.check(guild).stream().filter(p -> !problems.contains(p)).forEach(problems::add);
      }
    }
    Optional<TextChannel> registration = GuildChannels.text(guild, setup.registrationChannel());
    if (registration.isPresent()) {
      try {
        registrationMessageId =
            RegistrationMessage.show(registration.get(), true, texts.defaults());
      } catch (RuntimeException e) {
        problems.add(
            "The registration message could not be posted in #"
                + registration.get().getName()
                + " ("
                + e.getMessage()
                + "): allow the bot View Channel, Send Messages and Read Message History there.");
      }
    }
    try {
      SlashCommands.registerAll(guild, extraCommands);
    } catch (RuntimeException e) {
      problems.add(
          "The slash commands could not be registered ("
              + e.getMessage()
              + "): re-invite the bot with the applications.commands scope.");
    }
    log.info(
        "Connected to Discord server {} with {} problem(s)", settings.guildId(), problems.size());
    return List.copyOf(problems);
  }

  /**
   * Answers the registrations still queued ("the bot is restarting, please submit again" in the
   * member's language), marks registration offline (the button disabled), waits up to {@link
   * #STOP_WAIT} for registrations in progress, and shuts JDA down (waiting up to {@link #STOP_WAIT}
   * again). Harmless when not started or already stopped.
   */
  public synchronized void stop() {
    JDA client = jda;
    if (client == null) {
      return;
    }
    ThreadPoolExecutor pool = workers;
    if (pool != null) {
      refuseQueued(pool);
    }
    RegistrationListener registrations = listener;
    if (registrations != null) {
      int refused = registrations.refuseWaiting();
      if (refused > 0) {
        log.info("Stopping: {} registration(s) waiting for pretix asked to submit again", refused);
      }
    }
    Guild guild = client.getGuildById(settings.guildId());
    if (guild != null) {
      GuildChannels.text(guild, setup.registrationChannel())
          .ifPresent(
              channel -> {
                try {
                  RegistrationMessage.show(channel, false, texts.defaults());
                } catch (RuntimeException e) {
                  log.warn("Registration could not be marked offline: {}", e.toString());
                }
              });
    }
    try {
      if (pool != null) {
        if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn("{} registration(s) still running at shutdown", pool.getActiveCount());
          pool.shutdownNow();
        }
      }
      client.shutdown();
      if (!client.awaitShutdown(STOP_WAIT)) {
        client.shutdownNow();
        if (!client.awaitShutdown(STOP_WAIT)) {
          log.warn("JDA did not shut down within {}", STOP_WAIT);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      client.shutdownNow();
    }
    jda = null;
    log.info("Disconnected from Discord");
  }

  /**
   * Whether the gateway connection is up now (false before start, after stop and while resuming).
   */
  public boolean connected() {
    JDA client = jda;
    return client != null && client.getStatus() == JDA.Status.CONNECTED;
  }

  /**
   * The running JDA client.
   *
   * @throws GatewayException when the bot is not connected
   */
  public JDA jda() {
    JDA client = jda;
    if (client == null) {
      throw new GatewayException("discord", "the bot is not connected", null);
    }
    return client;
  }

  /**
   * The conference guild, from JDA's cache (fresh after reconnects).
   *
   * @throws GatewayException when the bot is not connected or not on the server
   */
  public Guild guild() {
    Guild guild = jda().getGuildById(settings.guildId());
    if (guild == null) {
      throw new GatewayException("discord", "the conference server is not available", null);
    }
    return guild;
  }

  /** The id of the registration message shown at start, if it could be shown. */
  public Optional<Long> registrationMessageId() {
    return Optional.ofNullable(registrationMessageId);
  }

  /**
   * Takes no new work and answers every registration still waiting for a worker ("the bot is
   * restarting, please submit again") instead of dropping it; the ones running go on.
   */
  private static void refuseQueued(ThreadPoolExecutor pool) {
    pool.shutdown();
    List<Runnable> queued = new ArrayList<>();
    pool.getQueue().drainTo(queued);
    int refused = 0;
    for (Runnable task : queued) {
      if (task instanceof RegistrationListener.Answerable) {
        if (((RegistrationListener.Answerable) task).refuse()) {
          refused++;
        }
      }
    }
    if (!queued.isEmpty()) {
      log.info(
          "Stopping: {} queued registration(s) asked to submit again, {} other task(s) dropped",
          refused,
          queued.size() - refused);
    }
  }

  /** Submissions waiting for a worker (for tests). */
  synchronized int queuedTasks() {
    ThreadPoolExecutor pool = workers;
    return pool == null ? 0 : pool.getQueue().size();
  }

  private static ThreadPoolExecutor newWorkers() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "confbot-discord-worker-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return new ThreadPoolExecutor(
        WORKERS,
        WORKERS,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE),
        threads,
        new ThreadPoolExecutor.AbortPolicy());
  }
}
