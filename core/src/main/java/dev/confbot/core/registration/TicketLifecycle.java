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
import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.TicketSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * removes the roles of claimed tickets that were cancelled, refunded, or fell back to pending or
 * expired (or only alerts, per {@link CancellationPolicy}), gives a returning member the roles of
 * their claims, and {@linkplain #reconcile finishes or frees} reservations a crash or an outage
 * left unconfirmed. Thread-safe: snapshots and reconciliation never interleave.
 */
public final class TicketLifecycle {
  private final TicketIndex index;
  private final ClaimStore claims;
  private final RoleGateway roles;
  private final RoleMapping mapping;
  private final AuditSink audit;
  private final Clock clock;
  private final CancellationPolicy policy;
  private final Set<OrderStatus> validStates;
  private final Set<PositionKey> alerted = ConcurrentHashMap.newKeySet();
  private final Set<PositionKey> unfinishedAlerted = ConcurrentHashMap.newKeySet();
  private final PendingRestores restoreRetries;
  private final Object lock = new Object();

  /**
   * Creates the lifecycle over the same index and stores the registration service uses; only paid
   * orders count as valid tickets.
   */
  public TicketLifecycle(
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      Clock clock,
      CancellationPolicy policy) {
    this(index, claims, roles, mapping, audit, clock, policy, Set.of(OrderStatus.PAID));
  }

  /**
   * Creates the lifecycle.
   *
   * @param validStates the order states whose tickets give roles (the registration's allowed
   *     states); a claimed order that leaves them is handled like a cancelled one
   */
  public TicketLifecycle(
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      Clock clock,
      CancellationPolicy policy,
      Set<OrderStatus> validStates) {
    this(
        index,
        claims,
        roles,
        mapping,
        audit,
        clock,
        policy,
        validStates,
        new InMemoryPendingRestores());
  }

  /**
   * Creates the lifecycle with the members whose roles are still to be restored kept in {@code
   * pendingRestores} (persistent in the bot, so a restart does not forget them).
   *
   * @param validStates the order states whose tickets give roles (the registration's allowed
   *     states); a claimed order that leaves them is handled like a cancelled one
   * @param pendingRestores members who rejoined while their roles could not be given back
   */
  public TicketLifecycle(
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      Clock clock,
      CancellationPolicy policy,
      Set<OrderStatus> validStates,
      PendingRestores pendingRestores) {
    this.restoreRetries = pendingRestores;
    this.validStates = Set.copyOf(validStates);
    if (this.validStates.isEmpty() || this.validStates.contains(OrderStatus.CANCELED)) {
      throw new IllegalArgumentException("valid states must be non-empty and exclude cancelled");
    }
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
    synchronized (lock) {
      return applyLocked(snapshot, full);
    }
  }

  private SyncReport applyLocked(TicketSource.Snapshot snapshot, boolean full) {
    Map<OrderCode, List<ClaimStore.Claim>> claimed =
        claims.all().stream()
            .filter(ClaimStore.Claim::confirmed)
            .collect(Collectors.groupingBy(c -> c.position().order()));
    List<ClaimStore.Claim> lost = new ArrayList<>();
    Map<PositionKey, String> why = new HashMap<>();
    for (Order order : snapshot.orders()) {
      List<ClaimStore.Claim> onOrder = claimed.get(order.code());
      if (onOrder == null) {
        continue;
      }
      Map<Integer, Position> positions = new HashMap<>();
      order.positions().forEach(p -> positions.put(p.key().position(), p));
      for (ClaimStore.Claim claim : onOrder) {
        Position p = positions.get(claim.position().position());
        if (p == null || p.canceled() || order.status() == OrderStatus.CANCELED) {
          lost.add(claim);
          why.put(claim.position(), "was cancelled");
        } else if (!validStates.contains(order.status())) {
          lost.add(claim);
          why.put(
              claim.position(),
              order.status() == OrderStatus.EXPIRED ? "expired" : "is no longer paid (pending)");
        }
      }
    }
    // the roles each lost ticket gave, from the index before the snapshot replaces it
    Map<PositionKey, Set<RoleRef>> lostRoles = new HashMap<>();
    Map<OrderCode, Order> inSnapshot = new HashMap<>();
    snapshot.orders().forEach(o -> inSnapshot.put(o.code(), o));
    for (ClaimStore.Claim claim : lost) {
      PositionKey key = claim.position();
      Optional<Position> before = index.position(key);
      Optional<Position> now =
          Optional.ofNullable(inSnapshot.get(key.order()))
              .flatMap(o -> positionIn(o, key.position()));
      Optional<Position> p = before.isPresent() ? before : now;
      lostRoles.put(key, mapping.rolesOfClaim(key, p));
    }
    if (full) {
      index.replaceAll(snapshot);
    } else {
      index.applyChanges(snapshot);
    }
    List<PositionKey> revoked = new ArrayList<>();
    for (ClaimStore.Claim claim : lost) {
      if (handleCanceled(
          claim,
          lostRoles.getOrDefault(claim.position(), Set.of()),
          why.getOrDefault(claim.position(), "was cancelled"))) {
        revoked.add(claim.position());
      }
    }
    return new SyncReport(
        snapshot.orders().size(),
        index.size(),
        lost.stream().map(ClaimStore.Claim::position).toList(),
        revoked);
  }

  private boolean handleCanceled(ClaimStore.Claim claim, Set<RoleRef> ticketRoles, String why) {
    MemberId member = claim.member();
    String ref = ref(claim.position());
    if (policy == CancellationPolicy.ALERT_ONLY) {
      if (!alerted.add(claim.position())) {
        return false;
      }
      audit.record(
          "⚠️ ticket " + ref + " of " + member.mention() + " " + why + "; roles kept", true);
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
              + " "
              + why
              + "; claim released, roles removed: "
              + names(remove),
          false);
      return true;
    } catch (GatewayException e) {
      audit.record(
          "⚠️ ticket "
              + ref
              + " of "
              + member.mention()
              + " "
              + why
              + "; claim released but removing roles failed ("
              + e.system()
              + "): "
              + names(remove),
          true);
      return false;
    }
  }

  /**
   * The roles a member's confirmed claims give right now: tickets still valid in the index (in a
   * valid state, not cancelled), union of their mappings and extra roles. Claims on orders the
   * index does not hold yet count with their order's extra roles only.
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
   * audits it. Returns the roles granted; empty when the member holds no valid ticket. When the
   * roles cannot be applied, organizers are alerted and {@link #reconcile} tries again.
   *
   * @throws GatewayException when the roles could not be applied (a retry is scheduled)
   */
  public Set<RoleRef> rolesOnRejoin(MemberId member) {
    Set<RoleRef> granted = rolesOf(member);
    if (granted.isEmpty()) {
      restoreRetries.remove(member);
      return granted;
    }
    try {
      roles.grant(member, granted, Optional.empty());
    } catch (GatewayException e) {
      if (restoreRetries.add(member, clock.instant())) {
        audit.record(
            "⚠️ "
                + member.mention()
                + " rejoined but restoring their roles failed ("
                + e.system()
                + "): "
                + names(granted)
                + "; confbot keeps trying",
            true);
      }
      throw e;
    }
    restoreRetries.remove(member);
    audit.record("↩️ " + member.mention() + " rejoined; roles restored: " + names(granted), false);
    return granted;
  }

  /**
   * Finishes what a crash or an outage left half-done, checking Discord rather than trusting the
   * store. Run it periodically (confbot: every minute).
   *
   * <p>A reservation older than {@code grace} that was never confirmed (a crash between granting
   * the roles and confirming the claim, or between reserving and granting): if the ticket is no
   * longer valid it is released (its roles removed under {@link CancellationPolicy#REVOKE}); if the
   * member left the server it is released; if the member has every role of the ticket it is
   * confirmed; otherwise the roles are granted again and it is confirmed. A reservation on an order
   * the index does not know yet waits for the next sync; one Discord cannot be asked about now
   * waits for the next run (organizers are alerted once). Every change is audited.
   *
   * <p>A member whose roles could not be restored on rejoining gets them now.
   *
   * @param grace reservations younger than this are registrations still in flight: left alone
   * @throws GatewayException when the claim store fails
   */
  public ReconcileReport reconcile(Duration grace) {
    synchronized (lock) {
      ReconcileReport.Builder report = new ReconcileReport.Builder();
      Instant cutoff = clock.instant().minus(grace);
      for (ClaimStore.Claim claim : claims.all()) {
        if (!claim.confirmed() && claim.at().isBefore(cutoff)) {
          finish(claim, report);
        }
      }
      for (MemberId member : restoreRetries.members()) {
        retryRestore(member, report);
      }
      return report.build();
    }
  }

  private void finish(ClaimStore.Claim claim, ReconcileReport.Builder report) {
    PositionKey key = claim.position();
    MemberId member = claim.member();
    String ref = ref(key);
    Optional<IndexedOrder> indexed = index.find(key.order());
    if (indexed.isEmpty()) {
      report.waiting(key);
      return;
    }
    Order order = indexed.get().order();
    Optional<Position> position = positionIn(order, key.position());
    Set<RoleRef> wanted = position.map(mapping::rolesFor).orElse(Set.of());
    boolean valid =
        !order.testMode()
            && validStates.contains(order.status())
            && position.isPresent()
            && !position.get().canceled()
            && !wanted.isEmpty();
    try {
      if (!valid) {
        claims.release(key);
        Set<RoleRef> remove = new TreeSet<>(RoleMapping::compareRefs);
        if (policy == CancellationPolicy.REVOKE) {
          remove.addAll(wanted.isEmpty() ? mapping.extraRolesFor(key.order()) : wanted);
          remove.removeAll(rolesOf(member));
          if (!remove.isEmpty()) {
            roles.revoke(member, remove);
          }
        }
        report.released(key);
        audit.record(
            "🧹 unfinished registration of "
                + ref
                + " by "
                + member.mention()
                + " released: the ticket is no longer valid"
                + (remove.isEmpty() ? "" : "; roles removed: " + names(remove)),
            false);
        unfinishedAlerted.remove(key);
        return;
      }
      Optional<Set<RoleRef>> held = roles.rolesHeld(member, wanted);
      if (held.isEmpty()) {
        claims.release(key);
        report.released(key);
        audit.record(
            "🧹 unfinished registration of "
                + ref
                + " by "
                + member.mention()
                + " released: the member left the server",
            false);
      } else if (held.get().containsAll(wanted)) {
        if (claims.confirm(key, member, clock.instant())) {
          report.confirmed(key);
          audit.record(
              "✅ registration of "
                  + ref
                  + " by "
                  + member.mention()
                  + " finished: the roles were applied, the confirmation was missing",
              false);
        }
      } else {
        roles.grant(member, wanted, Optional.empty());
        if (claims.confirm(key, member, clock.instant())) {
          report.regranted(key);
          audit.record(
              "🔧 registration of "
                  + ref
                  + " by "
                  + member.mention()
                  + " finished; roles applied again: "
                  + names(wanted),
              false);
        }
      }
      unfinishedAlerted.remove(key);
    } catch (GatewayException e) {
      report.waiting(key);
      if (unfinishedAlerted.add(key)) {
        audit.record(
            "⚠️ could not finish the registration of "
                + ref
                + " by "
                + member.mention()
                + " ("
                + e.system()
                + " failed); confbot keeps trying",
            true);
      }
    }
  }

  private void retryRestore(MemberId member, ReconcileReport.Builder report) {
    Set<RoleRef> wanted = rolesOf(member);
    try {
      Optional<Set<RoleRef>> held =
          wanted.isEmpty() ? Optional.empty() : roles.rolesHeld(member, wanted);
      if (held.isPresent() && !held.get().containsAll(wanted)) {
        roles.grant(member, wanted, Optional.empty());
      }
      restoreRetries.remove(member);
      if (held.isPresent()) {
        report.restored(member);
        audit.record(
            "↩️ roles of " + member.mention() + " restored on a retry: " + names(wanted), false);
      }
    } catch (GatewayException e) {
      // still failing: organizers were alerted when it first failed; the next run tries again
    }
  }

  private static String ref(PositionKey key) {
    return key.order().redacted() + "-" + key.position();
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
    if (!validStates.contains(o.status()) || o.testMode()) {
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
