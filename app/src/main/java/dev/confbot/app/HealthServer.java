package dev.confbot.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.registration.TicketIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;

/**
 * The optional HTTP port: {@code /healthz} (Discord connected, age of the last pretix sync and
 * schedule refresh; 200 when Discord is connected, else 503) and {@code /metrics} in Prometheus'
 * text format.
 */
final class HealthServer implements AutoCloseable {
  private final HttpServer server;

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
    server.createContext("/healthz", exchange -> health(exchange, confbot));
    server.createContext("/metrics", exchange -> metrics(exchange, confbot));
    server.start();
    return new HealthServer(server);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static boolean discordConnected(Confbot confbot) {
    try {
      return confbot.injector().getInstance(DiscordBot.class).jda().getStatus()
          == JDA.Status.CONNECTED;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String age(Optional<Instant> instant, Clock clock) {
    return instant
        .map(i -> String.valueOf(Duration.between(i, clock.instant()).toSeconds()))
        .orElse("null");
  }

  private static void health(HttpExchange exchange, Confbot confbot) throws IOException {
    Clock clock = confbot.injector().getInstance(Clock.class);
    boolean connected = discordConnected(confbot);
    String body =
        "{\"discord_connected\":"
            + connected
            + ",\"pretix_sync_age_seconds\":"
            + age(confbot.lastTicketSync(), clock)
            + ",\"schedule_refresh_age_seconds\":"
            + age(confbot.lastScheduleRefresh(), clock)
            + ",\"tickets_indexed\":"
            + confbot.injector().getInstance(TicketIndex.class).size()
            + "}\n";
    send(exchange, connected ? 200 : 503, "application/json", body);
  }

  private static void metrics(HttpExchange exchange, Confbot confbot) throws IOException {
    Clock clock = confbot.injector().getInstance(Clock.class);
    NotificationScheduler.Stats stats =
        confbot.injector().getInstance(NotificationScheduler.class).stats();
    StringBuilder body = new StringBuilder();
    gauge(
        body,
        "confbot_discord_connected",
        "1 when the gateway is connected",
        discordConnected(confbot) ? 1 : 0);
    gauge(
        body,
        "confbot_tickets_indexed",
        "orders in the ticket index",
        confbot.injector().getInstance(TicketIndex.class).size());
    confbot
        .lastTicketSync()
        .ifPresent(
            i ->
                gauge(
                    body,
                    "confbot_pretix_sync_age_seconds",
                    "seconds since the last successful pretix sync",
                    Duration.between(i, clock.instant()).toSeconds()));
    counter(body, "confbot_notifications_sent_total", "notifications delivered", stats.sent());
    counter(body, "confbot_notifications_late_total", "notifications delivered late", stats.late());
    counter(body, "confbot_notifications_failed_total", "failed deliveries", stats.failed());
    send(exchange, 200, "text/plain; version=0.0.4", body.toString());
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    out.append(name).append(' ').append(value).append('\n');
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    out.append(name).append(' ').append(value).append('\n');
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
