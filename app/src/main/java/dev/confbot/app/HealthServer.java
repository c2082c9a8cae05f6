package dev.confbot.app;

import com.google.inject.Inject;
import com.google.inject.Provider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.programme.ProgrammeService;
import dev.confbot.core.registration.OutcomeCode;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketSyncService;
import dev.confbot.core.registration.TicketSyncWatch;
import dev.confbot.core.remind.ReminderScheduler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The optional HTTP port: {@code /healthz} (Discord connected, age of the last pretix sync and
 * schedule refresh; 200 when Discord is connected, else 503; {@code "status":"degraded"} with the
 * problems when the ticket sync is stale) and {@code /metrics}: Micrometer meters in Prometheus'
 * text format.
 */
final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  /** What {@code /healthz} and {@code /metrics} read: parts of the running bot's graph. */
  static final class Readings {
    final Clock clock;
    final Provider<DiscordBot> discord;
    final TicketIndex index;
    final TicketSyncService tickets;
    final TicketSyncWatch sync;
    final ProgrammeService programme;
    final NotificationScheduler notifications;
    final RegistrationService registration;
    final ReminderScheduler reminders;

    @Inject
    Readings(
        Clock clock,
        Provider<DiscordBot> discord,
        TicketIndex index,
        TicketSyncService tickets,
        TicketSyncWatch sync,
        ProgrammeService programme,
        NotificationScheduler notifications,
        RegistrationService registration,
        ReminderScheduler reminders) {
      this.clock = clock;
      this.discord = discord;
      this.index = index;
      this.tickets = tickets;
      this.sync = sync;
      this.programme = programme;
      this.notifications = notifications;
      this.registration = registration;
      this.reminders = reminders;
    }

    /** False while the gateway is down, and when the bot could not be built at all. */
    boolean discordConnected() {
      try {
        return discord.get().connected();
      } catch (RuntimeException e) {
        return false;
      }
    }
  }

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  static HealthServer start(int port, Confbot confbot) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("port " + port + " is not available", e);
    }
    Readings readings = confbot.injector().getInstance(Readings.class);
    server.createContext("/healthz", exchange -> health(exchange, readings));
    PrometheusMeterRegistry registry = registry(readings);
    server.createContext("/metrics", exchange -> metrics(exchange, registry));
    server.start();
    return new HealthServer(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static String age(Optional<Instant> instant, Clock clock) {
    return instant
        .map(i -> String.valueOf(Duration.between(i, clock.instant()).toSeconds()))
        .orElse("null");
  }

  private static void health(HttpExchange exchange, Readings readings) throws IOException {
    boolean connected = readings.discordConnected();
    TicketSyncWatch sync = readings.sync;
    List<String> problems = new ArrayList<>();
    if (!connected) {
      problems.add("Discord is not connected");
    }
    sync.problem().ifPresent(problems::add);
    String status = !connected ? "down" : problems.isEmpty() ? "ok" : "degraded";
    String body =
        "{\"status\":\""
            + status
            + "\",\"problems\":["
            + problems.stream().map(HealthServer::jsonString).collect(Collectors.joining(","))
            + "],\"discord_connected\":"
            + connected
            + ",\"pretix_sync_age_seconds\":"
            // the syncs run on a real-time timer (see TicketSyncWatch's clock)
            + age(readings.tickets.lastSuccess(), Clock.systemUTC())
            + ",\"pretix_sync_failures_in_a_row\":"
            + sync.failuresInARow()
            + ",\"schedule_refresh_age_seconds\":"
            + age(readings.programme.lastChange(), readings.clock)
            + ",\"tickets_indexed\":"
            + readings.index.size()
            + "}\n";
    send(exchange, connected ? 200 : 503, "application/json", body);
  }

  /** A JSON string literal. */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static void metrics(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
  }

  /** The meters of a running bot, read when Prometheus scrapes. */
  static PrometheusMeterRegistry registry(Readings readings) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Clock clock = readings.clock;
    TicketIndex index = readings.index;
    NotificationScheduler scheduler = readings.notifications;
    Gauge.builder("confbot.discord.connected", readings, r -> r.discordConnected() ? 1 : 0)
        .description("1 while the Discord gateway is connected")
        .register(registry);
    Gauge.builder("confbot.tickets.indexed", index, TicketIndex::size)
        .description("orders in the ticket index")
        .register(registry);
    Gauge.builder(
            "confbot.pretix.sync.age",
            readings.tickets,
            t ->
                t.lastSuccess()
                    // the syncs run on a real-time timer (see TicketSyncWatch's clock)
                    .map(i -> (double) Duration.between(i, Instant.now()).toSeconds())
                    .orElse(Double.NaN))
        .baseUnit("seconds")
        .description("time since the last successful pretix sync")
        .register(registry);
    Gauge.builder(
            "confbot.schedule.refresh.age",
            readings.programme,
            p ->
                p.lastChange()
                    .map(i -> (double) Duration.between(i, clock.instant()).toSeconds())
                    .orElse(Double.NaN))
        .baseUnit("seconds")
        .description("time since the schedule in force was loaded or last changed")
        .register(registry);
    TicketSyncWatch sync = readings.sync;
    FunctionCounter.builder("confbot.pretix.sync.failures", sync, TicketSyncWatch::failures)
        .description("failed pretix syncs since the start")
        .register(registry);
    Gauge.builder("confbot.pretix.sync.stale", sync, w -> w.problem().isPresent() ? 1 : 0)
        .description("1 while the ticket sync is stale (failing in a row or too old)")
        .register(registry);
    FunctionCounter.builder("confbot.notifications.sent", scheduler, s -> s.stats().sent())
        .description("programme notifications delivered")
        .register(registry);
    FunctionCounter.builder("confbot.notifications.late", scheduler, s -> s.stats().late())
        .description("programme notifications delivered after their due instant")
        .register(registry);
    FunctionCounter.builder("confbot.notifications.failed", scheduler, s -> s.stats().failed())
        .description("failed deliveries (retried while the late grace allows)")
        .register(registry);
    RegistrationService registration = readings.registration;
    for (OutcomeCode code : OutcomeCode.values()) {
      FunctionCounter.builder("confbot.registrations", registration, r -> r.outcomeCount(code))
          .tag("outcome", code.name().toLowerCase(Locale.ROOT))
          .description("registration form submissions by outcome")
          .register(registry);
    }
    ReminderScheduler reminders = readings.reminders;
    FunctionCounter.builder("confbot.reminders.sent", reminders, r -> r.stats().sent())
        .description("session reminders delivered by direct message")
        .register(registry);
    FunctionCounter.builder("confbot.reminders.undelivered", reminders, r -> r.stats().closed())
        .description("session reminders not delivered because the member's DMs are closed")
        .register(registry);
    FunctionCounter.builder("confbot.reminders.failed", reminders, r -> r.stats().failed())
        .description("failed reminder deliveries (certain ones retried, uncertain ones not)")
        .register(registry);
    return registry;
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(1);
  }
}
