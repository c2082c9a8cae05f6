package dev.confbot.benchmarks;

import dev.confbot.adapter.pretix.PretixSettings;
import dev.confbot.adapter.pretix.PretixTicketSource;
import dev.confbot.core.port.TicketSource.Snapshot;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load harness for the pretix full sync (issue 4, "Benchmarks"): 10,000 orders in pages of 50 from
 * a local stand-in answering each request after 50 ms. Runs a sequential sync and concurrent ones
 * with the rate limit lifted, then one at pretix Hosted's 360 requests/minute against a stand-in
 * that answers 429 to any burst. Figures go to {@code docs/benchmarks.md}.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.confbot.benchmarks.PretixSyncHarness
 * [orders] [latencyMillis] [skipLimited]}.
 */
public final class PretixSyncHarness {
  private static final Logger log = LoggerFactory.getLogger(PretixSyncHarness.class);

  private PretixSyncHarness() {}

  public static void main(String[] args) throws Exception {
    int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    long latency = args.length > 1 ? Long.parseLong(args[1]) : 50;
    boolean skipLimited = args.length > 2 && Boolean.parseBoolean(args[2]);
    // the JDK server otherwise waits for delayed ACKs (Nagle), adding ~40 ms to every answer
    System.setProperty("sun.net.httpserver.nodelay", "true");
    log.info(
        "pretix sync: {} orders, {} ms per request, Java {}, {} cores",
        orders,
        latency,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    // warm-up (class loading, JIT, connection pool)
    run(orders, latency, 0, 8, "warm-up");
    run(orders, latency, 0, 1, "sequential, limit lifted");
    run(orders, latency, 0, 4, "concurrent (4 pages), limit lifted");
    run(orders, latency, 0, 8, "concurrent (8 pages), limit lifted");
    run(orders, latency, 0, 16, "concurrent (16 pages), limit lifted");
    if (!skipLimited) {
      run(orders, latency, 360, 4, "concurrent (4 pages), 360 requests/minute");
    }
  }

  private static void run(int orders, long latency, int perMinute, int concurrent, String label)
      throws Exception {
    try (PretixStandIn standIn = new PretixStandIn(orders, latency, perMinute)) {
      PretixSettings settings =
          PretixSettings.defaults(standIn.baseUrl(), "bench", "2026", "benchmark-token")
              .withRequestsPerMinute(perMinute)
              .withMaxConcurrentPages(concurrent)
              .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));
      PretixTicketSource source = PretixTicketSource.create(settings, Clock.systemUTC());
      long start = System.nanoTime();
      Snapshot snapshot = source.fullSync();
      long millis = (System.nanoTime() - start) / 1_000_000;
      log.info(
          "{}: {} orders in {} ms; {} requests, {} answered 429, at most {} in flight",
          label,
          snapshot.orders().size(),
          millis,
          standIn.requests(),
          standIn.rateLimited(),
          standIn.maxInFlight());
      if (snapshot.orders().size() != orders) {
        throw new IllegalStateException("expected " + orders + " orders");
      }
    }
  }
}
