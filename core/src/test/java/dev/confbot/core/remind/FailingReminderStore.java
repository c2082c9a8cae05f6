package dev.confbot.core.remind;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.ReminderStore;
import java.time.Instant;
import java.util.List;

/** A store whose every call fails, as a broken database would. */
final class FailingReminderStore implements ReminderStore {
  private static GatewayException failure() {
    return new GatewayException("sqlite", "disk I/O error", null);
  }

  @Override
  public boolean subscribe(Subscription subscription) {
    throw failure();
  }

  @Override
  public List<Subscription> byMember(MemberId member) {
    throw failure();
  }

  @Override
  public boolean remove(MemberId member, String sessionCode) {
    throw failure();
  }

  @Override
  public List<Subscription> pendingFor(String sessionCode) {
    throw failure();
  }

  @Override
  public List<Subscription> pending() {
    throw failure();
  }

  @Override
  public boolean markSent(MemberId member, String sessionCode, Instant at) {
    throw failure();
  }

  @Override
  public void clearSent(MemberId member, String sessionCode) {
    throw failure();
  }
}
