package dev.confbot.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.csv.Csv;
import dev.confbot.core.csv.CsvRecord;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore.Claim;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberExportTest {
  private static final MemberId ZOE = new MemberId(284_193_001_234_567_890L);
  private static final MemberId MAX = new MemberId(284_193_001_234_567_891L);

  private static final List<ServerMember> MEMBERS =
      List.of(
          new ServerMember(
              ZOE,
              "zoe.m",
              "Zoë Müller, PhD",
              List.of("Speakers", "Attendees"),
              Instant.parse("2026-11-02T08:15:30.123Z")),
          new ServerMember(MAX, "=max", null, List.of(), Instant.parse("2026-11-03T09:00:00Z")));

  private static final List<Claim> CLAIMS =
      List.of(
          new Claim(key("XJ7Q2", 2), ZOE, Instant.parse("2026-11-10T10:00:00Z"), true),
          new Claim(key("ABC12", 1), ZOE, Instant.parse("2026-11-10T10:01:00Z"), true),
          new Claim(key("QQQ11", 1), MAX, Instant.parse("2026-11-10T10:02:00Z"), false));

  private static PositionKey key(String order, int position) {
    return new PositionKey(new OrderCode(order), position);
  }

  @Test
  void listsConfirmedPositionsPerMemberSorted() {
    // when
    List<MemberExportRow> rows = MemberExport.rows(MEMBERS, CLAIMS);
    // then
    assertThat(rows.get(0).registered()).containsExactly(key("ABC12", 1), key("XJ7Q2", 2));
    assertThat(rows.get(1).registered()).isEmpty();
  }

  @Test
  void writesQuotedCsvWithIsoTimesAndDefusedFormulas() {
    // when
    String csv = MemberExport.csv(MemberExport.rows(MEMBERS, CLAIMS));
    // then
    assertThat(csv)
        .isEqualTo(
            "id,name,nickname,roles,joined_at,registered\r\n"
                + "284193001234567890,zoe.m,\"Zoë Müller, PhD\",Speakers; Attendees,"
                + "2026-11-02T08:15:30Z,ABC12-1; XJ7Q2-2\r\n"
                + "284193001234567891,'=max,,,2026-11-03T09:00:00Z,\r\n");
  }

  @Test
  void readsBackWithTheCsvReader() {
    // when
    List<CsvRecord> records = Csv.parse(MemberExport.csv(MemberExport.rows(MEMBERS, CLAIMS)));
    // then
    assertThat(records).hasSize(3);
    assertThat(records.get(1).fields().get(2)).isEqualTo("Zoë Müller, PhD");
  }
}
