package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.PositionKey;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link TicketLifecycle#reconcile} did.
 *
 * @param confirmed unfinished reservations confirmed because the member already had the roles
 * @param regranted unfinished reservations whose roles were granted again, then confirmed
 * @param released unfinished reservations freed (ticket no longer valid, or the member left)
 * @param waiting unfinished reservations left for the next run (order not indexed yet, or Discord
 *     failing)
 * @param restored rejoined members whose roles were restored on a retry
 */
public record ReconcileReport(
    List<PositionKey> confirmed,
    List<PositionKey> regranted,
    List<PositionKey> released,
    List<PositionKey> waiting,
    List<MemberId> restored) {
  public ReconcileReport {
    confirmed = List.copyOf(confirmed);
    regranted = List.copyOf(regranted);
    released = List.copyOf(released);
    waiting = List.copyOf(waiting);
    restored = List.copyOf(restored);
  }

  /** True when the run changed nothing. */
  public boolean quiet() {
    return confirmed.isEmpty() && regranted.isEmpty() && released.isEmpty() && restored.isEmpty();
  }

  /** Collects a report during one run; not thread-safe. */
  static final class Builder {
    private final List<PositionKey> confirmed = new ArrayList<>();
    private final List<PositionKey> regranted = new ArrayList<>();
    private final List<PositionKey> released = new ArrayList<>();
    private final List<PositionKey> waiting = new ArrayList<>();
    private final List<MemberId> restored = new ArrayList<>();

    void confirmed(PositionKey key) {
      confirmed.add(key);
    }

    void regranted(PositionKey key) {
      regranted.add(key);
    }

    void released(PositionKey key) {
      released.add(key);
    }

    void waiting(PositionKey key) {
      waiting.add(key);
    }

    void restored(MemberId member) {
      restored.add(member);
    }

    ReconcileReport build() {
      return new ReconcileReport(confirmed, regranted, released, waiting, restored);
    }
  }
}
