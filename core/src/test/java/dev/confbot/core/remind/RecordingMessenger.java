package dev.confbot.core.remind;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.DirectMessenger;
import dev.confbot.core.port.GatewayException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Records direct messages; members can have closed DMs, and sends can be made to fail. */
final class RecordingMessenger implements DirectMessenger {
  record Dm(MemberId member, String content) {}

  private final List<Dm> sent = new ArrayList<>();
  private final Set<MemberId> closed = new HashSet<>();
  private int failures;
  private int uncertain;

  @Override
  public synchronized Delivery send(MemberId member, String content) {
    if (failures > 0) {
      failures--;
      throw new GatewayException("discord", "unreachable", null);
    }
    if (uncertain > 0) {
      uncertain--;
      sent.add(new Dm(member, content)); // it did arrive, but the sender cannot tell
      return Delivery.UNCERTAIN;
    }
    if (closed.contains(member)) {
      return Delivery.CLOSED;
    }
    sent.add(new Dm(member, content));
    return Delivery.DELIVERED;
  }

  synchronized void close(MemberId member) {
    closed.add(member);
  }

  synchronized void failNext(int count) {
    failures = count;
  }

  /** The next {@code count} sends arrive but report {@link Delivery#UNCERTAIN}. */
  synchronized void uncertainNext(int count) {
    uncertain = count;
  }

  synchronized List<Dm> sent() {
    return List.copyOf(sent);
  }

  synchronized List<String> to(MemberId member) {
    return sent.stream().filter(d -> d.member().equals(member)).map(Dm::content).toList();
  }

  synchronized void clear() {
    sent.clear();
  }
}
