package dev.confbot.core.testing;

import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ticket source whose direct lookups hang, as a slow or rate-limited pretix does, until the test
 * {@link #release}s them; then they answer from the wrapped {@link FakeTicketSource}. Syncs answer
 * at once. A hung lookup gives up after a minute (so a broken test ends) with a {@link
 * GatewayException}. Thread-safe.
 */
public final class HangingTicketSource implements TicketSource {
  private final FakeTicketSource orders;
  private final CountDownLatch released = new CountDownLatch(1);
  private final Semaphore entered = new Semaphore(0);
  private final AtomicInteger hanging = new AtomicInteger();

  public HangingTicketSource(FakeTicketSource orders) {
    this.orders = orders;
  }

  /** Lets every hung lookup, and every later one, answer. */
  public void release() {
    released.countDown();
  }

  /** Waits until {@code count} more lookups have reached the source (at most 30 s). */
  public void awaitEntered(int count) throws InterruptedException {
    if (!entered.tryAcquire(count, 30, TimeUnit.SECONDS)) {
      throw new AssertionError("lookups that reached the source: fewer than " + count);
    }
  }

  /** Lookups waiting for {@link #release} right now. */
  public int hanging() {
    return hanging.get();
  }

  @Override
  public Optional<Order> order(OrderCode code) {
    hanging.incrementAndGet();
    entered.release();
    try {
      if (!released.await(1, TimeUnit.MINUTES)) {
        throw new GatewayException("pretix", "test lookup never released", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException("pretix", "interrupted", e);
    } finally {
      hanging.decrementAndGet();
    }
    return orders.order(code);
  }

  @Override
  public Snapshot fullSync() {
    return orders.fullSync();
  }

  @Override
  public Snapshot changedSince(String cursor) {
    return orders.changedSince(cursor);
  }
}
