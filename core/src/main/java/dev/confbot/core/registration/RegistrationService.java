package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.Position;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.RegistrationResult.AlreadyRegistered;
import dev.confbot.core.registration.RegistrationResult.ClaimedByOther;
import dev.confbot.core.registration.RegistrationResult.Interrupted;
import dev.confbot.core.registration.RegistrationResult.InvalidCode;
import dev.confbot.core.registration.RegistrationResult.NameMismatch;
import dev.confbot.core.registration.RegistrationResult.NoRolesMapped;
import dev.confbot.core.registration.RegistrationResult.OrderCanceled;
import dev.confbot.core.registration.RegistrationResult.OrderNotFound;
import dev.confbot.core.registration.RegistrationResult.OrderNotPaid;
import dev.confbot.core.registration.RegistrationResult.Registered;
import dev.confbot.core.registration.RegistrationResult.TestMode;
import dev.confbot.core.registration.RegistrationResult.TicketsUnavailable;
import dev.confbot.core.registration.RegistrationResult.TooManyAttempts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Registers a Discord member with a pretix ticket: parses the order code, finds the order ({@link
 * OrderLookup}: index first, then the ticket source directly within a deadline, with a short
 * negative cache), selects the position by name, reserves the claim, applies the roles and confirms
 * the claim. Every attempt ends in one {@link RegistrationResult} and one audit line; nothing is
 * thrown for expected failures.
 *
 * <p>Thread-safe: many workers may call {@link #register} at once; of concurrent submissions for
 * one ticket by different accounts exactly one wins (the claim store decides); one account's
 * concurrent submissions claim one after the other, and together they never get past the
 * failed-attempt limit.
 */
public final class RegistrationService {
  private static final System.Logger LOG = System.getLogger(RegistrationService.class.getName());

  private final OrderLookup orders;
  private final ClaimStore claims;
  private final RoleGateway roles;
  private final RoleMapping mapping;
  private final AuditSink audit;
  private final Clock clock;
  private final RegistrationSettings settings;
  private final RegistrationMessages messages;
  private final AttemptLimiter limiter;
  private final ConcurrentHashMap<MemberId, MemberLock> memberLocks = new ConcurrentHashMap<>();
  private final Map<OutcomeCode, LongAdder> outcomes = new EnumMap<>(OutcomeCode.class);
  private final Object alertLock = new Object();
  private Instant lastUnavailableAlert = Instant.MIN; // guarded by alertLock

  /**
   * Creates the service with its own {@link OrderLookup} (default lookup settings, the negative
   * cache TTL of {@code settings}) and failed attempts counted in memory only.
   *
   * @param index the shared ticket index (kept current by {@link TicketLifecycle})
   * @param source pretix, asked directly on an index miss
   * @param claims who holds which position
   * @param roles applies roles and nickname
   * @param mapping ticket → roles
   * @param audit organizer log lines
   * @param clock time for the attempt limiter, caches and claims
   * @param settings tunables, see {@link RegistrationSettings#defaults()}
   * @param messages texts for audit lines (attendee texts are chosen by the caller)
   */
  public RegistrationService(
      TicketIndex index,
      TicketSource source,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      Clock clock,
      RegistrationSettings settings,
      RegistrationMessages messages) {
    this(
        OrderLookup.start(
            index,
            source,
            clock,
            OrderLookup.Settings.defaults().withCacheTtl(settings.negativeCacheTtl())),
        claims,
        roles,
        mapping,
        audit,
        new InMemoryAttemptLog(),
        clock,
        settings,
        messages);
  }

  /**
   * Creates the service.
   *
   * @param orders finds orders: the shared ticket index, then pretix with a deadline
   * @param claims who holds which position
   * @param roles applies roles and nickname
   * @param mapping ticket → roles
   * @param audit organizer log lines
   * @param attempts where failed attempts are kept across restarts (read once, here)
   * @param clock time for the attempt limiter and claims
   * @param settings tunables, see {@link RegistrationSettings#defaults()}; the negative cache TTL
   *     is {@code orders}' own
   * @param messages texts for audit lines (attendee texts are chosen by the caller)
   */
  public RegistrationService(
      OrderLookup orders,
      ClaimStore claims,
      RoleGateway roles,
      RoleMapping mapping,
      AuditSink audit,
      AttemptLog attempts,
      Clock clock,
      RegistrationSettings settings,
      RegistrationMessages messages) {
    this.orders = orders;
    this.claims = claims;
    this.roles = roles;
    this.mapping = mapping;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.messages = messages;
    this.limiter =
        new AttemptLimiter(
            settings.maxFailedAttempts(), settings.failedAttemptWindow(), clock, attempts);
    for (OutcomeCode code : OutcomeCode.values()) {
      outcomes.put(code, new LongAdder());
    }
  }

  /**
   * How many submissions ended with the given outcome since this service was created, for metrics.
   */
  public long outcomeCount(OutcomeCode code) {
    return Objects.requireNonNull(outcomes.get(code)).sum();
  }

  /**
   * Handles one form submission and waits for its result. Never throws for bad input or failing
   * systems. A direct lookup at the ticket source runs on the lookup threads, and what follows it
   * on the thread that completes it; workers that must not wait use {@link #submit}.
   *
   * @param member the Discord account submitting the form
   * @param rawCode the order code as typed
   * @param typedName the full name as typed
   */
  public RegistrationResult register(MemberId member, String rawCode, String typedName) {
    return submit(member, rawCode, typedName, Runnable::run).join();
  }

  /**
   * Handles one form submission without waiting on the ticket source: what the ticket index answers
   * (most submissions) is handled on the calling thread and returned completed; a code the index
   * does not hold is looked up at the source and the rest of the registration (claim, roles, audit
   * line) runs on {@code continueOn} once the source answered or the lookup deadline passed. The
   * calling thread is thus free for the next submission while pretix is slow.
   *
   * @param member the Discord account submitting the form
   * @param rawCode the order code as typed
   * @param typedName the full name as typed
   * @param continueOn runs the rest of a registration that waited for the ticket source
   * @return the result; it completes exceptionally only with a {@link
   *     java.util.concurrent.RejectedExecutionException} (as the cause of a {@link
   *     java.util.concurrent.CompletionException}) when {@code continueOn} refused the rest of the
   *     registration, which then did not happen (nothing was claimed or counted)
   */
  public CompletableFuture<RegistrationResult> submit(
      MemberId member, String rawCode, String typedName, Executor continueOn) {
    AttemptLimiter.Admission admission = limiter.admit(member);
    if (admission instanceof AttemptLimiter.Blocked) {
      return CompletableFuture.completedFuture(
          finish(member, new TooManyAttempts(((AttemptLimiter.Blocked) admission).retryIn())));
    }
    AttemptLimiter.Admitted admitted = (AttemptLimiter.Admitted) admission;
    CompletableFuture<RegistrationResult> attempt;
    try {
      attempt = attempt(member, rawCode, typedName, continueOn);
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    return attempt.handle(
        (result, failure) -> {
          if (failure != null && rejected(failure)) {
            admitted.finish(false);
            throw failure instanceof CompletionException
                ? (CompletionException) failure
                : new CompletionException(failure);
          }
          RegistrationResult done =
              failure == null
                  ? result
                  // a port broke its contract (threw something other than GatewayException): the
                  // attendee still gets a clear answer and the organizers an alert
                  : new TicketsUnavailable(
                      "confbot (" + unwrap(failure).getClass().getSimpleName() + ")");
          admitted.finish(done.code().countsAsFailedAttempt());
          return finish(member, done);
        });
  }

  private static boolean rejected(Throwable failure) {
    return unwrap(failure) instanceof RejectedExecutionException;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure.getCause();
    return failure instanceof CompletionException && cause != null ? cause : failure;
  }

  /** Counts the outcome and writes the audit line. */
  private RegistrationResult finish(MemberId member, RegistrationResult result) {
    Objects.requireNonNull(outcomes.get(result.code())).increment();
    try {
      audit.record(messages.logLine(member, result), shouldAlert(result));
    } catch (RuntimeException e) {
      // the attendee's answer matters more than the log channel
      LOG.log(System.Logger.Level.WARNING, "audit line for " + result.code() + " lost", e);
    }
    return result;
  }

  private CompletableFuture<RegistrationResult> attempt(
      MemberId member, String rawCode, String typedName, Executor continueOn) {
    ParsedCode parsed = OrderCodeParser.parse(rawCode);
    if (parsed instanceof ParsedCode.Invalid) {
      return CompletableFuture.completedFuture(
          new InvalidCode(((ParsedCode.Invalid) parsed).reason()));
    }
    ParsedCode.Valid code = (ParsedCode.Valid) parsed;
    if (code.testMode()) {
      return CompletableFuture.completedFuture(new TestMode(code.code()));
    }
    CompletableFuture<OrderLookup.Answer> found =
        orders.find(code.code(), !settings.allowedStates().contains(OrderStatus.PENDING));
    if (found.isDone()) {
      // the index answered: go on here, no hand-over to another thread
      return found.thenApply(answer -> decide(member, code, answer, typedName));
    }
    return found.thenApplyAsync(answer -> decide(member, code, answer, typedName), continueOn);
  }

  private RegistrationResult decide(
      MemberId member, ParsedCode.Valid code, OrderLookup.Answer found, String typedName) {
    if (found instanceof OrderLookup.Answer.Unknown) {
      return new OrderNotFound(code.code());
    }
    if (found instanceof OrderLookup.Answer.Unverifiable) {
      return new TicketsUnavailable(((OrderLookup.Answer.Unverifiable) found).system());
    }
    IndexedOrder order = ((OrderLookup.Answer.Known) found).order();
    Order o = order.order();
    if (o.testMode()) {
      return new TestMode(o.code());
    }
    if (o.status() == OrderStatus.CANCELED) {
      return new OrderCanceled(o.code(), true);
    }
    if (!settings.allowedStates().contains(o.status())) {
      return new OrderNotPaid(o.code(), o.status());
    }
    return selectAndClaim(member, order, code.position(), NameMatcher.canonical(typedName));
  }

  private RegistrationResult selectAndClaim(
      MemberId member, IndexedOrder order, int wantedPosition, CanonicalName typed) {
    List<Position> matching = new ArrayList<>(2);
    boolean canceledMatch = false;
    for (int i = 0; i < order.names().size(); i++) {
      if (NameMatcher.matches(order.names().get(i), typed)) {
        Position p = order.position(i);
        if (p.canceled()) {
          canceledMatch = true;
        } else {
          matching.add(p);
        }
      }
    }
    if (matching.isEmpty()) {
      return canceledMatch
          ? new OrderCanceled(order.order().code(), false)
          : new NameMismatch(order.order().code());
    }
    // one member's submissions claim one after the other: a second submission must not see the
    // first one's reservation as its own while the first may still release it
    MemberLock lock = lock(member);
    try {
      return claim(member, choose(member, matching, wantedPosition), true);
    } catch (GatewayException e) {
      return new TicketsUnavailable(e.system());
    } finally {
      unlock(member, lock);
    }
  }

  private MemberLock lock(MemberId member) {
    MemberLock lock =
        memberLocks.compute(
            member,
            (m, held) -> {
              MemberLock l = held == null ? new MemberLock() : held;
              l.users++;
              return l;
            });
    lock.lock.lock();
    return lock;
  }

  private void unlock(MemberId member, MemberLock lock) {
    lock.lock.unlock();
    memberLocks.computeIfPresent(member, (m, held) -> --held.users == 0 ? null : held);
  }

  /** A member's claim lock and how many threads hold or wait for it (guarded by the map). */
  private static final class MemberLock {
    final ReentrantLock lock = new ReentrantLock();
    int users;
  }

  /**
   * Among positions with the same name: the typed position number, else one this member holds, else
   * a free one, else the first.
   */
  private Position choose(MemberId member, List<Position> matching, int wantedPosition) {
    if (matching.size() == 1) {
      return matching.get(0);
    }
    for (Position p : matching) {
      if (p.key().position() == wantedPosition) {
        return p;
      }
    }
    Position free = null;
    for (Position p : matching) {
      Optional<ClaimStore.Claim> claim = claims.claimOf(p.key());
      if (claim.isPresent() && claim.get().member().equals(member)) {
        return p;
      }
      if (claim.isEmpty() && free == null) {
        free = p;
      }
    }
    return free != null ? free : matching.get(0);
  }

  private RegistrationResult claim(MemberId member, Position position, boolean mayRetry) {
    Set<RoleRef> granted = mapping.rolesFor(position);
    if (granted.isEmpty()) {
      return new NoRolesMapped(position.key(), position.product());
    }
    Optional<String> nickname =
        settings.setNickname() ? Nicknames.fromName(position.attendeeName()) : Optional.empty();
    ClaimStore.Reservation reservation = claims.reserve(position.key(), member, clock.instant());
    switch (reservation) {
      case HELD_BY_OTHER:
        Optional<ClaimStore.Claim> holder = claims.claimOf(position.key());
        if (holder.isPresent() && !holder.get().member().equals(member)) {
          return new ClaimedByOther(position.key(), holder.get().member());
        }
        if (mayRetry) {
          // released (or handed to us) between reserve and claimOf: try once more
          return claim(member, position, false);
        }
        throw new GatewayException("store", "claim store answered inconsistently", null);
      case ALREADY_HELD:
        roles.grant(member, granted, nickname);
        if (!claims.confirm(position.key(), member, clock.instant())) {
          return interrupted(member, position.key(), granted);
        }
        return new AlreadyRegistered(position.key(), position.product(), granted);
      case RESERVED:
        try {
          roles.grant(member, granted, nickname);
        } catch (RuntimeException e) {
          claims.release(position.key());
          throw e instanceof GatewayException
              ? (GatewayException) e
              : new GatewayException("discord", "granting roles failed", e);
        }
        if (!claims.confirm(position.key(), member, clock.instant())) {
          return interrupted(member, position.key(), granted);
        }
        return new Registered(position.key(), position.product(), granted);
    }
    throw new AssertionError(reservation);
  }

  /**
   * The claim was released while the roles were being applied (the release wins): takes back the
   * roles just granted that none of the member's other tickets gives.
   */
  private RegistrationResult interrupted(MemberId member, PositionKey key, Set<RoleRef> granted) {
    Set<RoleRef> remove = new HashSet<>(granted);
    for (ClaimStore.Claim other : claims.claimsOf(member)) {
      if (!other.position().equals(key)) {
        remove.removeAll(mapping.rolesOfClaim(other.position(), orders.indexed(other.position())));
      }
    }
    if (!remove.isEmpty()) {
      roles.revoke(member, remove);
    }
    return new Interrupted(key);
  }

  private boolean shouldAlert(RegistrationResult result) {
    if (!result.code().alertsOrganizers()) {
      return false;
    }
    if (!(result instanceof TicketsUnavailable)) {
      return true;
    }
    Instant now = clock.instant();
    synchronized (alertLock) {
      if (now.isBefore(lastUnavailableAlert.plus(settings.unavailableAlertInterval()))) {
        return false;
      }
      lastUnavailableAlert = now;
      return true;
    }
  }
}
