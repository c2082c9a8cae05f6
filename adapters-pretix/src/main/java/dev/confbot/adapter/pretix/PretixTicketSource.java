package dev.confbot.adapter.pretix;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * {@link TicketSource} over the pretix REST API.
 *
 * <ul>
 *   <li>Full sync: the first order page tells {@code count}; the remaining pages are fetched
 *       concurrently (at most {@link PretixSettings#maxConcurrentPages()} at once) within the
 *       shared request rate. The snapshot's cursor is the first page's {@code X-Page-Generated}.
 *   <li>Incremental sync: {@code modified_since=<cursor>}, following {@code next} links.
 *   <li>Direct lookup: {@code orders/{code}/}; 404 is empty and remembered for {@link
 *       PretixSettings#negativeCacheTtl()}; capped at {@link
 *       PretixSettings#directLookupsPerMinute()}.
 * </ul>
 *
 * Test-mode orders are never requested by the syncs ({@code testmode=false}); a direct lookup
 * returns them (flagged) so registration can explain. Thread-safe.
 */
public final class PretixTicketSource implements TicketSource {
  private static final Logger log = LoggerFactory.getLogger(PretixTicketSource.class);
  private static final String PAGE_GENERATED = "X-Page-Generated";
  private static final String FALSE = "false";
  private static final String TRUE = "true";
  private static final int NEGATIVE_CACHE_PRUNE_SIZE = 10_000;

  private final PretixApi api;
  private final PretixHttp http;
  private final PretixSettings settings;
  private final Clock clock;
  private final TokenBucket directLookups;
  private final Map<OrderCode, Instant> unknownUntil = new ConcurrentHashMap<>();
  private volatile Catalog catalog = Catalog.EMPTY;

  PretixTicketSource(PretixApi api, PretixSettings settings, Clock clock, Sleeper sleeper) {
    this.api = api;
    this.settings = settings;
    this.clock = clock;
    this.http =
        new PretixHttp(
            new RequestPacer(settings.limits().requestsPerMinute(), clock, sleeper),
            sleeper,
            clock,
            settings.retries().maxAttempts(),
            settings.retries().backoff());
    this.directLookups = new TokenBucket(settings.limits().directLookupsPerMinute(), clock);
  }

  /**
   * A source talking to the pretix of the settings, with its own HTTP client (timeouts from the
   * settings, no request logging). Does no I/O.
   */
  public static PretixTicketSource create(PretixSettings settings, Clock clock) {
    return create(settings, clock, new OkHttpClient());
  }

  /**
   * A source talking to the pretix of the settings through a client derived from {@code http}
   * (sharing its connection pool and threads; timeouts and the token from the settings). Does no
   * I/O.
   */
  public static PretixTicketSource create(PretixSettings settings, Clock clock, OkHttpClient http) {
    return create(settings, clock, http, Sleeper.SYSTEM);
  }

  /**
   * As {@link #create(PretixSettings, Clock)}, on top of a given client (tests add interceptors).
   */
  static PretixTicketSource create(
      PretixSettings settings, Clock clock, OkHttpClient baseClient, Sleeper sleeper) {
    return new PretixTicketSource(api(settings, baseClient), settings, clock, sleeper);
  }

  /**
   * The event's API on top of the given client: timeouts from the settings, the token in every
   * request's {@code Authorization} header.
   */
  static PretixApi api(PretixSettings settings, OkHttpClient baseClient) {
    OkHttpClient client =
        baseClient
            .newBuilder()
            .connectTimeout(settings.timeouts().connect())
            .readTimeout(settings.timeouts().read())
            .callTimeout(settings.timeouts().call())
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", "Token " + settings.endpoint().token())
                            .header("Accept", "application/json")
                            .build()))
            .build();
    return new Retrofit.Builder()
        .baseUrl(settings.eventUrl())
        .client(client)
        .addConverterFactory(MoshiConverterFactory.create(DtoAdapterFactory.MOSHI))
        .build()
        .create(PretixApi.class);
  }

  @Override
  public Optional<Order> order(OrderCode code) {
    Instant now = clock.instant();
    Instant until = unknownUntil.get(code);
    if (until != null) {
      if (now.isBefore(until)) {
        return Optional.empty();
      }
      unknownUntil.remove(code, until);
    }
    if (!directLookups.tryAcquire()) {
      throw new GatewayException(
          PretixHttp.SYSTEM, "too many direct order lookups; try again in a minute", null);
    }
    Optional<PretixHttp.Fetched<OrderDto>> fetched =
        http.fetch(() -> api.order(code.value(), TRUE), "lookup of order " + code.redacted(), true);
    if (fetched.isEmpty()) {
      rememberUnknown(code, now);
      return Optional.empty();
    }
    OrderDto dto = fetched.get().body();
    return Optional.of(map(List.of(dto), "order " + code.redacted()).get(0));
  }

  @Override
  public Snapshot fullSync() {
    Catalog items = fetchCatalog();
    PretixHttp.Fetched<OrderPageDto> first = orderPage(1, null);
    String cursor = cursorOf(first);
    OrderPageDto firstPage = first.body();
    List<OrderDto> firstResults = results(firstPage);
    int pageSize = firstResults.size();
    int count = firstPage.count() == null ? pageSize : firstPage.count();
    int pages = pageSize == 0 || firstPage.next() == null ? 1 : ceilDiv(count, pageSize);
    log.debug("pretix full sync: {} orders on {} page(s)", count, pages);

    List<OrderPageDto> bodies = new ArrayList<>(pages);
    bodies.add(firstPage);
    bodies.addAll(fetchPagesConcurrently(2, pages));
    // pages may have grown while we fetched: follow next links from the last page fetched
    OrderPageDto last = bodies.get(bodies.size() - 1);
    int page = pages;
    while (last.next() != null) {
      page = pageAfter(last.next(), page);
      Optional<PretixHttp.Fetched<OrderPageDto>> more = optionalOrderPage(page, null);
      if (more.isEmpty()) {
        break;
      }
      last = more.get().body();
      bodies.add(last);
    }

    Map<String, OrderDto> byCode = new LinkedHashMap<>();
    for (OrderPageDto body : bodies) {
      for (OrderDto dto : results(body)) {
        if (!Boolean.TRUE.equals(dto.testmode())) {
          byCode.put(String.valueOf(dto.code()), dto);
        }
      }
    }
    List<Order> orders = mapWith(items, new ArrayList<>(byCode.values()), "full sync");
    log.info("pretix full sync: {} orders", orders.size());
    return new Snapshot(orders, cursor);
  }

  @Override
  public Snapshot changedSince(String cursor) {
    PretixHttp.Fetched<OrderPageDto> first = orderPage(1, cursor);
    String next = cursorOf(first);
    List<OrderDto> changed = new ArrayList<>(results(first.body()));
    OrderPageDto current = first.body();
    int page = 1;
    while (current.next() != null) {
      page = pageAfter(current.next(), page);
      Optional<PretixHttp.Fetched<OrderPageDto>> more = optionalOrderPage(page, cursor);
      if (more.isEmpty()) {
        break;
      }
      current = more.get().body();
      changed.addAll(results(current));
    }
    changed.removeIf(dto -> Boolean.TRUE.equals(dto.testmode()));
    List<Order> orders = changed.isEmpty() ? List.of() : map(changed, "incremental sync");
    log.debug("pretix incremental sync: {} changed orders", orders.size());
    return new Snapshot(orders, next);
  }

  private List<OrderPageDto> fetchPagesConcurrently(int from, int to) {
    if (from > to) {
      return List.of();
    }
    int threads = Math.min(settings.limits().maxConcurrentPages(), to - from + 1);
    ExecutorService pool = Executors.newFixedThreadPool(threads, new SyncThreads());
    try {
      List<Future<Optional<PretixHttp.Fetched<OrderPageDto>>>> futures = new ArrayList<>();
      for (int page = from; page <= to; page++) {
        int number = page;
        futures.add(pool.submit(() -> optionalOrderPage(number, null)));
      }
      List<OrderPageDto> bodies = new ArrayList<>(futures.size());
      for (Future<Optional<PretixHttp.Fetched<OrderPageDto>>> future : futures) {
        // a page past the end (orders deleted meanwhile) answers 404: nothing more to read
        future.get().ifPresent(fetched -> bodies.add(fetched.body()));
      }
      return bodies;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException(PretixHttp.SYSTEM, "full sync was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof GatewayException gatewayException) {
        throw gatewayException;
      }
      throw new GatewayException(PretixHttp.SYSTEM, "full sync failed", cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private PretixHttp.Fetched<OrderPageDto> orderPage(int page, @Nullable String modifiedSince) {
    return http.fetch(
            () -> api.orders(page, FALSE, TRUE, modifiedSince), "order page " + page, false)
        .orElseThrow();
  }

  private Optional<PretixHttp.Fetched<OrderPageDto>> optionalOrderPage(
      int page, @Nullable String modifiedSince) {
    return http.fetch(
        () -> api.orders(page, FALSE, TRUE, modifiedSince), "order page " + page, true);
  }

  private Catalog fetchCatalog() {
    List<ItemDto> items = new ArrayList<>();
    int page = 1;
    while (true) {
      int number = page;
      ItemPageDto body =
          http.fetch(() -> api.items(number), "item page " + number, false).orElseThrow().body();
      items.addAll(body.results() == null ? List.of() : body.results());
      if (body.next() == null) {
        break;
      }
      page = pageAfter(body.next(), page);
    }
    try {
      Catalog fetched = PretixMapper.catalog(items);
      catalog = fetched;
      return fetched;
    } catch (IllegalArgumentException e) {
      throw new GatewayException(PretixHttp.SYSTEM, "items: " + e.getMessage(), e);
    }
  }

  /** Maps with the cached catalog, refreshing it once if an order names an unknown item. */
  private List<Order> map(List<OrderDto> dtos, String what) {
    Catalog current = catalog;
    boolean complete = dtos.stream().allMatch(current::knowsAll);
    return mapWith(complete ? current : fetchCatalog(), dtos, what);
  }

  private static List<Order> mapWith(Catalog items, List<OrderDto> dtos, String what) {
    List<Order> orders = new ArrayList<>(dtos.size());
    for (OrderDto dto : dtos) {
      try {
        orders.add(PretixMapper.order(dto, items));
      } catch (IllegalArgumentException e) {
        throw new GatewayException(
            PretixHttp.SYSTEM, what + ", order " + ref(dto.code()) + ": " + e.getMessage(), e);
      }
    }
    return orders;
  }

  /** The first two characters of an order code as pretix sent it, as audit lines show codes. */
  static String ref(@Nullable String code) {
    if (code == null || code.isEmpty()) {
      return "(none)";
    }
    return code.substring(0, Math.min(2, code.length())) + "…";
  }

  private void rememberUnknown(OrderCode code, Instant now) {
    if (settings.limits().negativeCacheTtl().isZero()) {
      return;
    }
    if (unknownUntil.size() >= NEGATIVE_CACHE_PRUNE_SIZE) {
      unknownUntil.values().removeIf(until -> !now.isBefore(until));
    }
    unknownUntil.put(code, now.plus(settings.limits().negativeCacheTtl()));
  }

  private static String cursorOf(PretixHttp.Fetched<OrderPageDto> first) {
    String generated = first.headers().get(PAGE_GENERATED);
    if (generated == null || generated.isBlank()) {
      throw new GatewayException(
          PretixHttp.SYSTEM, "order list came without an X-Page-Generated header", null);
    }
    return generated;
  }

  private static List<OrderDto> results(OrderPageDto page) {
    if (page.results() == null) {
      throw new GatewayException(PretixHttp.SYSTEM, "order page without results", null);
    }
    return page.results();
  }

  /** The page number of a {@code next} link; the following page if the link has none. */
  private static int pageAfter(String next, int current) {
    HttpUrl url = HttpUrl.parse(next);
    String page = url == null ? null : url.queryParameter("page");
    if (page != null) {
      try {
        int number = Integer.parseInt(page);
        if (number > current) {
          return number;
        }
      } catch (NumberFormatException e) {
        log.debug("pretix next link with a non-numeric page; counting on");
      }
    }
    return current + 1;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** Named daemon threads for page fetches. */
  private static final class SyncThreads implements ThreadFactory {
    private final AtomicInteger sequence = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "pretix-sync-" + sequence.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
