package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.PositionKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which Discord account holds which ticket position. One position belongs to at most one member.
 * Implementations are safe for concurrent use by many threads (and, for persistent stores, many
 * processes): of two concurrent {@link #reserve} calls for one position by different members,
 * exactly one returns {@link Reservation#RESERVED}. Throws {@link GatewayException} when the store
 * fails.
 */
public interface ClaimStore {

  /** Outcome of {@link #reserve}. */
  enum Reservation {
    /** The position was free and is now reserved for the member (confirm or release it next). */
    RESERVED,
    /** The member already holds (or has reserved) this position. */
    ALREADY_HELD,
    /** Another member holds or has reserved this position. */
    HELD_BY_OTHER
  }

  /** A claim: who holds the position, since when, and whether the roles were applied. */
  record Claim(PositionKey position, MemberId member, Instant at, boolean confirmed) {}

  /** Reserves the position for the member unless somebody else holds it. */
  Reservation reserve(PositionKey position, MemberId member, Instant now);

  /**
   * Marks the member's reservation as confirmed (roles applied), keeping the first confirmation
   * time when called again. Only a claim this member still holds is confirmed: a position released
   * (or taken by another member) since the reservation stays as it is, so a release in between
   * wins.
   *
   * @return true when the member now holds a confirmed claim on the position
   */
  boolean confirm(PositionKey position, MemberId member, Instant now);

  /** Frees the position, whoever holds it; returns the claim that was removed, if any. */
  Optional<Claim> release(PositionKey position);

  /** The claim on a position, confirmed or not. */
  Optional<Claim> claimOf(PositionKey position);

  /** Every confirmed claim of one member. */
  List<Claim> claimsOf(MemberId member);

  /** Every claim, confirmed or not (for reconciliation, stats and export). */
  List<Claim> all();
}
