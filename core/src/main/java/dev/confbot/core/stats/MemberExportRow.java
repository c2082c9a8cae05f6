package dev.confbot.core.stats;

import dev.confbot.core.model.PositionKey;
import java.util.List;

/**
 * One line of the member export.
 *
 * @param member the member
 * @param registered the ticket positions the member has registered (confirmed claims), sorted
 */
public record MemberExportRow(ServerMember member, List<PositionKey> registered) {
  public MemberExportRow {
    registered = List.copyOf(registered);
  }
}
