package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Gives the speaker roles to members who registered before the schedule named them: on every first
 * or changed schedule ({@link #scheduleChanged}) each confirmed claim on a valid ticket is matched
 * against the speakers ({@link SpeakerRoles}); a speaker who lacks a speaker role gets it, with one
 * audit line. Grants that failed (Discord unreachable) are tried again by {@link #retry}.
 *
 * <p>Roles are only added: a speaker who is dropped from the schedule keeps the role (organizers
 * remove it by hand, e.g. with {@code /revoke}, if they want to), because a session moved or
 * briefly unpublished during the event must not take the speakers' channels away.
 *
 * <p>Thread-safe: runs are serialised.
 */
public final class SpeakerRoleSync {
  private final SpeakerRoles speakers;
  private final TicketIndex index;
  private final ClaimStore claims;
  private final RoleGateway roles;
  private final AuditSink audit;
  private final Set<OrderStatus> validStates;
  private final Set<PositionKey> done = ConcurrentHashMap.newKeySet();
  private final Set<PositionKey> failed = ConcurrentHashMap.newKeySet();
  private final Set<PositionKey> alerted = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();

  /**
   * Creates the sync over the registration's index and claims.
   *
   * @param speakers who is a speaker (updated here on every schedule)
   * @param validStates the order states whose tickets give roles
   */
  public SpeakerRoleSync(
      SpeakerRoles speakers,
      TicketIndex index,
      ClaimStore claims,
      RoleGateway roles,
      AuditSink audit,
      Set<OrderStatus> validStates) {
    this.speakers = speakers;
    this.index = index;
    this.claims = claims;
    this.roles = roles;
    this.audit = audit;
    this.validStates = Set.copyOf(validStates);
  }

  /**
   * Takes the speakers of a first or changed schedule and gives registered speakers their roles.
   *
   * @return what happened
   */
  public Report scheduleChanged(Schedule schedule) {
    synchronized (lock) {
      speakers.update(schedule);
      if (!speakers.enabled()) {
        return new Report(List.of(), List.of());
      }
      failed.clear();
      List<ClaimStore.Claim> all;
      try {
        all = claims.all();
      } catch (GatewayException e) {
        audit.record(
            "⚠️ speaker roles not checked: the claim store failed (" + e.system() + ")", true);
        return new Report(List.of(), List.of());
      }
      return run(all);
    }
  }

  /** Tries the grants that failed in the last runs again; quiet when there are none. */
  public Report retry() {
    synchronized (lock) {
      if (failed.isEmpty()) {
        return new Report(List.of(), List.of());
      }
      Set<PositionKey> again = Set.copyOf(failed);
      failed.clear();
      List<ClaimStore.Claim> all =
          claims.all().stream().filter(c -> again.contains(c.position())).toList();
      return run(all);
    }
  }

  private Report run(List<ClaimStore.Claim> all) {
    List<PositionKey> granted = new ArrayList<>();
    List<PositionKey> failures = new ArrayList<>();
    for (ClaimStore.Claim claim : all) {
      if (!claim.confirmed() || done.contains(claim.position())) {
        continue;
      }
      Optional<Position> position = validPosition(claim.position());
      if (position.isEmpty()) {
        continue;
      }
      Optional<SpeakerRoles.Match> match = speakers.match(position.get());
      if (match.isEmpty()) {
        continue;
      }
      try {
        if (grant(claim.member(), claim.position(), match.get())) {
          granted.add(claim.position());
        }
        alerted.remove(claim.position());
      } catch (GatewayException e) {
        failures.add(claim.position());
        failed.add(claim.position());
        if (alerted.add(claim.position())) {
          audit.record(
              "⚠️ could not give "
                  + claim.member().mention()
                  + " the speaker roles ("
                  + e.system()
                  + " failed); confbot tries again",
              true);
        }
      }
    }
    return new Report(granted, failures);
  }

  /** Grants the missing speaker roles; true when any were missing. */
  private boolean grant(MemberId member, PositionKey key, SpeakerRoles.Match match) {
    Optional<Set<RoleRef>> held = roles.rolesHeld(member, speakers.roles());
    if (held.isEmpty()) {
      return false; // left the server; rejoining gives the roles of the ticket (speaker included)
    }
    Set<RoleRef> missing = new TreeSet<>(RoleMapping::compareRefs);
    missing.addAll(speakers.roles());
    missing.removeAll(held.get());
    if (!missing.isEmpty()) {
      roles.grant(member, missing, Optional.empty());
      audit.record(
          "🎤 "
              + member.mention()
              + " (ticket "
              + key.order().redacted()
              + "-"
              + key.position()
              + ") is a "
              + match.reason()
              + "; roles granted: "
              + missing.stream().map(RoleRef::value).collect(Collectors.joining(", ")),
          false);
    }
    done.add(key);
    return !missing.isEmpty();
  }

  private Optional<Position> validPosition(PositionKey key) {
    Optional<IndexedOrder> indexed = index.find(key.order());
    if (indexed.isEmpty()) {
      return Optional.empty();
    }
    Order order = indexed.get().order();
    if (order.testMode() || !validStates.contains(order.status())) {
      return Optional.empty();
    }
    return order.positions().stream()
        .filter(p -> p.key().position() == key.position() && !p.canceled())
        .findFirst();
  }

  /**
   * One run's outcome.
   *
   * @param granted claims whose members got speaker roles now
   * @param failed claims whose grant failed (tried again by {@link #retry})
   */
  public record Report(List<PositionKey> granted, List<PositionKey> failed) {
    public Report {
      granted = List.copyOf(granted);
      failed = List.copyOf(failed);
    }
  }
}
