package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.model.RoleRef;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Every outcome of {@link RegistrationService#register}. Each has an {@link OutcomeCode}, a
 * friendly attendee message and an organizer log line; the texts live in {@link
 * RegistrationMessages} (keyed, so they can be translated or overridden).
 */
public sealed interface RegistrationResult {

  /** The outcome code (for the CLI, metrics and logs). */
  OutcomeCode code();

  /** The English attendee message (default texts; use {@link RegistrationMessages} to adapt). */
  default String message() {
    return RegistrationMessages.ENGLISH.attendeeMessage(this);
  }

  /** The ticket position the outcome is about, where there is one (for the CLI and lookups). */
  default Optional<PositionKey> positionKey() {
    if (this instanceof Registered) {
      return Optional.of(((Registered) this).position());
    }
    if (this instanceof AlreadyRegistered) {
      return Optional.of(((AlreadyRegistered) this).position());
    }
    if (this instanceof ClaimedByOther) {
      return Optional.of(((ClaimedByOther) this).position());
    }
    if (this instanceof NoRolesMapped) {
      return Optional.of(((NoRolesMapped) this).position());
    }
    if (this instanceof Interrupted) {
      return Optional.of(((Interrupted) this).position());
    }
    return Optional.empty();
  }

  /** The order the outcome is about, where the code was valid. */
  default Optional<OrderCode> orderCode() {
    Optional<PositionKey> key = positionKey();
    if (key.isPresent()) {
      return Optional.of(key.get().order());
    }
    if (this instanceof NameMismatch) {
      return Optional.of(((NameMismatch) this).order());
    }
    if (this instanceof OrderNotFound) {
      return Optional.of(((OrderNotFound) this).order());
    }
    if (this instanceof OrderNotPaid) {
      return Optional.of(((OrderNotPaid) this).order());
    }
    if (this instanceof OrderCanceled) {
      return Optional.of(((OrderCanceled) this).order());
    }
    if (this instanceof TestMode) {
      return Optional.of(((TestMode) this).order());
    }
    return Optional.empty();
  }

  /** The roles applied (registered or re-applied); empty for every other outcome. */
  default Set<RoleRef> grantedRoles() {
    if (this instanceof Registered) {
      return ((Registered) this).roles();
    }
    if (this instanceof AlreadyRegistered) {
      return ((AlreadyRegistered) this).roles();
    }
    return Set.of();
  }

  /** The organizer log line for this member (order code shown by its first two characters). */
  default String logLine(MemberId member) {
    return RegistrationMessages.ENGLISH.logLine(member, this);
  }

  /** The position was free and now belongs to the member; the roles were applied. */
  record Registered(PositionKey position, Product product, Set<RoleRef> roles)
      implements RegistrationResult {
    public Registered {
      roles = Set.copyOf(roles);
    }

    @Override
    public OutcomeCode code() {
      return OutcomeCode.REGISTERED;
    }
  }

  /** The member already held this position; the roles were applied again. */
  record AlreadyRegistered(PositionKey position, Product product, Set<RoleRef> roles)
      implements RegistrationResult {
    public AlreadyRegistered {
      roles = Set.copyOf(roles);
    }

    @Override
    public OutcomeCode code() {
      return OutcomeCode.ALREADY_REGISTERED;
    }
  }

  /** Another account holds the position ({@code holder} is for organizers only). */
  record ClaimedByOther(PositionKey position, MemberId holder) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.CLAIMED_BY_OTHER;
    }
  }

  /** The order exists and counts, but no position's name matches the typed name. */
  record NameMismatch(OrderCode order) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.NAME_MISMATCH;
    }
  }

  /** Neither the index nor the ticket source knows the order. */
  record OrderNotFound(OrderCode order) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.ORDER_NOT_FOUND;
    }
  }

  /** The order is in a state that does not count (pending, expired). */
  record OrderNotPaid(OrderCode order, OrderStatus status) implements RegistrationResult {
    public OrderNotPaid {
      if (status == OrderStatus.CANCELED) {
        throw new IllegalArgumentException("cancelled orders are OrderCanceled");
      }
    }

    @Override
    public OutcomeCode code() {
      return OutcomeCode.ORDER_NOT_PAID;
    }
  }

  /**
   * The order, or the one position whose name matched ({@code wholeOrder == false}), was cancelled.
   */
  record OrderCanceled(OrderCode order, boolean wholeOrder) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.ORDER_CANCELED;
    }
  }

  /** A test-mode order (code with {@code 0} as second character, or flagged by pretix). */
  record TestMode(OrderCode order) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.TEST_MODE;
    }
  }

  /** The typed code cannot be an order code. */
  record InvalidCode(ParsedCode.Reason reason) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.INVALID_CODE;
    }
  }

  /** The ticket is valid but its products map to no role (organizers are alerted). */
  record NoRolesMapped(PositionKey position, Product product) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.NO_ROLES_MAPPED;
    }
  }

  /** The account failed too often recently; it may try again after {@code retryAfter}. */
  record TooManyAttempts(Duration retryAfter) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.TOO_MANY_ATTEMPTS;
    }
  }

  /**
   * A system needed for the answer failed: {@code "pretix"} (ticket unknown to the index and the
   * source unreachable), {@code "discord"} (roles could not be applied) or {@code "store"}.
   */
  record TicketsUnavailable(String system) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.TICKETS_UNAVAILABLE;
    }
  }

  /**
   * The position was released (an organizer's {@code /registration release}, a cancellation) while
   * the member's roles were being applied: the release wins, the roles just applied were taken back
   * and the member may submit again.
   */
  record Interrupted(PositionKey position) implements RegistrationResult {
    @Override
    public OutcomeCode code() {
      return OutcomeCode.INTERRUPTED;
    }
  }
}
