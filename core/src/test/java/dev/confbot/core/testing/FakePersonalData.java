package dev.confbot.core.testing;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.PersonalData;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PersonalData} for tests: claims live in a real {@link ClaimStore} (so forgetting releases
 * them), reminders and failed attempts are counts per member, the ticket snapshot a count of
 * orders. Thread-safe.
 */
public final class FakePersonalData implements PersonalData {
  private final ClaimStore claims;
  private final Map<MemberId, Integer> reminders = new HashMap<>();
  private final Map<MemberId, Integer> attempts = new HashMap<>();
  private int snapshotOrders;
  private boolean failing;

  public FakePersonalData(ClaimStore claims) {
    this.claims = claims;
  }

  public synchronized void addReminders(MemberId member, int count) {
    reminders.merge(member, count, Integer::sum);
  }

  public synchronized void addFailedAttempts(MemberId member, int count) {
    attempts.merge(member, count, Integer::sum);
  }

  public synchronized void snapshotOrders(int count) {
    snapshotOrders = count;
  }

  /** From now on every call throws {@link GatewayException} ("sqlite"). */
  public synchronized void failing(boolean fail) {
    failing = fail;
  }

  @Override
  public synchronized Counts countOf(MemberId member) {
    check();
    return counts(
        claimsOf(member).size(),
        reminders.getOrDefault(member, 0),
        attempts.getOrDefault(member, 0),
        0);
  }

  @Override
  public synchronized Counts forget(MemberId member) {
    Counts counts = countOf(member);
    claimsOf(member).forEach(c -> claims.release(c.position()));
    reminders.remove(member);
    attempts.remove(member);
    return counts;
  }

  @Override
  public synchronized Counts count() {
    check();
    return counts(
        claims.all().size(),
        reminders.values().stream().mapToInt(Integer::intValue).sum(),
        attempts.values().stream().mapToInt(Integer::intValue).sum(),
        snapshotOrders);
  }

  @Override
  public synchronized Counts purge() {
    Counts counts = count();
    claims.all().forEach(c -> claims.release(c.position()));
    reminders.clear();
    attempts.clear();
    snapshotOrders = 0;
    return counts;
  }

  private List<ClaimStore.Claim> claimsOf(MemberId member) {
    return claims.all().stream().filter(c -> c.member().equals(member)).toList();
  }

  private void check() {
    if (failing) {
      throw new GatewayException("sqlite", "database write failed", null);
    }
  }

  private static Counts counts(int claims, int reminders, int attempts, int snapshot) {
    Map<Category, Integer> map = new EnumMap<>(Category.class);
    map.put(Category.CLAIMS, claims);
    map.put(Category.REMINDERS, reminders);
    map.put(Category.FAILED_ATTEMPTS, attempts);
    map.put(Category.TICKET_SNAPSHOT, snapshot);
    return new Counts(map);
  }
}
