package dev.confbot.core.stats;

import dev.confbot.core.csv.Csv;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore.Claim;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The member export ({@code /export members}, {@code confbot export members}): one CSV row per
 * member with id, name, nickname, roles, join time and registered tickets.
 */
public final class MemberExport {
  /** The header row. */
  public static final List<String> HEADER =
      List.of("id", "name", "nickname", "roles", "joined_at", "registered");

  private MemberExport() {}

  /** Rows for the members in the given order, each with its confirmed claims' positions. */
  public static List<MemberExportRow> rows(List<ServerMember> members, List<Claim> claims) {
    Map<MemberId, List<PositionKey>> registered = new HashMap<>();
    for (Claim claim : claims) {
      if (claim.confirmed()) {
        registered.computeIfAbsent(claim.member(), m -> new ArrayList<>()).add(claim.position());
      }
    }
    List<MemberExportRow> rows = new ArrayList<>();
    for (ServerMember member : members) {
      List<PositionKey> positions =
          new ArrayList<>(registered.getOrDefault(member.id(), List.of()));
      positions.sort(Comparator.comparing(PositionKey::toString));
      rows.add(new MemberExportRow(member, positions));
    }
    return List.copyOf(rows);
  }

  /**
   * The CSV text (UTF-8 when encoded, CRLF line ends, RFC 4180 quoting): the header, then one row
   * per member. Roles and registered positions are joined with {@code "; "}; the join time is
   * ISO-8601 UTC to the second. A value that a spreadsheet would run as a formula (starting with
   * {@code = + - @}, a tab or a carriage return) is prefixed with {@code '}.
   */
  public static String csv(List<MemberExportRow> rows) {
    List<List<String>> records = new ArrayList<>();
    records.add(HEADER);
    for (MemberExportRow row : rows) {
      ServerMember member = row.member();
      records.add(
          List.of(
              member.id().toString(),
              safe(member.name()),
              safe(member.nick().orElse("")),
              safe(String.join("; ", member.roles())),
              DateTimeFormatter.ISO_INSTANT.format(
                  member.joinedAt().truncatedTo(ChronoUnit.SECONDS)),
              String.join("; ", row.registered().stream().map(PositionKey::toString).toList())));
    }
    return Csv.format(records);
  }

  private static String safe(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }
}
