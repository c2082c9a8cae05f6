package dev.confbot.core.testing;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.RoleGateway;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RoleGateway} that keeps each member's roles and nickname in memory and records every
 * call. Can be told to fail (like Discord being unreachable). Thread-safe.
 */
public final class RecordingRoleGateway implements RoleGateway {

  /** One {@link #grant} call. */
  public record Grant(MemberId member, Set<RoleRef> roles, Optional<String> nickname) {}

  /** One {@link #revoke} call. */
  public record Revoke(MemberId member, Set<RoleRef> roles) {}

  private final Map<MemberId, Set<RoleRef>> roles = new ConcurrentHashMap<>();
  private final Map<MemberId, String> nicknames = new ConcurrentHashMap<>();
  private final List<Grant> grants = new CopyOnWriteArrayList<>();
  private final List<Revoke> revokes = new CopyOnWriteArrayList<>();
  private final Set<MemberId> absent = ConcurrentHashMap.newKeySet();
  private volatile boolean failing;

  @Override
  public void grant(MemberId member, Set<RoleRef> granted, Optional<String> nickname) {
    if (failing) {
      throw new GatewayException("discord", "simulated outage", null);
    }
    if (absent.contains(member)) {
      throw new GatewayException("discord", "member " + member + " not found", null);
    }
    grants.add(new Grant(member, Set.copyOf(granted), nickname));
    roles.computeIfAbsent(member, m -> ConcurrentHashMap.newKeySet()).addAll(granted);
    nickname.ifPresent(n -> nicknames.put(member, n));
  }

  @Override
  public void revoke(MemberId member, Set<RoleRef> removed) {
    if (failing) {
      throw new GatewayException("discord", "simulated outage", null);
    }
    revokes.add(new Revoke(member, Set.copyOf(removed)));
    Set<RoleRef> held = roles.get(member);
    if (held != null) {
      held.removeAll(removed);
    }
  }

  @Override
  public Optional<Set<RoleRef>> rolesHeld(MemberId member, Set<RoleRef> wanted) {
    if (failing) {
      throw new GatewayException("discord", "simulated outage", null);
    }
    if (absent.contains(member)) {
      return Optional.empty();
    }
    Set<RoleRef> held = new HashSet<>(roles.getOrDefault(member, Set.of()));
    held.retainAll(wanted);
    return Optional.of(Set.copyOf(held));
  }

  /** Makes every following call fail with a {@link GatewayException} (or succeed again). */
  public void failing(boolean fail) {
    this.failing = fail;
  }

  /** The roles the member holds now. */
  public Set<RoleRef> rolesOf(MemberId member) {
    return Set.copyOf(roles.getOrDefault(member, Set.of()));
  }

  /** The nickname set last, if any. */
  public Optional<String> nicknameOf(MemberId member) {
    return Optional.ofNullable(nicknames.get(member));
  }

  /** Simulates a member leaving the server (and maybe rejoining): their roles are gone. */
  public void leave(MemberId member) {
    roles.remove(member);
  }

  /**
   * Simulates a member who left and is not back: their roles are gone, grants fail and {@link
   * #rolesHeld} answers "not on the server" until they {@link #rejoin}.
   */
  public void away(MemberId member) {
    roles.remove(member);
    absent.add(member);
  }

  /** Simulates a member who was {@link #away} joining again, with no roles. */
  public void rejoin(MemberId member) {
    absent.remove(member);
  }

  /** Simulates a role being taken away outside confbot (an organizer, another bot). */
  public void takeAway(MemberId member, RoleRef role) {
    Set<RoleRef> held = roles.get(member);
    if (held != null) {
      held.remove(role);
    }
  }

  /** Every grant call, in order. */
  public List<Grant> grants() {
    return List.copyOf(grants);
  }

  /** Every revoke call, in order. */
  public List<Revoke> revokes() {
    return List.copyOf(revokes);
  }
}
