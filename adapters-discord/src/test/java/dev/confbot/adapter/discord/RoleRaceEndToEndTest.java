package dev.confbot.adapter.discord;

import static dev.confbot.adapter.discord.Conference.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.testing.TestData;
import dev.confbot.fakediscord.FakeMember;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Member;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two role changes for one member while Discord's gateway lags behind its REST API (JDA's member
 * cache still shows the roles from before the first change): both must end up applied. Writing a
 * full role list computed from that cache loses the first change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleRaceEndToEndTest {
  private static final String MEMBER_UPDATE = "GUILD_MEMBER_UPDATE";

  private Conference conference;

  @BeforeAll
  void start() {
    conference = new Conference(4);
    conference.start();
  }

  @AfterAll
  void stop() {
    conference.close();
  }

  @Test
  void twoTicketsRegisteredBeforeTheCacheCaughtUpBothKeepTheirRoles() {
    // given
    FakeMember member = conference.fake.member("member0");
    conference.fake.holdGatewayEvents(MEMBER_UPDATE);
    String online;
    String volunteer;
    try {
      // when
      online = conference.register(member, "JETWJ", "Elif Yilmaz");
      volunteer = conference.register(member, "X9FNJ", "Vera Volunteer");
    } finally {
      conference.fake.releaseGatewayEvents();
    }
    // then
    assertThat(online).startsWith("You're registered with your Online ticket.");
    assertThat(volunteer).startsWith("You're registered with your Volunteer");
    assertThat(conference.fake.roleNamesOf(member))
        .containsExactlyInAnyOrder("Attendees", "Online", "Volunteers", "On-site");
  }

  @Test
  void aRevokeRightAfterAGrantKeepsTheGrantedRole() {
    // given
    FakeMember member = conference.fake.member("member1");
    MemberId id = new MemberId(member.id());
    DiscordRoleGateway roles = new DiscordRoleGateway(conference.bot()::guild);
    roles.grant(id, Set.of(TestData.ATTENDEES, TestData.ON_SITE), Optional.empty());
    eventually("the cache has the first roles", () -> cachedRoleCount(member) == 2);
    conference.fake.holdGatewayEvents(MEMBER_UPDATE);
    try {
      // when: a grant (a speaker ticket) and a revoke (a cancelled ticket) at once
      roles.grant(id, Set.of(TestData.SPEAKERS), Optional.empty());
      roles.revoke(id, Set.of(TestData.ON_SITE));
    } finally {
      conference.fake.releaseGatewayEvents();
    }
    // then
    assertThat(conference.fake.roleNamesOf(member))
        .containsExactlyInAnyOrder("Attendees", "Speakers");
  }

  private int cachedRoleCount(FakeMember member) {
    Member cached = conference.bot().guild().getMemberById(member.id());
    return cached == null ? 0 : cached.getRoles().size();
  }

  @Test
  void readsTheRolesFromDiscordNotFromTheLaggingCache() {
    // given
    FakeMember member = conference.fake.member("member2");
    MemberId id = new MemberId(member.id());
    DiscordRoleGateway roles = new DiscordRoleGateway(conference.bot()::guild);
    conference.fake.holdGatewayEvents(MEMBER_UPDATE);
    try {
      roles.grant(id, Set.of(TestData.ATTENDEES), Optional.empty());
      // when
      Optional<Set<RoleRef>> held =
          roles.rolesHeld(id, Set.of(TestData.ATTENDEES, TestData.SPEAKERS));
      // then
      assertThat(held).contains(Set.of(TestData.ATTENDEES));
    } finally {
      conference.fake.releaseGatewayEvents();
    }
  }

  @Test
  void aMemberWhoLeftHoldsNoRoles() {
    // given
    FakeMember member = conference.fake.member("member3");
    conference.fake.memberLeaves(member);
    DiscordRoleGateway roles = new DiscordRoleGateway(conference.bot()::guild);
    // when
    var held = roles.rolesHeld(new MemberId(member.id()), Set.of(TestData.ATTENDEES));
    // then
    assertThat(held).isEmpty();
  }
}
