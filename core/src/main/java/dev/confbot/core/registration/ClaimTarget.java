package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;

/**
 * What an organizer asks {@link ClaimAdministration} about: an order (or one position) or a member.
 */
public sealed interface ClaimTarget {

  /** An order's claims: one position, or every position when {@code position} is 0. */
  record OfOrder(OrderCode code, int position) implements ClaimTarget {
    public OfOrder {
      if (position < 0) {
        throw new IllegalArgumentException("position must be 0 (all) or more, was " + position);
      }
    }
  }

  /** Every claim of one member. */
  record OfMember(MemberId member) implements ClaimTarget {}
}
