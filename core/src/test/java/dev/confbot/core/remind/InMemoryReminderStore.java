package dev.confbot.core.remind;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.ReminderStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A {@link ReminderStore} in memory, for tests (core's test jar); forgets on restart. Thread-safe.
 */
public final class InMemoryReminderStore implements ReminderStore {
  private static final Comparator<Subscription> BY_SESSION =
      Comparator.comparing(Subscription::sessionCode)
          .thenComparing(Subscription::created)
          .thenComparingLong(s -> s.member().value());

  private record Key(MemberId member, String sessionCode) {}

  private record Row(Subscription subscription, boolean sent) {}

  private final Map<Key, Row> rows = new LinkedHashMap<>();

  @Override
  public synchronized boolean subscribe(Subscription subscription) {
    return rows.putIfAbsent(key(subscription), new Row(subscription, false)) == null;
  }

  @Override
  public synchronized List<Subscription> byMember(MemberId member) {
    return select(
        s -> s.member().equals(member),
        Comparator.comparing(Subscription::created).thenComparing(Subscription::sessionCode));
  }

  @Override
  public synchronized boolean remove(MemberId member, String sessionCode) {
    return rows.remove(new Key(member, sessionCode)) != null;
  }

  @Override
  public synchronized List<Subscription> pendingFor(String sessionCode) {
    return select(s -> s.sessionCode().equals(sessionCode), BY_SESSION);
  }

  @Override
  public synchronized List<Subscription> pending() {
    return select(s -> true, BY_SESSION);
  }

  @Override
  public synchronized boolean markSent(MemberId member, String sessionCode, Instant at) {
    Key key = new Key(member, sessionCode);
    Row row = rows.get(key);
    if (row == null || row.sent()) {
      return false;
    }
    rows.put(key, new Row(row.subscription(), true));
    return true;
  }

  @Override
  public synchronized void clearSent(MemberId member, String sessionCode) {
    Key key = new Key(member, sessionCode);
    Row row = rows.get(key);
    if (row != null && row.sent()) {
      rows.put(key, new Row(row.subscription(), false));
    }
  }

  private List<Subscription> select(
      Predicate<Subscription> filter, Comparator<Subscription> order) {
    List<Subscription> found = new ArrayList<>();
    for (Row row : rows.values()) {
      if (!row.sent() && filter.test(row.subscription())) {
        found.add(row.subscription());
      }
    }
    found.sort(order);
    return List.copyOf(found);
  }

  private static Key key(Subscription subscription) {
    return new Key(subscription.member(), subscription.sessionCode());
  }
}
