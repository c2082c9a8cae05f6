package dev.confbot.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local pretix stand-in for the sync benchmark: one item page and {@code orders} pages of 50,
 * each answered after a fixed latency, optionally behind a rate limit that answers 429 with {@code
 * Retry-After}. The limit is a token bucket (capacity 10, refilled at the per-minute rate),
 * stricter than pretix Hosted's per-minute budget: a client that bursts gets 429s.
 */
final class PretixStandIn implements AutoCloseable {
  static final String EVENT_PATH = "/api/v1/organizers/bench/events/2026/";
  static final int PAGE_SIZE = 50;
  private static final String GENERATED = "2026-03-01T08:00:00.000000+00:00";

  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(64);
  private final byte[][] pages;
  private final byte[] items;
  private final long latencyMillis;
  private final int requestsPerMinute;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private double tokens = 10;
  private long refilledAtNanos = System.nanoTime();

  /**
   * @param orders how many orders the event has
   * @param latencyMillis the delay before each answer
   * @param requestsPerMinute 0 for no limit
   */
  PretixStandIn(int orders, long latencyMillis, int requestsPerMinute) throws IOException {
    this.latencyMillis = latencyMillis;
    this.requestsPerMinute = requestsPerMinute;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    this.items = itemsJson().getBytes(StandardCharsets.UTF_8);
    int pageCount = Math.max(1, (orders + PAGE_SIZE - 1) / PAGE_SIZE);
    this.pages = new byte[pageCount][];
    for (int page = 1; page <= pageCount; page++) {
      pages[page - 1] = pageJson(orders, page, pageCount).getBytes(StandardCharsets.UTF_8);
    }
    server.createContext(EVENT_PATH, this::handle);
    server.setExecutor(workers);
    server.start();
  }

  String baseUrl() {
    return "http://"
        + server.getAddress().getHostString()
        + ":"
        + server.getAddress().getPort()
        + "/api/v1/";
  }

  int requests() {
    return requests.get();
  }

  int rateLimited() {
    return rateLimited.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      requests.incrementAndGet();
      if (!takeToken()) {
        rateLimited.incrementAndGet();
        exchange.getResponseHeaders().add("Retry-After", "1");
        send(
            exchange,
            429,
            "{\"detail\":\"Request was throttled.\"}".getBytes(StandardCharsets.UTF_8));
        return;
      }
      TimeUnit.MILLISECONDS.sleep(latencyMillis);
      URI uri = exchange.getRequestURI();
      String rest = uri.getPath().substring(EVENT_PATH.length());
      if (rest.equals("items/")) {
        send(exchange, 200, items);
      } else if (rest.equals("orders/")) {
        int page = page(uri.getRawQuery());
        if (page < 1 || page > pages.length) {
          send(exchange, 404, "{\"detail\":\"Invalid page.\"}".getBytes(StandardCharsets.UTF_8));
        } else {
          exchange.getResponseHeaders().add("X-Page-Generated", GENERATED);
          send(exchange, 200, pages[page - 1]);
        }
      } else {
        send(exchange, 404, "{\"detail\":\"Not found.\"}".getBytes(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private synchronized boolean takeToken() {
    if (requestsPerMinute == 0) {
      return true;
    }
    long now = System.nanoTime();
    double perNano = requestsPerMinute / 60e9;
    tokens = Math.min(10, tokens + (now - refilledAtNanos) * perNano);
    refilledAtNanos = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  private static int page(String query) {
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("page=")) {
          return Integer.parseInt(pair.substring(5));
        }
      }
    }
    return 1;
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String itemsJson() {
    return "{\"count\":2,\"next\":null,\"previous\":null,\"results\":["
        + "{\"id\":101,\"name\":{\"en\":\"Business\"},\"admission\":true,\"variations\":[]},"
        + "{\"id\":106,\"name\":{\"en\":\"Sponsor\"},\"admission\":true,\"variations\":"
        + "[{\"id\":1061,\"value\":{\"en\":\"Gold\"}}]}]}";
  }

  /** A page shaped like pretix's (order and position fields as in the fixtures). */
  private String pageJson(int orders, int page, int pageCount) {
    StringBuilder json = new StringBuilder(PAGE_SIZE * 900);
    json.append("{\"count\":").append(orders).append(",\"next\":");
    json.append(
        page < pageCount
            ? "\"http://pretix.invalid" + EVENT_PATH + "orders/?page=" + (page + 1) + "\""
            : "null");
    json.append(",\"previous\":null,\"results\":[");
    int first = (page - 1) * PAGE_SIZE;
    int last = Math.min(orders, first + PAGE_SIZE);
    for (int i = first; i < last; i++) {
      if (i > first) {
        json.append(',');
      }
      String code = String.format("B%05d", i);
      json.append("{\"code\":\"")
          .append(code)
          .append("\",\"event\":\"2026\",\"status\":\"p\",")
          .append("\"testmode\":false,\"secret\":\"a922190e1eef616a\",")
          .append("\"email\":\"")
          .append(code.toLowerCase(Locale.ROOT))
          .append("@example.org\",")
          .append("\"locale\":\"en\",\"datetime\":\"2026-02-10T09:15:00Z\",")
          .append("\"last_modified\":\"2026-03-01T08:00:00Z\",\"payment_provider\":\"stripe\",")
          .append("\"total\":\"250.00\",\"require_approval\":false,")
          .append("\"invoice_address\":{\"company\":\"\",\"name\":\"\",\"name_parts\":{},")
          .append("\"country\":\"DE\"},\"positions\":[{\"id\":")
          .append(100_000 + i)
          .append(",\"order\":\"")
          .append(code)
          .append("\",\"positionid\":1,")
          .append(
              i % 10 == 0 ? "\"item\":106,\"variation\":1061," : "\"item\":101,\"variation\":null,")
          .append("\"price\":\"250.00\",\"attendee_name\":\"Attendee ")
          .append(i)
          .append("\",")
          .append("\"attendee_name_parts\":{\"_scheme\":\"full\",\"full_name\":\"Attendee ")
          .append(i)
          .append("\"},\"attendee_email\":null,\"addon_to\":null,\"subevent\":null,")
          .append("\"canceled\":false,\"secret\":\"c1dc73de09994f4603024fa456b817fe\",")
          .append("\"pseudonymization_id\":\"A238497912\",\"checkins\":[]}]}");
    }
    return json.append("]}").toString();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
