package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.ONLINE_ROLE;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.registration.RegistrationResult.Interrupted;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ticket released (an organizer's release, a cancellation) while its registration is applying the
 * roles: the release wins, so the member must not keep the roles of a claim that is gone.
 */
class RegistrationInterruptedTest {
  private static final PositionKey TYJEL_1 = new PositionKey(new OrderCode("TYJEL"), 1);

  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final TicketIndex index = new TicketIndex();
  private final InMemoryClaimStore claims = new InMemoryClaimStore();
  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final ReleasingRoles roles = new ReleasingRoles();
  private final RegistrationService service =
      new RegistrationService(
          index,
          pretix,
          claims,
          roles,
          TestData.roleMapping(),
          audit,
          clock,
          RegistrationSettings.defaults(),
          RegistrationMessages.ENGLISH);

  @BeforeEach
  void loadTickets() {
    pretix.putAll(TestData.fixtureOrders());
    index.replaceAll(pretix.fullSync());
  }

  @Test
  void takesBackTheRolesWhenTheTicketIsReleasedWhileTheyAreApplied() {
    // given
    roles.releaseDuringNextGrant(TYJEL_1);
    // when
    RegistrationResult result = service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(result).isEqualTo(new Interrupted(TYJEL_1));
    assertThat(claims.claimOf(TYJEL_1)).isEmpty();
    assertThat(discord.rolesOf(ALICE)).isEmpty();
    assertThat(result.message()).contains("released by an organizer", "submit the form again");
    assertThat(audit.last()).contains("TY…-1", "released", "roles taken back");
    assertThat(service.outcomeCount(OutcomeCode.INTERRUPTED)).isEqualTo(1);
  }

  @Test
  void keepsTheRolesTheMembersOtherTicketGives() {
    // given: Alice holds an online ticket (Attendees, Online)
    assertThat(service.register(ALICE, "JETWJ", "Elif Yilmaz").code())
        .isEqualTo(OutcomeCode.REGISTERED);
    roles.releaseDuringNextGrant(TYJEL_1);
    // when: her business ticket (Attendees, On-site) is released while it is applied
    RegistrationResult result = service.register(ALICE, "TYJEL", "Paula Larsen");
    // then: only On-site is taken back
    assertThat(result.code()).isEqualTo(OutcomeCode.INTERRUPTED);
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ONLINE_ROLE);
    assertThat(discord.revokes())
        .singleElement()
        .extracting(r -> r.roles())
        .isEqualTo(Set.of(ON_SITE));
  }

  @Test
  void aRegistrationAgainIsInterruptedTooWhenReleasedMeanwhile() {
    // given: registered once
    service.register(ALICE, "TYJEL", "Paula Larsen");
    roles.releaseDuringNextGrant(TYJEL_1);
    // when: she submits again and an organizer releases the ticket meanwhile
    RegistrationResult result = service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.INTERRUPTED);
    assertThat(claims.claimOf(TYJEL_1)).isEmpty();
    assertThat(discord.rolesOf(ALICE)).isEmpty();
  }

  /** Applies roles through {@link #discord}, releasing a claim in the middle of one grant. */
  private final class ReleasingRoles implements RoleGateway {
    private volatile Optional<PositionKey> releaseNext = Optional.empty();

    void releaseDuringNextGrant(PositionKey key) {
      releaseNext = Optional.of(key);
    }

    @Override
    public void grant(MemberId member, Set<RoleRef> granted, Optional<String> nickname) {
      discord.grant(member, granted, nickname);
      Optional<PositionKey> release = releaseNext;
      releaseNext = Optional.empty();
      release.ifPresent(claims::release);
    }

    @Override
    public void revoke(MemberId member, Set<RoleRef> removed) {
      discord.revoke(member, removed);
    }

    @Override
    public Optional<Set<RoleRef>> rolesHeld(MemberId member, Set<RoleRef> wanted) {
      return discord.rolesHeld(member, wanted);
    }
  }
}
