package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.RoleGateway;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Organizers giving and taking the configured volunteer and crew roles by hand ({@code /grant},
 * {@code /revoke}; key {@code organizers.grantable_roles}). Only those roles: anything else is
 * refused, so the command can never hand out organizer or ticket roles. Every change is one audit
 * line naming who changed what for whom. Thread-safe (stateless over its ports).
 */
public final class OrganizerGrants {
  private final List<RoleRef> grantable;
  private final RoleGateway roles;
  private final AuditSink audit;

  /**
   * @param grantable the roles organizers may grant and revoke, in the configured order
   * @param roles applies the change
   * @param audit gets one line per change
   */
  public OrganizerGrants(Collection<RoleRef> grantable, RoleGateway roles, AuditSink audit) {
    this.grantable = List.copyOf(grantable);
    this.roles = roles;
    this.audit = audit;
  }

  /** The roles that may be granted, in the configured order. */
  public List<RoleRef> grantable() {
    return grantable;
  }

  /** The configured role this input names (case-insensitive, spaces stripped), if any. */
  public Optional<RoleRef> find(String typed) {
    String wanted = typed.strip().toLowerCase(Locale.ROOT);
    return grantable.stream()
        .filter(r -> r.value().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /** Gives the member the role, if it is a grantable one and the member lacks it. */
  public Outcome grant(MemberId organizer, MemberId member, String typedRole) {
    return change(organizer, member, typedRole, true);
  }

  /** Takes the role from the member, if it is a grantable one and the member has it. */
  public Outcome revoke(MemberId organizer, MemberId member, String typedRole) {
    return change(organizer, member, typedRole, false);
  }

  private Outcome change(MemberId organizer, MemberId member, String typedRole, boolean add) {
    Optional<RoleRef> found = find(typedRole);
    if (found.isEmpty()) {
      return new Outcome.NotGrantable(typedRole.strip(), grantable);
    }
    RoleRef role = found.get();
    try {
      Optional<Set<RoleRef>> held = roles.rolesHeld(member, Set.of(role));
      if (held.isEmpty()) {
        return new Outcome.NotOnServer(member);
      }
      if (held.get().contains(role) == add) {
        return new Outcome.Unchanged(member, role, add);
      }
      if (add) {
        roles.grant(member, Set.of(role), Optional.empty());
      } else {
        roles.revoke(member, Set.of(role));
      }
    } catch (GatewayException e) {
      return new Outcome.Failed(member, role, e.getMessage() == null ? e.system() : e.getMessage());
    }
    audit.record(
        "🎟️ "
            + organizer.mention()
            + (add ? " granted " : " removed ")
            + role.value()
            + (add ? " to " : " from ")
            + member.mention()
            + (add ? " (/grant)" : " (/revoke)"),
        false);
    return new Outcome.Changed(member, role, add);
  }

  /** What a {@code /grant} or {@code /revoke} did. */
  public sealed interface Outcome {
    /** The organizer's answer. */
    String describe();

    /** The role was given ({@code granted}) or taken away. */
    record Changed(MemberId member, RoleRef role, boolean granted) implements Outcome {
      @Override
      public String describe() {
        return granted
            ? "Gave " + role.value() + " to " + member.mention() + "."
            : "Removed " + role.value() + " from " + member.mention() + ".";
      }
    }

    /** The member already had the role (grant) or did not have it (revoke): nothing changed. */
    record Unchanged(MemberId member, RoleRef role, boolean granted) implements Outcome {
      @Override
      public String describe() {
        return granted
            ? member.mention() + " already has " + role.value() + "; nothing changed."
            : member.mention() + " does not have " + role.value() + "; nothing changed.";
      }
    }

    /** The role is not one of {@code organizers.grantable_roles}. */
    record NotGrantable(String typed, List<RoleRef> allowed) implements Outcome {
      public NotGrantable {
        allowed = List.copyOf(allowed);
      }

      @Override
      public String describe() {
        String choices =
            allowed.isEmpty()
                ? "none are configured"
                : allowed.stream().map(RoleRef::value).collect(Collectors.joining(", "));
        return "“"
            + typed
            + "” cannot be granted with this command. Grantable roles ("
            + "organizers.grantable_roles in the bot's configuration): "
            + choices
            + ".";
      }
    }

    /** The member is not on the server. */
    record NotOnServer(MemberId member) implements Outcome {
      @Override
      public String describe() {
        return member.mention() + " is not a member of this server; nothing changed.";
      }
    }

    /** Discord refused or failed; nothing (or not all) changed. */
    record Failed(MemberId member, RoleRef role, String reason) implements Outcome {
      @Override
      public String describe() {
        return "Could not change "
            + role.value()
            + " for "
            + member.mention()
            + ": "
            + reason
            + ". Check that the bot's role is above "
            + role.value()
            + " and has Manage Roles.";
      }
    }
  }
}
