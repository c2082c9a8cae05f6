package dev.confbot.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.ClaimStore.Claim;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParticipantStatsTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final RoleRef ATTENDEES = new RoleRef("Attendees");
  private static final RoleRef SPEAKERS = new RoleRef("Speakers");
  private static final MemberId ANA = new MemberId(1001);
  private static final MemberId BEN = new MemberId(1002);
  private static final MemberId CAI = new MemberId(1003);

  private static Claim claim(String order, int position, MemberId member, String at, boolean ok) {
    return new Claim(
        new PositionKey(new OrderCode(order), position), member, Instant.parse(at), ok);
  }

  private static ServerMember member(MemberId id, String joined, String... roles) {
    return new ServerMember(id, "user" + id, null, List.of(roles), Instant.parse(joined));
  }

  @Test
  void countsMembersPerRoleAndConfirmedTickets() {
    // given
    Map<MemberId, Set<RoleRef>> roles =
        Map.of(ANA, Set.of(ATTENDEES, SPEAKERS), BEN, Set.of(ATTENDEES), CAI, Set.of());
    List<Claim> claims =
        List.of(
            claim("ABC12", 1, ANA, "2026-11-20T10:00:00Z", true),
            claim("ABC12", 2, ANA, "2026-11-20T10:05:00Z", true),
            claim("XYZ99", 1, BEN, "2026-11-21T09:00:00Z", true),
            claim("QQQ11", 1, CAI, "2026-11-21T09:30:00Z", false));
    // when
    ParticipantCounts counts =
        ParticipantStats.count(roles, List.of(SPEAKERS, ATTENDEES), claims, 8);
    // then
    assertThat(counts)
        .isEqualTo(
            new ParticipantCounts(
                3, List.of(new RoleCount(SPEAKERS, 1), new RoleCount(ATTENDEES, 2)), 8, 3, 2));
    assertThat(counts.registeredPercent()).isEqualTo(37.5);
    assertThat(counts.describe())
        .isEqualTo(
            "Members: 3\n"
                + "Tickets registered: 3 of 8 sold (37.5%) by 2 members\n"
                + "• Speakers: 1\n"
                + "• Attendees: 2");
  }

  @Test
  void reportsZeroPercentWhenNoTicketWasSold() {
    ParticipantCounts counts = ParticipantStats.count(Map.of(), List.of(), List.of(), 0);
    assertThat(counts.registeredPercent()).isZero();
  }

  @Test
  void buildsRoleRefsFromMemberRoleNames() {
    // given
    List<ServerMember> members =
        List.of(member(ANA, "2026-11-01T00:00:00Z", "Speakers", "Attendees"));
    // then
    assertThat(ParticipantStats.rolesByMember(members))
        .isEqualTo(Map.of(ANA, Set.of(SPEAKERS, ATTENDEES)));
  }

  @Test
  void alignsRegistrationsJoinsAndRolesOnTheSameDays() {
    // given
    List<ServerMember> members =
        List.of(
            member(ANA, "2026-11-18T08:00:00Z", "Speakers", "Attendees"),
            member(BEN, "2026-11-20T12:00:00Z", "Attendees"));
    List<Claim> claims =
        List.of(
            claim("ABC12", 1, ANA, "2026-11-19T23:30:00Z", true), // 20 Nov in Prague
            claim("XYZ99", 1, BEN, "2026-11-20T12:10:00Z", true),
            claim("QQQ11", 1, BEN, "2026-11-20T12:20:00Z", false));
    // when
    List<TimeSeries> series =
        ParticipantStats.timeline(members, claims, List.of(SPEAKERS), Granularity.DAY, PRAGUE);
    // then
    assertThat(series)
        .extracting(TimeSeries::name)
        .containsExactly("Registrations", "Joins", "Registrations: Speakers");
    assertThat(series.get(0).points()).extracting(TimeSeries.Point::count).containsExactly(0, 0, 2);
    assertThat(series.get(1).points())
        .extracting(TimeSeries.Point::cumulative)
        .containsExactly(1, 1, 2);
    assertThat(series.get(2).points()).extracting(TimeSeries.Point::count).containsExactly(0, 0, 1);
    assertThat(series.get(0).points().get(0).start())
        .isEqualTo(Instant.parse("2026-11-17T23:00:00Z").atZone(PRAGUE));
  }
}
