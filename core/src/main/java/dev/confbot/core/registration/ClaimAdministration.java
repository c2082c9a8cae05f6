package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.RoleGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registration desk's claim administration: who holds which ticket, and freeing claims (with
 * the roles that only those tickets gave). Organizer-facing adapters parse the target and render
 * the sealed results. Blocking (ports are synchronous): call it from a worker.
 */
public final class ClaimAdministration {
  private final ClaimStore claims;
  private final TicketIndex index;
  private final RoleMapping mapping;
  private final RoleGateway roles;
  private final AuditSink audit;

  /**
   * @param claims who holds which position (looked up and released)
   * @param index the orders, for the positions' products, names and roles
   * @param mapping which roles a position gives (removed again on release)
   * @param roles removes the roles of released tickets
   * @param audit gets one line per released position
   */
  public ClaimAdministration(
      ClaimStore claims,
      TicketIndex index,
      RoleMapping mapping,
      RoleGateway roles,
      AuditSink audit) {
    this.claims = claims;
    this.index = index;
    this.mapping = mapping;
    this.roles = roles;
    this.audit = audit;
  }

  /**
   * Admission positions sold, the "of N sold" of the statistics: not cancelled, in paid orders that
   * are not test orders, giving at least one role (a T-shirt is not a ticket).
   */
  public int ticketsSold() {
    int sold = 0;
    for (Order order : index.snapshot().orders()) {
      if (order.status() != OrderStatus.PAID || order.testMode()) {
        continue;
      }
      for (Position position : order.positions()) {
        if (!position.canceled() && !mapping.rolesFor(position).isEmpty()) {
          sold++;
        }
      }
    }
    return sold;
  }

  /** Who holds the target's tickets (an order's positions, or a member's claims). */
  public LookupResult lookup(ClaimTarget target) {
    if (target instanceof ClaimTarget.OfMember) {
      MemberId member = ((ClaimTarget.OfMember) target).member();
      return new LookupResult.MemberClaims(member, held(claimsOfMember(member)));
    }
    if (target instanceof ClaimTarget.OfOrder) {
      return lookupOrder((ClaimTarget.OfOrder) target);
    }
    throw new AssertionError(target);
  }

  private LookupResult lookupOrder(ClaimTarget.OfOrder target) {
    Optional<IndexedOrder> found = index.find(target.code());
    if (found.isEmpty()) {
      return new LookupResult.OrderNotIndexed(target.code(), claimsOfOrder(target));
    }
    Order order = found.get().order();
    List<LookupResult.PositionClaim> shown = new ArrayList<>();
    for (Position position : order.positions()) {
      if (target.position() != 0 && position.key().position() != target.position()) {
        continue;
      }
      shown.add(
          new LookupResult.PositionClaim(position, claims.claimOf(position.key()).orElse(null)));
    }
    return new LookupResult.OrderFound(order, target.position(), shown);
  }

  /** What {@link #release} would free now and which roles the holders would lose (no change). */
  public ReleasePreview previewRelease(ClaimTarget target) {
    List<ClaimStore.Claim> held = claimsOf(target);
    if (held.isEmpty()) {
      return new ReleasePreview.NothingHeld();
    }
    return new ReleasePreview.WouldRelease(held(held), rolesLost(held, held));
  }

