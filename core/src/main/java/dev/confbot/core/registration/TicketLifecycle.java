package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.TicketSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Keeps claims and roles in step with the tickets: applies snapshots to the {@link TicketIndex},
 * removes the roles of claimed tickets that were cancelled or refunded (or only alerts, per {@link
 * CancellationPolicy}), gives a returning member the roles of their claims, and drops stale
 * unconfirmed reservations on start. Thread-safe as long as snapshots are applied from one thread
 * (the sync job).
 */
public final class TicketLifecycle {
  private final TicketIndex index;
  private final ClaimStore claims;
  private final RoleGateway roles;
  private final RoleMapping mapping;
  private final AuditSink audit;
  private final Clock clock;
  private final CancellationPolicy policy;
  private final Set<PositionKey> alerted = ConcurrentHashMap.newKeySet();

  /** Creates the lifecycle over the same index and stores the registration service uses. */
  public TicketLifecycle(
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      Clock clock,
      CancellationPolicy policy) {
    this.index = index;
    this.claims = claims;
    this.roles = roles;
    this.mapping = mapping;
    this.audit = audit;
    this.clock = clock;
    this.policy = policy;
  }

  /** Applies a full snapshot (replacing the index) and handles cancelled claimed tickets. */
  public SyncReport applyFull(TicketSource.Snapshot snapshot) {
    return apply(snapshot, true);
  }

  /** Applies an incremental snapshot and handles cancelled claimed tickets. */
  public SyncReport applyChanges(TicketSource.Snapshot snapshot) {
    return apply(snapshot, false);
  }

  private SyncReport apply(TicketSource.Snapshot snapshot, boolean full) {
    Map<OrderCode, List<ClaimStore.Claim>> claimed =
        claims.all().stream()
            .filter(ClaimStore.Claim::confirmed)
            .collect(Collectors.groupingBy(c -> c.position().order()));
    List<ClaimStore.Claim> lost = new ArrayList<>();
    for (Order order : snapshot.orders()) {
      List<ClaimStore.Claim> onOrder = claimed.get(order.code());
      if (onOrder == null) {
        continue;
      }
      Map<Integer, Position> positions = new HashMap<>();
      order.positions().forEach(p -> positions.put(p.key().position(), p));
      for (ClaimStore.Claim claim : onOrder) {
        Position p = positions.get(claim.position().position());
        if (order.status() == OrderStatus.CANCELED || p == null || p.canceled()) {
          lost.add(claim);
        }
      }
    }
    // the roles each lost ticket gave, from the index before the snapshot replaces it
    Map<PositionKey, Set<RoleRef>> lostRoles = new HashMap<>();
    Map<OrderCode, Order> inSnapshot = new HashMap<>();
    snapshot.orders().forEach(o -> inSnapshot.put(o.code(), o));
    for (ClaimStore.Claim claim : lost) {
      PositionKey key = claim.position();
      Optional<Position> before =
          index.find(key.order()).flatMap(o -> positionIn(o.order(), key.position()));
      Optional<Position> now =
          Optional.ofNullable(inSnapshot.get(key.order()))
              .flatMap(o -> positionIn(o, key.position()));
      Optional<Position> p = before.isPresent() ? before : now;
      lostRoles.put(
          key, p.map(mapping::rolesFor).orElseGet(() -> mapping.extraRolesFor(key.order())));
    }
    if (full) {
      index.replaceAll(snapshot);
    } else {
      index.applyChanges(snapshot);
    }
    List<PositionKey> revoked = new ArrayList<>();
    for (ClaimStore.Claim claim : lost) {
      if (handleCanceled(claim, lostRoles.getOrDefault(claim.position(), Set.of()))) {
        revoked.add(claim.position());
      }
    }
    return new SyncReport(
        snapshot.orders().size(),
        index.size(),
        lost.stream().map(ClaimStore.Claim::position).toList(),
        revoked);
  }

  private boolean handleCanceled(ClaimStore.Claim claim, Set<RoleRef> ticketRoles) {
    MemberId member = claim.member();
    String ref = claim.position().order().redacted() + "-" + claim.position().position();
    if (policy == CancellationPolicy.ALERT_ONLY) {
      if (!alerted.add(claim.position())) {
        return false;
      }
      audit.record(
          "⚠️ ticket " + ref + " of " + member.mention() + " was cancelled; roles kept", true);
      return false;
    }
    claims.release(claim.position());
    Set<RoleRef> keep = rolesOf(member);
    Set<RoleRef> remove = new TreeSet<>(RoleMapping::compareRefs);
    remove.addAll(ticketRoles);
    remove.removeAll(keep);
    try {
      if (!remove.isEmpty()) {
        roles.revoke(member, remove);
      }
      audit.record(
          "🚫 ticket "
              + ref
              + " of "
              + member.mention()
              + " was cancelled; claim released, roles removed: "
              + names(remove),
          false);
      return true;
    } catch (GatewayException e) {
      audit.record(
          "⚠️ ticket "
              + ref
              + " of "
              + member.mention()
              + " was cancelled; claim released but removing roles failed ("
              + e.system()
              + "): "
              + names(remove),
          true);
      return false;
    }
  }

  /**
   * The roles a member's confirmed claims give right now: tickets still valid in the index (not
   * cancelled), union of their mappings and extra roles. Claims on orders the index does not hold
   * yet count with their order's extra roles only.
   */
  public Set<RoleRef> rolesOf(MemberId member) {
    Set<RoleRef> all = new HashSet<>();
    for (ClaimStore.Claim claim : claims.claimsOf(member)) {
      all.addAll(rolesOfIndexed(claim.position()));
    }
    return Set.copyOf(all);
  }

  /**
   * Gives a member who left and rejoined the roles of their claims at once (no nickname change) and
   * audits it. Returns the roles granted; empty when the member holds no valid ticket.
   *
   * @throws GatewayException when the roles could not be applied
   */
  public Set<RoleRef> rolesOnRejoin(MemberId member) {
    Set<RoleRef> granted = rolesOf(member);
    if (!granted.isEmpty()) {
      roles.grant(member, granted, Optional.empty());
      audit.record(
          "↩️ " + member.mention() + " rejoined; roles restored: " + names(granted), false);
    }
    return granted;
  }

  /**
   * Drops reservations that were never confirmed (a crash between reserve and confirm), so the
   * attendee can register again. Call on start.
   *
   * @param olderThan only reservations at least this old are dropped (in-flight ones are younger)
   * @return how many were dropped
   */
  public int reconcileStaleReservations(Duration olderThan) {
    int dropped = claims.dropUnconfirmedBefore(clock.instant().minus(olderThan));
    if (dropped > 0) {
      audit.record("🧹 dropped " + dropped + " unfinished registration(s) from before", false);
    }
    return dropped;
  }

  private static Optional<Position> positionIn(Order order, int number) {
    return order.positions().stream().filter(p -> p.key().position() == number).findFirst();
  }

  private Set<RoleRef> rolesOfIndexed(PositionKey key) {
    Optional<IndexedOrder> order = index.find(key.order());
    if (order.isEmpty()) {
      return mapping.extraRolesFor(key.order());
    }
    Order o = order.get().order();
    if (o.status() == OrderStatus.CANCELED || o.testMode()) {
      return Set.of();
    }
    return positionIn(o, key.position())
        .filter(p -> !p.canceled())
        .map(mapping::rolesFor)
        .orElse(Set.of());
  }

  private static String names(Set<RoleRef> refs) {
    return refs.isEmpty()
        ? "none"
        : refs.stream().map(RoleRef::value).sorted().collect(Collectors.joining(", "));
  }
}
