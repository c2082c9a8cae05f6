package dev.confbot.core.registration;

import dev.confbot.core.model.RoleRef;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every outcome of {@link ClaimAdministration#previewRelease}: what a release would do. */
public sealed interface ReleasePreview {

  /** The target holds no claim: there is nothing to release. */
  record NothingHeld() implements ReleasePreview {}

  /**
   * The claims a release would free (sorted by position) and the roles their holders would lose
   * (roles that none of their other confirmed claims gives), in the order the tickets give them.
   */
  record WouldRelease(List<HeldTicket> tickets, Set<RoleRef> rolesLost) implements ReleasePreview {
    public WouldRelease {
      tickets = List.copyOf(tickets);
      rolesLost = Collections.unmodifiableSet(new LinkedHashSet<>(rolesLost));
    }
  }
}
