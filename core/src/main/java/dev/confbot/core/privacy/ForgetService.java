package dev.confbot.core.privacy;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.PersonalData;
import dev.confbot.core.port.PersonalData.Category;
import dev.confbot.core.port.PersonalData.Counts;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.TicketIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Forgets one member: deletes every row keyed to them (ticket claims, session reminders, failed
 * registration attempts) and removes the roles their tickets gave, as a release does, so a member
 * who is forgotten is unregistered and may register again. Asked by the member ({@code /forget-me})
 * or by an organizer ({@code /forget}).
 *
 * <p>The data is deleted first, then the roles are removed: when Discord fails, the data is gone
 * all the same and organizers are alerted to remove the roles by hand. Audit lines never hold the
 * attendee's name; the one for {@code /forget-me} does not name the member either (unless the roles
 * must be removed by hand). Roles given by hand ({@code extra_roles} aside) are not touched.
 */
public final class ForgetService {
  private final PersonalData data;
  private final ClaimStore claims;
  private final TicketIndex index;
  private final RoleMapping mapping;
  private final RoleGateway roles;
  private final AuditSink audit;

  /** What forgetting would delete and which roles it would remove (for a confirmation). */
  public record Preview(Counts kept, Set<RoleRef> roles) {
    public Preview {
      roles = Set.copyOf(roles);
    }
  }

  public ForgetService(
      PersonalData data,
      ClaimStore claims,
      TicketIndex index,
      RoleMapping mapping,
      RoleGateway roles,
      AuditSink audit) {
    this.data = data;
    this.claims = claims;
    this.index = index;
    this.mapping = mapping;
    this.roles = roles;
    this.audit = audit;
  }

  /**
   * What is kept about the member and which ticket roles forgetting would remove.
   *
   * @throws GatewayException when the store fails
   */
  public Preview preview(MemberId member) {
    return new Preview(data.countOf(member), ticketRoles(member));
  }

  /** The member asked to be forgotten ({@code /forget-me}). */
  public ForgetResult forgetSelf(MemberId member) {
    return forget(member, Optional.empty());
  }

  /** An organizer asked to forget the member ({@code /forget}). */
  public ForgetResult forgetByOrganizer(MemberId member, MemberId organizer) {
    return forget(member, Optional.of(organizer));
  }

  private ForgetResult forget(MemberId member, Optional<MemberId> organizer) {
    Set<RoleRef> ticketRoles;
    Counts deleted;
    try {
      ticketRoles = ticketRoles(member);
      deleted = data.forget(member);
    } catch (GatewayException e) {
      return new ForgetResult.Unavailable(e.system());
    }
    String what =
        organizer
                .map(
                    o ->
                        "🧹 Personal data of "
                            + member.mention()
                            + " deleted by organizer "
                            + o.mention())
                .orElse("🧹 A member had their personal data deleted (/forget-me)")
            + ": "
            + describe(deleted);
    if (ticketRoles.isEmpty()) {
      audit.record(what + "; no ticket roles to remove", false);
      return new ForgetResult.Forgotten(deleted, ticketRoles);
    }
    try {
      roles.revoke(member, ticketRoles);
    } catch (GatewayException e) {
      audit.record(
          "⚠️ "
              + what
              + "; removing the roles "
              + names(ticketRoles)
              + " of "
              + member.mention()
              + " failed ("
              + e.system()
              + "): please remove them by hand",
          true);
      return new ForgetResult.RolesKept(deleted, ticketRoles, e.system());
    }
    audit.record(what + "; roles removed: " + names(ticketRoles), false);
    return new ForgetResult.Forgotten(deleted, ticketRoles);
  }

  /** The roles of every claim of the member (confirmed or not), as a release removes them. */
  private Set<RoleRef> ticketRoles(MemberId member) {
    Set<RoleRef> result = new LinkedHashSet<>();
    for (ClaimStore.Claim claim : claims.all()) {
      if (claim.member().equals(member)) {
        result.addAll(rolesOf(claim.position()));
      }
    }
    return result;
  }

  private Set<RoleRef> rolesOf(PositionKey key) {
    return mapping.rolesOfClaim(key, index.position(key));
  }

  /** "1 ticket claim, 2 session reminders, 0 failed registration attempts". */
  static String describe(Counts counts) {
    List<String> parts = new ArrayList<>();
    for (Category category : Category.values()) {
      if (category != Category.TICKET_SNAPSHOT) {
        parts.add(category.count(counts.of(category)));
      }
    }
    return String.join(", ", parts);
  }

  private static String names(Set<RoleRef> refs) {
    return refs.stream().map(RoleRef::value).sorted().collect(Collectors.joining(", "));
  }
}
