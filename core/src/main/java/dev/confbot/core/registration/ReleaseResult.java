package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every outcome of {@link ClaimAdministration#release}. */
public sealed interface ReleaseResult {

  /** The target holds no claim (any more): nothing was released. */
  record NothingHeld() implements ReleaseResult {}

  /**
   * The positions freed (sorted; a claim released by somebody else in between is left out) and, per
   * holder whose claims were all freed here, what happened to the roles they lost.
   */
  record Released(List<PositionKey> positions, List<RoleRemoval> holders) implements ReleaseResult {
    public Released {
      positions = List.copyOf(positions);
      holders = List.copyOf(holders);
    }
  }

  /** What happened to one holder's roles after the release. */
  sealed interface RoleRemoval {
    /** The holder. */
    MemberId member();
  }

  /** The holder's other confirmed claims still give every role: nothing was removed. */
  record NoneLost(MemberId member) implements RoleRemoval {}

  /** The roles were removed from the holder. */
  record Removed(MemberId member, Set<RoleRef> roles) implements RoleRemoval {
    public Removed {
      roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
    }
  }

  /**
   * The roles could not be removed ({@code reason} says why, for the log): an organizer has to
   * remove them by hand.
   */
  record NotRemoved(MemberId member, Set<RoleRef> roles, String reason) implements RoleRemoval {
    public NotRemoved {
      roles = Collections.unmodifiableSet(new LinkedHashSet<>(roles));
    }
  }
}
