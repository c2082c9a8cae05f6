package dev.confbot.core.registration;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ClaimStore} in memory, for tests, the demo and dry runs. Thread-safe: {@link #reserve}
 * is atomic per position. Claims are lost when the process ends.
 */
public final class InMemoryClaimStore implements ClaimStore {
  private final ConcurrentHashMap<PositionKey, Claim> claims = new ConcurrentHashMap<>();

  @Override
  public Reservation reserve(PositionKey position, MemberId member, Instant now) {
    Reservation[] outcome = new Reservation[1];
    claims.compute(
        position,
        (key, existing) -> {
          if (existing == null) {
            outcome[0] = Reservation.RESERVED;
            return new Claim(key, member, now, false);
          }
          outcome[0] =
              existing.member().equals(member)
                  ? Reservation.ALREADY_HELD
                  : Reservation.HELD_BY_OTHER;
          return existing;
        });
    return outcome[0];
  }

  @Override
  public boolean confirm(PositionKey position, MemberId member, Instant now) {
    Claim after =
        claims.computeIfPresent(
            position,
            (key, existing) ->
                existing.member().equals(member) && !existing.confirmed()
                    ? new Claim(key, member, now, true)
                    : existing);
    return after != null && after.member().equals(member) && after.confirmed();
  }

  @Override
  public Optional<Claim> release(PositionKey position) {
    return Optional.ofNullable(claims.remove(position));
  }

  @Override
  public Optional<Claim> claimOf(PositionKey position) {
    return Optional.ofNullable(claims.get(position));
  }

  @Override
  public List<Claim> claimsOf(MemberId member) {
    return claims.values().stream()
        .filter(c -> c.confirmed() && c.member().equals(member))
        .sorted(Comparator.comparing(c -> c.position().toString()))
        .toList();
  }

  @Override
  public List<Claim> all() {
    return claims.values().stream()
        .sorted(Comparator.comparing(c -> c.position().toString()))
        .toList();
  }
}
