package dev.confbot.core.stats;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.ClaimStore.Claim;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Participant counts and time series for {@code /participants} and {@code /stats}. */
public final class ParticipantStats {

  private ParticipantStats() {}

  /**
   * Counts members per configured role and registered tickets. Only confirmed claims count. A
   * member holds a configured role when one of the member's role refs equals it, so the adapter
   * passes each role by name (and by id, where the configuration may name roles by id).
   *
   * @param memberRoles every member with the refs of the roles they hold
   * @param configuredRoles the roles to count, in the order they are shown
   * @param claims every claim of the claim store
   * @param ticketsSold admission positions sold (from the ticket index)
   */
  public static ParticipantCounts count(
      Map<MemberId, Set<RoleRef>> memberRoles,
      List<RoleRef> configuredRoles,
      List<Claim> claims,
      int ticketsSold) {
    List<RoleCount> perRole = new ArrayList<>();
    for (RoleRef role : configuredRoles) {
      int members = 0;
      for (Set<RoleRef> roles : memberRoles.values()) {
        if (roles.contains(role)) {
          members++;
        }
      }
      perRole.add(new RoleCount(role, members));
    }
    Set<PositionKey> tickets = new HashSet<>();
    Set<MemberId> members = new HashSet<>();
    for (Claim claim : claims) {
      if (claim.confirmed()) {
        tickets.add(claim.position());
        members.add(claim.member());
      }
    }
    return new ParticipantCounts(
        memberRoles.size(), perRole, ticketsSold, tickets.size(), members.size());
  }

  /** Each member's role names as refs, the input {@link #count} expects. */
  public static Map<MemberId, Set<RoleRef>> rolesByMember(List<ServerMember> members) {
    Map<MemberId, Set<RoleRef>> roles = new HashMap<>();
    for (ServerMember member : members) {
      Set<RoleRef> refs = new HashSet<>();
      member.roles().forEach(name -> refs.add(new RoleRef(name)));
      roles.put(member.id(), Set.copyOf(refs));
    }
    return roles;
  }

  /**
   * The series of the {@code /stats} chart, aligned on the same buckets: {@code Registrations}
   * (confirmed claims by claim time), {@code Joins} (members by join time), then {@code
   * Registrations: <role>} for each configured role (claims of members holding it, matched by role
   * name).
   */
  public static List<TimeSeries> timeline(
      List<ServerMember> members,
      List<Claim> claims,
      List<RoleRef> configuredRoles,
      Granularity granularity,
      ZoneId zone) {
    Map<MemberId, ServerMember> byId = new HashMap<>();
    members.forEach(m -> byId.put(m.id(), m));
    Map<String, List<Instant>> events = new LinkedHashMap<>();
    List<Instant> registrations = new ArrayList<>();
    for (Claim claim : claims) {
      if (claim.confirmed()) {
        registrations.add(claim.at());
      }
    }
    events.put("Registrations", registrations);
    events.put("Joins", members.stream().map(ServerMember::joinedAt).toList());
    for (RoleRef role : configuredRoles) {
      List<Instant> ofRole = new ArrayList<>();
      for (Claim claim : claims) {
        ServerMember member = byId.get(claim.member());
        if (claim.confirmed() && member != null && member.roles().contains(role.value())) {
          ofRole.add(claim.at());
        }
      }
      events.put("Registrations: " + role.value(), ofRole);
    }
    return TimeSeries.aligned(events, granularity, zone);
  }
}
