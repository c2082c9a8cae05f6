package dev.confbot.fakediscord.openapi;

import dev.confbot.fakediscord.Exchange;
import dev.confbot.fakediscord.ExchangeObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks every exchange of a fake against {@link DiscordOpenApi} and fails the test that closes the
 * fake when any exchange broke the spec, with one line per violation (operation, part, JSON
 * pointer, what was wrong). Registered as an {@link ExchangeObserver.Provider} in {@code
 * META-INF/services} of each module's test resources, so every fake-discord started in an
 * end-to-end test is checked; harnesses ({@code RegistrationBurst --openapi}) attach {@link
 * #observer()} explicitly.
 *
 * <p>Counts per operation are kept for the JVM and written to {@value #SUMMARY} (when {@code
 * target/} exists) each time a fake closes: tab-separated operation, operationId, exchanges,
 * violations, requests refused as invalid.
 */
public final class OpenApiConformance implements ExchangeObserver.Provider {
  /** Where the per-JVM summary goes, relative to the working directory (the module's). */
  public static final String SUMMARY = "target/openapi-conformance.tsv";

  private static final int SHOWN = 25;

  private static final class Count {
    final String operationId;
    final AtomicLong exchanges = new AtomicLong();
    final AtomicLong violations = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong tolerated = new AtomicLong();

    Count(String operationId) {
      this.operationId = operationId;
    }
  }

  private static final Map<String, Count> COUNTS = new TreeMap<>();
  private static final ExecutorService VALIDATOR =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "openapi-conformance");
            thread.setDaemon(true);
            return thread;
          });
  private static final Set<String> TOLERATED = new TreeSet<>();
  private static final List<String> ALL_VIOLATIONS = new ArrayList<>();

  private static String client(String userAgent) {
    if (userAgent.startsWith("DiscordBot (")) {
      return "bot";
    }
    return userAgent.isEmpty() ? "no User-Agent" : userAgent.split("[ /]", 2)[0];
  }

  /** Used by {@link java.util.ServiceLoader}; prefer {@link #observer()}. */
  public OpenApiConformance() {}

  @Override
  public ExchangeObserver create() {
    return observer();
  }

  /** A fresh observer for one fake. */
  public static Observer observer() {
    return new Observer();
  }

  /** The checks of one fake. */
  public static final class Observer implements ExchangeObserver {
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();

    private final ConcurrentLinkedQueue<Future<?>> pending = new ConcurrentLinkedQueue<>();

    private Observer() {}

    /**
     * Queues the check on the validation thread, so that fake-discord answers at its usual speed
     * (the first checks compile schemas of the ~1 MB spec, which takes seconds).
     */
    @Override
    public void exchanged(Exchange exchange) {
      pending.add(VALIDATOR.submit(() -> check(exchange)));
    }

    private void check(Exchange exchange) {
      DiscordOpenApi.Check check;
      try {
        check = DiscordOpenApi.get().check(exchange);
      } catch (RuntimeException e) {
        broken.incrementAndGet();
        violations.add(exchange.method() + " " + exchange.path() + ": the check failed: " + e);
        return;
      }
      exchanges.incrementAndGet();
      Count count;
      synchronized (COUNTS) {
        count = COUNTS.computeIfAbsent(check.operation(), k -> new Count(check.operationId()));
      }
      count.exchanges.incrementAndGet();
      if (check.rejectedInvalidRequest()) {
        count.rejected.incrementAndGet();
      }
      if (!check.tolerated().isEmpty()) {
        count.tolerated.incrementAndGet();
        synchronized (TOLERATED) {
          for (String line : check.tolerated()) {
            TOLERATED.add(check.operation() + ": " + line);
          }
        }
      }
      if (!check.violations().isEmpty()) {
        count.violations.incrementAndGet();
        broken.incrementAndGet();
        String id = check.operationId().isEmpty() ? "" : " (" + check.operationId() + ")";
        for (String violation : check.violations()) {
          violations.add(
              check.operation()
                  + id
                  + " -> "
                  + exchange.status()
                  + " ["
                  + client(exchange.userAgent())
                  + "]: "
                  + violation);
        }
      }
    }

    /** Waits until every queued exchange was checked. */
    public void awaitChecks() {
      for (Future<?> check = pending.poll(); check != null; check = pending.poll()) {
        try {
          check.get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while checking exchanges", e);
        } catch (ExecutionException | TimeoutException e) {
          throw new IllegalStateException("an OpenAPI check did not finish", e);
        }
      }
    }

    /** How many exchanges this fake had. */
    public long exchanges() {
      return exchanges.get();
    }

    /** Every violation found so far, one line each. */
    public List<String> violations() {
      return List.copyOf(violations);
    }

    /** Fails with the violations, if any, after writing the summary. */
    @Override
    public void closed() {
      awaitChecks();
      List<String> found = violations();
      synchronized (ALL_VIOLATIONS) {
        ALL_VIOLATIONS.addAll(found);
      }
      writeSummary();
      if (found.isEmpty()) {
        return;
      }
      List<String> distinct = new ArrayList<>(new LinkedHashSet<>(found));
      StringBuilder message =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%d exchange(s) with fake-discord break Discord's OpenAPI spec"
                      + " (%d violation(s), %d distinct):",
                  broken.get(),
                  found.size(),
                  distinct.size()));
      for (String line : distinct.subList(0, Math.min(SHOWN, distinct.size()))) {
        message.append("\n  - ").append(line);
      }
      if (distinct.size() > SHOWN) {
        message.append("\n  … and ").append(distinct.size() - SHOWN).append(" more");
      }
      throw new AssertionError(message.toString());
    }
  }

  /** The counts of this JVM as a table: operation, operationId, exchanges, violations, refused. */
  public static String summary() {
    StringBuilder out =
        new StringBuilder("operation\toperationId\texchanges\tviolations\trefused\ttolerated\n");
    synchronized (COUNTS) {
      for (Map.Entry<String, Count> entry : COUNTS.entrySet()) {
        Count count = entry.getValue();
        out.append(entry.getKey())
            .append('\t')
            .append(count.operationId)
            .append('\t')
            .append(count.exchanges.get())
            .append('\t')
            .append(count.violations.get())
            .append('\t')
            .append(count.rejected.get())
            .append('\t')
            .append(count.tolerated.get())
            .append('\n');
      }
    }
    return out.toString();
  }

  /** Exchanges and exchanges with violations seen in this JVM. */
  public static long[] totals() {
    long exchanges = 0;
    long violations = 0;
    synchronized (COUNTS) {
      for (Count count : COUNTS.values()) {
        exchanges += count.exchanges.get();
        violations += count.violations.get();
      }
    }
    return new long[] {exchanges, violations};
  }

  private static void writeSummary() {
    Path target = Path.of("target");
    if (!Files.isDirectory(target)) {
      return;
    }
    try {
      synchronized (OpenApiConformance.class) {
        Files.writeString(Path.of(SUMMARY), summary(), StandardCharsets.UTF_8);
        synchronized (TOLERATED) {
          Files.write(Path.of("target/openapi-tolerated.txt"), TOLERATED, StandardCharsets.UTF_8);
        }
        synchronized (ALL_VIOLATIONS) {
          Files.write(
              Path.of("target/openapi-violations.txt"), ALL_VIOLATIONS, StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + SUMMARY, e);
    }
  }
}