  /**
   * Frees every claim of the target (one audit line each, naming the organizer) and removes from
   * each holder the roles none of their other confirmed claims gives. A claim released by somebody
   * else in between is skipped, and its holder's roles are left alone. A failed role removal is
   * reported in the result, not thrown.
   */
  public ReleaseResult release(ClaimTarget target, MemberId organizer) {
    List<ClaimStore.Claim> held = claimsOf(target);
    if (held.isEmpty()) {
      return new ReleaseResult.NothingHeld();
    }
    Map<MemberId, Set<RoleRef>> lostBy = new LinkedHashMap<>();
    for (ClaimStore.Claim claim : held) {
      lostBy
          .computeIfAbsent(claim.member(), m -> new LinkedHashSet<>())
          .addAll(rolesLost(List.of(claim), held));
    }
    List<PositionKey> released = new ArrayList<>();
    for (ClaimStore.Claim claim : held) {
      if (claims.release(claim.position()).isPresent()) {
        released.add(claim.position());
        audit.record(
            "Ticket "
                + claim.position().order().redacted()
                + "-"
                + claim.position().position()
                + " of "
                + claim.member().mention()
                + " released by organizer "
                + organizer.mention(),
            false);
      } else {
        lostBy.remove(claim.member());
      }
    }
    List<ReleaseResult.RoleRemoval> holders = new ArrayList<>();
    for (Map.Entry<MemberId, Set<RoleRef>> holder : lostBy.entrySet()) {
      MemberId member = holder.getKey();
      Set<RoleRef> lost = holder.getValue();
      if (lost.isEmpty()) {
        holders.add(new ReleaseResult.NoneLost(member));
        continue;
      }
      try {
        roles.revoke(member, lost);
        holders.add(new ReleaseResult.Removed(member, lost));
      } catch (RuntimeException e) {
        // the claims are released already: whatever the gateway threw, the organizer must learn
        // which roles to remove by hand (GatewayException is the documented case)
        holders.add(new ReleaseResult.NotRemoved(member, lost, e.toString()));
      }
    }
    return new ReleaseResult.Released(released, holders);
  }

  private List<HeldTicket> held(List<ClaimStore.Claim> list) {
    List<HeldTicket> tickets = new ArrayList<>();
    for (ClaimStore.Claim claim : list) {
      tickets.add(new HeldTicket(claim, index.position(claim.position()).orElse(null)));
    }
    return tickets;
  }

  private List<ClaimStore.Claim> claimsOf(ClaimTarget target) {
    if (target instanceof ClaimTarget.OfMember) {
      return claimsOfMember(((ClaimTarget.OfMember) target).member());
    }
    if (target instanceof ClaimTarget.OfOrder) {
      return claimsOfOrder((ClaimTarget.OfOrder) target);
    }
    throw new AssertionError(target);
  }

  private List<ClaimStore.Claim> claimsOfOrder(ClaimTarget.OfOrder target) {
    if (target.position() != 0) {
      return claims.claimOf(new PositionKey(target.code(), target.position())).stream().toList();
    }
    return sorted(
        claims.all().stream().filter(c -> c.position().order().equals(target.code())).toList());
  }

  private List<ClaimStore.Claim> claimsOfMember(MemberId member) {
    return sorted(claims.all().stream().filter(c -> c.member().equals(member)).toList());
  }

  private static List<ClaimStore.Claim> sorted(List<ClaimStore.Claim> list) {
    List<ClaimStore.Claim> copy = new ArrayList<>(list);
    copy.sort(Comparator.comparing(c -> c.position().toString()));
    return copy;
  }

  /**
   * Roles of the claims in {@code of} that their holders' confirmed claims outside {@code released}
   * do not give.
   */
  private Set<RoleRef> rolesLost(List<ClaimStore.Claim> of, List<ClaimStore.Claim> released) {
    Set<RoleRef> lost = new LinkedHashSet<>();
    for (ClaimStore.Claim claim : of) {
      lost.addAll(rolesOf(claim.position()));
    }
    Set<PositionKey> positions = new LinkedHashSet<>();
    released.forEach(c -> positions.add(c.position()));
    Set<RoleRef> result = new LinkedHashSet<>();
    for (ClaimStore.Claim claim : of) {
      result.addAll(rolesStillLost(claim.member(), lost, positions));
    }
    return result;
  }

  /**
   * The roles in {@code lost} that the member's confirmed claims, other than those on {@code
   * released}, do not give.
   */
  private Set<RoleRef> rolesStillLost(
      MemberId member, Set<RoleRef> lost, Set<PositionKey> released) {
    Set<RoleRef> remaining = new LinkedHashSet<>(lost);
    for (ClaimStore.Claim other : claims.claimsOf(member)) {
      if (!released.contains(other.position())) {
        remaining.removeAll(rolesOf(other.position()));
      }
    }
    return remaining;
  }

  private Set<RoleRef> rolesOf(PositionKey key) {
    return index.position(key).map(mapping::rolesFor).orElse(Set.of());
  }
}
