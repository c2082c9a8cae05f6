package dev.confbot.core.registration;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds the order behind a code for registration: the {@link TicketIndex} first, which never waits
 * on the ticket source; on a miss (a ticket bought after the last sync, or a typo), and for a
 * pending order that may just have been paid, the ticket source directly.
 *
 * <p>Direct lookups run on a small bounded executor of their own, never on the caller's thread, and
 * the caller does not wait for them: {@link #find} returns a future that completes with the
 * source's answer, or with "can't verify right now" at the {@linkplain Settings#deadline()
 * deadline}, or so at once when the executor's queue is full. A slow or rate-limited ticket source
 * thus holds at most the lookup threads, never the registration workers, and attendees whose ticket
 * is indexed are not held up at all. The source's answer is never wasted: when it arrives, even
 * after the caller gave up, it fills the index (order found) or the negative cache (code unknown).
 * One lookup per code runs at a time; callers asking for the same code meanwhile share its answer.
 *
 * <p>Unknown codes, and the state of pending orders just checked, are answered from memory for
 * {@linkplain Settings#cacheTtl() a while}, so re-submitting a mistyped code or an unpaid order
 * does not spend the ticket source's request budget again. Thread-safe.
 */
public final class OrderLookup implements AutoCloseable {
  private static final int CACHE_LIMIT = 10_000;
  private static final System.Logger LOG = System.getLogger(OrderLookup.class.getName());

  /**
   * Tunables of the direct lookups.
   *
   * @param threads direct lookups running at once
   * @param queue direct lookups waiting for a thread; beyond that the answer is "can't verify right
   *     now" at once
   * @param deadline how long an attendee's answer waits for the ticket source
   * @param cacheTtl how long an unknown code, or the state of a pending order just checked, is
   *     answered from memory without asking the source again
   */
  public record Settings(int threads, int queue, Duration deadline, Duration cacheTtl) {
    public Settings {
      if (threads < 1 || queue < 1) {
        throw new IllegalArgumentException("lookup threads and queue must be at least 1");
      }
      if (deadline.isNegative() || cacheTtl.isNegative()) {
        throw new IllegalArgumentException("lookup deadline and cache TTL must not be negative");
      }
    }

    /** Two threads, 16 waiting, 3 s deadline, 30 s cache. */
    public static Settings defaults() {
      return new Settings(2, 16, Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /** A copy with another deadline. */
    public Settings withDeadline(Duration wait) {
      return new Settings(threads, queue, wait, cacheTtl);
    }

    /** A copy with another cache TTL. */
    public Settings withCacheTtl(Duration ttl) {
      return new Settings(threads, queue, deadline, ttl);
    }
  }

  /** What a lookup found. */
  sealed interface Answer {
    /** The order, from the index or just fetched. */
    record Known(IndexedOrder order) implements Answer {}

    /** Neither the index nor the source knows the code. */
    record Unknown() implements Answer {}

    /**
     * The source did not answer in time, is too busy, or failed.
     *
     * @param system the failing system, for the attendee's text and the organizer's log line
     */
    record Unverifiable(String system) implements Answer {}
  }

  private final TicketIndex index;
  private final TicketSource source;
  private final Clock clock;
  private final ExecutorService executor;
  private final Duration deadline;
  private final Duration cacheTtl;
  private final ConcurrentHashMap<OrderCode, CompletableFuture<Optional<IndexedOrder>>> inFlight =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OrderCode, Instant> unknownUntil = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<OrderCode, Instant> checkedUntil = new ConcurrentHashMap<>();

  /**
   * Direct lookups on the given executor (for tests; {@link #start} makes the real one).
   *
   * @param executor runs the lookups; should be bounded and reject when full
   */
  OrderLookup(
      TicketIndex index,
      TicketSource source,
      Clock clock,
      ExecutorService executor,
      Duration deadline,
      Duration cacheTtl) {
    this.index = index;
    this.source = source;
    this.clock = clock;
    this.executor = executor;
    this.deadline = deadline;
    this.cacheTtl = cacheTtl;
  }

  /**
   * Order lookups with their own bounded pool of daemon threads named {@code
   * confbot-order-lookup-N} (idle threads end after 30 s). {@link #close} stops it.
   *
   * @param index the shared ticket index; direct lookups add the orders they find
   * @param source the ticket source (pretix)
   * @param clock time for the caches
   */
  public static OrderLookup start(
      TicketIndex index, TicketSource source, Clock clock, Settings settings) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "confbot-order-lookup-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            settings.threads(),
            settings.threads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.queue()),
            threads,
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return new OrderLookup(index, source, clock, pool, settings.deadline(), settings.cacheTtl());
  }

  /**
   * Finds the order. An index hit (and a code known to be unknown) is answered at once, in an
   * already completed future; a direct lookup completes the future when the source answers, or with
   * {@link Answer.Unverifiable} at the {@linkplain Settings#deadline() deadline} or at once when
   * the lookup queue is full. The caller's thread never waits: whoever completes the future (a
   * lookup thread, or the JDK's timer thread at the deadline) runs the dependent stages that are
   * not made asynchronous.
   *
   * @param refreshPending whether a pending order from the index is checked at the source (it may
   *     have been paid since the last sync); the indexed state answers when the source does not
   * @return the answer; completes exceptionally only with what a ticket source that broke its
   *     contract threw (not a {@link GatewayException})
   */
  CompletableFuture<Answer> find(OrderCode code, boolean refreshPending) {
    Optional<IndexedOrder> indexed = index.find(code);
    if (indexed.isPresent()) {
      IndexedOrder order = indexed.get();
      if (refreshPending
          && order.order().status() == OrderStatus.PENDING
          && !cached(checkedUntil, code)) {
        // a pending order may have been paid a minute ago: ask the source, keep the index otherwise
        return withinDeadline(
            lookUp(code), found -> new Answer.Known(found.orElse(order)), new Answer.Known(order));
      }
      return CompletableFuture.completedFuture(new Answer.Known(order));
    }
    if (cached(unknownUntil, code)) {
      return CompletableFuture.completedFuture(new Answer.Unknown());
    }
    return withinDeadline(
        lookUp(code),
        found -> found.isPresent() ? new Answer.Known(found.get()) : new Answer.Unknown(),
        null);
  }

  /**
   * The lookup's answer, or what stands in for it when the source is late, too busy or fails.
   *
   * @param fallback the answer then; null for {@link Answer.Unverifiable} naming the system
   */
  private CompletableFuture<Answer> withinDeadline(
      CompletableFuture<Optional<IndexedOrder>> lookup,
      Function<Optional<IndexedOrder>, Answer> answer,
      @Nullable Answer fallback) {
    // a dependent future of our own: the deadline must not complete the shared in-flight lookup
    return lookup
        .thenApply(answer)
        .orTimeout(deadline.toNanos(), TimeUnit.NANOSECONDS)
        .handle(
            (found, failure) -> {
              if (failure == null) {
                return found;
              }
              String system = failedSystem(failure);
              return fallback != null ? fallback : new Answer.Unverifiable(system);
            });
  }

  /**
   * The system to name when a lookup gave no usable answer.
   *
   * @throws RuntimeException what the source threw when it broke its contract
   */
  private String failedSystem(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof TimeoutException) {
      LOG.log(
          System.Logger.Level.WARNING,
          "pretix gave no answer within {0} for an order lookup; the attendee is asked to retry"
              + " and the answer, when it comes, is kept",
          deadline);
      return "pretix";
    }
    if (cause instanceof RejectedExecutionException) {
      LOG.log(
          System.Logger.Level.WARNING,
          "Too many order lookups waiting for pretix; the attendee is asked to retry");
      return "pretix";
    }
    if (cause instanceof GatewayException) {
      return ((GatewayException) cause).system();
    }
    if (cause instanceof RuntimeException) {
      throw (RuntimeException) cause;
    }
    throw new IllegalStateException("order lookup failed", cause);
  }

  /** The indexed position behind a key, without asking the source; empty when not indexed. */
  Optional<Position> indexed(PositionKey key) {
    return index.position(key);
  }

  /** The running lookup for the code, or a new one; a failed future when the queue is full. */
  private CompletableFuture<Optional<IndexedOrder>> lookUp(OrderCode code) {
    CompletableFuture<Optional<IndexedOrder>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<IndexedOrder>> running = inFlight.putIfAbsent(code, mine);
    if (running != null) {
      return running;
    }
    try {
      executor.execute(() -> run(code, mine));
    } catch (RejectedExecutionException e) {
      inFlight.remove(code, mine);
      mine.completeExceptionally(e);
    }
    return mine;
  }

  private void run(OrderCode code, CompletableFuture<Optional<IndexedOrder>> result) {
    // kept (index, caches) before it is no longer in flight, and no longer in flight before it is
    // answered: whoever comes after the answer asks again or finds what was kept
    try {
      Optional<IndexedOrder> found = remember(code, source.order(code));
      inFlight.remove(code, result);
      result.complete(found);
    } catch (RuntimeException | Error e) {
      inFlight.remove(code, result);
      result.completeExceptionally(e);
      if (e instanceof Error) {
        throw (Error) e;
      }
    }
  }

  /** Keeps what the source said (in the index or the caches), whether or not anyone still waits. */
  private Optional<IndexedOrder> remember(OrderCode code, Optional<Order> fetched) {
    Instant until = clock.instant().plus(cacheTtl);
    put(checkedUntil, code, until);
    if (fetched.isEmpty()) {
      put(unknownUntil, code, until);
      return Optional.empty();
    }
    unknownUntil.remove(code);
    return Optional.of(index.put(fetched.get()));
  }

  private boolean cached(ConcurrentHashMap<OrderCode, Instant> cache, OrderCode code) {
    Instant until = cache.get(code);
    return until != null && clock.instant().isBefore(until);
  }

  private static void put(
      ConcurrentHashMap<OrderCode, Instant> cache, OrderCode code, Instant until) {
    if (cache.size() >= CACHE_LIMIT) {
      cache.clear();
    }
    cache.put(code, until);
  }

  /** Stops the lookup threads; lookups still running are interrupted. */
  @Override
  public void close() {
    executor.shutdownNow();
  }
}
