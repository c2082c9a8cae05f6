package dev.confbot.fakediscord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.confbot.fakediscord.Entities.MessageData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link RestApi} over the JDK's HTTP server on loopback: authentication, injected faults,
 * request recording, JSON errors and uploaded attachments.
 */
final class RestServer {
  private static final Logger log = LoggerFactory.getLogger(RestServer.class);
  private static final Pattern API_PREFIX = Pattern.compile("^/api/v\\d+/(.*)$");
  private static final Pattern ATTACHMENT = Pattern.compile("^/attachments/(\\d+)/(\\d+)/.*$");

  private record QueuedFault(RoutePattern route, Fault fault) {}

  private final State state;
  private final RestApi api;
  private final String token;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<QueuedFault> faults = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();
  private final List<ExchangeObserver> observers;

  RestServer(State state, RestApi api, String token, List<ExchangeObserver> observers)
      throws IOException {
    this.state = state;
    this.api = api;
    this.token = token;
    this.observers = List.copyOf(observers);
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "fake-discord-rest-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor = Executors.newFixedThreadPool(16, factory);
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    server.createContext("/", this::exchange);
    server.setExecutor(executor);
  }

  void start() {
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void failNext(String route, Fault fault) {
    faults.add(new QueuedFault(RoutePattern.parse(route), fault));
  }

  List<RecordedRequest> recorded() {
    return List.copyOf(recorded);
  }

  void clearRecorded() {
    recorded.clear();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String rawPath = exchange.getRequestURI().getRawPath();
      Matcher attachment = ATTACHMENT.matcher(rawPath);
      if (exchange.getRequestMethod().equals("GET") && attachment.matches()) {
        serveAttachment(
            exchange, Long.parseLong(attachment.group(1)), Long.parseLong(attachment.group(2)));
        return;
      }
      Matcher prefix = API_PREFIX.matcher(rawPath);
      String path = prefix.matches() ? prefix.group(1) : rawPath.replaceFirst("^/", "");
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      path = decode(path);
      String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
      String reason = exchange.getRequestHeaders().getFirst("X-Audit-Log-Reason");
      ApiRequest request =
          new ApiRequest(
              exchange.getRequestMethod().toUpperCase(Locale.ROOT),
              path,
              parseQuery(query),
              Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse(""),
              body,
              reason == null ? null : decode(reason));
      boolean[] injected = {false};
      ApiResponse response =
          answer(request, exchange.getRequestHeaders().getFirst("Authorization"), injected);
      String recordedBody;
      try {
        recordedBody = request.jsonText();
      } catch (DiscordError e) {
        recordedBody = "";
      }
      observe(exchange, body.length == 0 ? "" : recordedBody, response, injected[0]);
      recorded.add(
          new RecordedRequest(
              request.method(),
              path,
              query,
              recordedBody,
              request.auditLogReason(),
              response.status()));
      send(exchange, response);
    } catch (RuntimeException e) {
      log.error(
          "fake-discord failed to answer {} {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          e);
      ApiResponse failure =
          new ApiResponse(500, "{\"message\":\"500: Internal Server Error\",\"code\":0}", Map.of());
      observe(exchange, "", failure, false);
      send(exchange, failure);
    }
  }

  /** Shows the exchange to every observer; a no-op without observers. */
  private void observe(
      HttpExchange exchange, String requestJson, ApiResponse response, boolean injectedFault) {
    if (observers.isEmpty()) {
      return;
    }
    Exchange seen =
        new Exchange(
            exchange.getRequestMethod().toUpperCase(Locale.ROOT),
            exchange.getRequestURI().getRawPath(),
            Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""),
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse(""),
            requestJson,
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("User-Agent")).orElse(""),
            response.status(),
            response.status() == 204 ? null : response.body(),
            injectedFault);
    for (ExchangeObserver observer : observers) {
      try {
        observer.exchanged(seen);
      } catch (RuntimeException e) {
        log.error("fake-discord exchange observer failed on {} {}", seen.method(), seen.path(), e);
      }
    }
  }

  private ApiResponse answer(
      ApiRequest request, @Nullable String authorization, boolean[] injected) {
    Optional<Map.Entry<RestApi.Route, List<String>>> route =
        api.find(request.method(), request.path());
    if (route.isEmpty()) {
      log.warn("fake-discord has no route for {} {}", request.method(), request.path());
      return new ApiResponse(404, "{\"message\":\"404: Not Found\",\"code\":0}", Map.of());
    }
    if (route.get().getKey().authenticated() && !("Bot " + token).equals(authorization)) {
      return new ApiResponse(401, "{\"message\":\"401: Unauthorized\",\"code\":0}", Map.of());
    }
    Optional<Fault> fault = takeFault(request);
    if (fault.isPresent()) {
      injected[0] = true;
    }
    if (fault.isPresent() && !(fault.get() instanceof Fault.ResponseLost)) {
      return faultResponse(fault.get(), request);
    }
    try {
      ApiResponse handled = route.get().getKey().handler().handle(request, route.get().getValue());
      if (fault.isPresent()) {
        log.info(
            "fake-discord handled {} {} and loses its answer", request.method(), request.path());
        return faultResponse(fault.get(), request);
      }
      return handled;
    } catch (DiscordError e) {
      log.debug(
          "fake-discord answers {} {} with {} {}",
          request.method(),
          request.path(),
          e.status(),
          e.code());
      return ApiResponse.error(e);
    } catch (NumberFormatException e) {
      return ApiResponse.error(
          DiscordError.invalidBody(e.getMessage() == null ? "bad number" : e.getMessage()));
    }
  }

  private Optional<Fault> takeFault(ApiRequest request) {
    for (Iterator<QueuedFault> it = faults.iterator(); it.hasNext(); ) {
      QueuedFault queued = it.next();
      if (queued.route().matches(request.method(), request.path())) {
        it.remove();
        return Optional.of(queued.fault());
      }
    }
    return Optional.empty();
  }

  private static ApiResponse faultResponse(Fault fault, ApiRequest request) {
    if (fault instanceof Fault.RateLimited) {
      Duration retryAfter = ((Fault.RateLimited) fault).retryAfter();
      double seconds = retryAfter.toMillis() / 1000.0;
      long wholeSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
      String body =
          Json.write(
              Json.map(
                  "message",
                  "You are being rate limited.",
                  "retry_after",
                  seconds,
                  "global",
                  false,
                  "code",
                  0));
      log.info(
          "fake-discord rate-limits {} {} for {}", request.method(), request.path(), retryAfter);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Via", "1.1 google");
      headers.put("Retry-After", String.valueOf(wholeSeconds));
      headers.put("X-RateLimit-Limit", "5");
      headers.put("X-RateLimit-Remaining", "0");
      headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", seconds));
      headers.put("X-RateLimit-Bucket", "fake-" + Integer.toHexString(request.path().hashCode()));
      headers.put("X-RateLimit-Scope", "user");
      return new ApiResponse(429, body, headers);
    }
    if (fault instanceof Fault.ResponseLost) {
      int status = ((Fault.ResponseLost) fault).httpStatus();
      return new ApiResponse(
          status,
          Json.write(Json.map("message", status + ": Internal Server Error", "code", 0)),
          Map.of());
    }
    if (fault instanceof Fault.Status) {
      Fault.Status status = (Fault.Status) fault;
      return new ApiResponse(
          status.httpStatus(),
          Json.write(Json.map("message", status.message(), "code", status.code())),
          Map.of());
    }
    throw new AssertionError(fault);
  }

  private void serveAttachment(HttpExchange exchange, long channelId, long attachmentId)
      throws IOException {
    synchronized (state.lock) {
      for (MessageData message : state.messages.getOrDefault(channelId, Map.of()).values()) {
        for (FakeAttachment attachment : message.attachments) {
          if (attachment.id() == attachmentId) {
            byte[] content = attachment.content();
            exchange.getResponseHeaders().set("Content-Type", attachment.contentType());
            observe(exchange, "", new ApiResponse(200, null, Map.of()), false);
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(content);
            }
            return;
          }
        }
      }
    }
    ApiResponse notFound =
        new ApiResponse(404, "{\"message\":\"404: Not Found\",\"code\":0}", Map.of());
    observe(exchange, "", notFound, false);
    send(exchange, notFound);
  }

  private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    String body = response.body();
    if (body == null || response.status() == 204) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> parseQuery(String query) {
    Map<String, String> result = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return result;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        result.put(decode(pair), "");
      } else {
        result.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return result;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
