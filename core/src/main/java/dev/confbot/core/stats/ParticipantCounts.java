package dev.confbot.core.stats;

import java.util.List;
import java.util.Locale;

/**
 * The numbers behind {@code /participants}.
 *
 * @param totalMembers members on the server (bots included if the adapter includes them)
 * @param perRole members per configured role, in configuration order
 * @param ticketsSold ticket positions sold (from the ticket index)
 * @param ticketsRegistered ticket positions claimed and confirmed
 * @param membersRegistered members holding at least one confirmed claim
 */
public record ParticipantCounts(
    int totalMembers,
    List<RoleCount> perRole,
    int ticketsSold,
    int ticketsRegistered,
    int membersRegistered) {
  public ParticipantCounts {
    perRole = List.copyOf(perRole);
  }

  /** Registered tickets as a percentage of sold tickets, 0 when none were sold. */
  public double registeredPercent() {
    return ticketsSold == 0 ? 0 : 100.0 * ticketsRegistered / ticketsSold;
  }

  /** The reply text: totals, then one line per role. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("Members: ").append(totalMembers).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "Tickets registered: %d of %d sold (%.1f%%) by %d members",
            ticketsRegistered,
            ticketsSold,
            registeredPercent(),
            membersRegistered));
    for (RoleCount count : perRole) {
      out.append('\n').append("• ").append(count.role()).append(": ").append(count.members());
    }
    return out.toString();
  }
}
