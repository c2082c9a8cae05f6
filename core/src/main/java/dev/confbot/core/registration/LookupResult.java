package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.Position;
import dev.confbot.core.port.ClaimStore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every outcome of {@link ClaimAdministration#lookup}: who holds which ticket. */
public sealed interface LookupResult {

  /**
   * The order is not in the ticket index (maybe bought just now); {@code claims} are the claims
   * still held on it, sorted by position.
   */
  record OrderNotIndexed(OrderCode code, List<ClaimStore.Claim> claims) implements LookupResult {
    public OrderNotIndexed {
      claims = List.copyOf(claims);
    }
  }

  /**
   * The order with the asked positions (every position when {@code position} is 0, in the order's
   * order) and their claims; {@code positions} is empty when the order has no position {@code
   * position}.
   */
  record OrderFound(Order order, int position, List<PositionClaim> positions)
      implements LookupResult {
    public OrderFound {
      positions = List.copyOf(positions);
    }
  }

  /** One position of a found order and its claim ({@code null} when the position is free). */
  record PositionClaim(Position position, ClaimStore.@Nullable Claim claim) {}

  /** Every claim of the member (confirmed or not), sorted by position. */
  record MemberClaims(MemberId member, List<HeldTicket> tickets) implements LookupResult {
    public MemberClaims {
      tickets = List.copyOf(tickets);
    }
  }
}
