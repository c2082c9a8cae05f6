package dev.confbot.core.privacy;

import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.PersonalData.Counts;
import java.util.Set;

/** What forgetting a member did. */
public sealed interface ForgetResult {

  /**
   * The member's data is deleted and the roles their tickets gave are removed.
   *
   * @param deleted what was deleted, by category (all 0 when confbot held nothing)
   * @param revoked the ticket roles removed (empty when the member held no ticket)
   */
  record Forgotten(Counts deleted, Set<RoleRef> revoked) implements ForgetResult {
    public Forgotten {
      revoked = Set.copyOf(revoked);
    }
  }

  /**
   * The member's data is deleted, but the roles could not be removed (organizers were alerted to
   * remove them by hand).
   *
   * @param deleted what was deleted
   * @param kept the roles still to be removed
   * @param system the system that failed, e.g. {@code "discord"}
   */
  record RolesKept(Counts deleted, Set<RoleRef> kept, String system) implements ForgetResult {
    public RolesKept {
      kept = Set.copyOf(kept);
    }
  }

  /** Nothing was deleted: the store failed ({@code system}); try again later. */
  record Unavailable(String system) implements ForgetResult {}
}
