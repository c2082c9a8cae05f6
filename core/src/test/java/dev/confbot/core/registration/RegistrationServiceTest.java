package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.CAROL;
import static dev.confbot.core.testing.TestData.ONLINE_ROLE;
import static dev.confbot.core.testing.TestData.ON_SITE;
import static dev.confbot.core.testing.TestData.SPEAKER;
import static dev.confbot.core.testing.TestData.SPEAKERS;
import static dev.confbot.core.testing.TestData.SPONSORS;
import static dev.confbot.core.testing.TestData.SPONSOR_GOLD;
import static dev.confbot.core.testing.TestData.TUTORIALS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.registration.RegistrationResult.AlreadyRegistered;
import dev.confbot.core.registration.RegistrationResult.ClaimedByOther;
import dev.confbot.core.registration.RegistrationResult.InvalidCode;
import dev.confbot.core.registration.RegistrationResult.NameMismatch;
import dev.confbot.core.registration.RegistrationResult.NoRolesMapped;
import dev.confbot.core.registration.RegistrationResult.OrderCanceled;
import dev.confbot.core.registration.RegistrationResult.OrderNotFound;
import dev.confbot.core.registration.RegistrationResult.OrderNotPaid;
import dev.confbot.core.registration.RegistrationResult.Registered;
import dev.confbot.core.registration.RegistrationResult.TestMode;
import dev.confbot.core.registration.RegistrationResult.TicketsUnavailable;
import dev.confbot.core.registration.RegistrationResult.TooManyAttempts;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {
  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource pretix = new FakeTicketSource();
  private final TicketIndex index = new TicketIndex();
  private final InMemoryClaimStore claims = new InMemoryClaimStore();
  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private RegistrationService service =
      service(RegistrationSettings.defaults(), TestData.roleMapping());

  @BeforeEach
  void loadTickets() {
    pretix.putAll(TestData.fixtureOrders());
    index.replaceAll(pretix.fullSync());
  }

  private RegistrationService service(RegistrationSettings settings, RoleMapping mapping) {
    return new RegistrationService(
        index,
        pretix,
        claims,
        discord,
        mapping,
        audit,
        clock,
        settings,
        RegistrationMessages.ENGLISH);
  }

  private static PositionKey key(String code, int position) {
    return new PositionKey(new OrderCode(code), position);
  }

  @Test
  void registersMemberWhoseNameMatchesAndAppliesTheRoles() {
    // when
    RegistrationResult result = service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(result)
        .isEqualTo(new Registered(key("TYJEL", 1), BUSINESS, Set.of(ATTENDEES, ON_SITE)));
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(claims.claimOf(key("TYJEL", 1))).map(ClaimStore.Claim::confirmed).contains(true);
    assertThat(discord.grants().get(0).nickname()).isEmpty();
  }

  @Test
  void registersMemberWhenNameDiffersOnlyInAccentsCaseAndOrder() {
    // when
    RegistrationResult result = service.register(ALICE, " #dlssw ", "mueller-ludenscheidt JOSE");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void countsEverySubmissionByItsOutcome() {
    // when
    service.register(ALICE, "TYJEL", "Paula Larsen");
    service.register(BOB, "TYJEL", "Paula Larsen");
    service.register(BOB, "not a code!", "Bob");
    service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(service.outcomeCount(OutcomeCode.REGISTERED)).isEqualTo(1);
    assertThat(service.outcomeCount(OutcomeCode.ALREADY_REGISTERED)).isEqualTo(1);
    assertThat(service.outcomeCount(OutcomeCode.CLAIMED_BY_OTHER)).isEqualTo(1);
    assertThat(service.outcomeCount(OutcomeCode.INVALID_CODE)).isEqualTo(1);
    assertThat(service.outcomeCount(OutcomeCode.NAME_MISMATCH)).isZero();
  }

  @Test
  void writesAnAuditLineWithMentionAndOnlyTheFirstTwoCharactersOfTheCode() {
    // when
    service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(audit.lines()).hasSize(1);
    assertThat(audit.last())
        .contains(ALICE.mention())
        .contains("TY…-1")
        .contains("Attendees, On-site")
        .doesNotContain("TYJEL")
        .doesNotContain("Paula");
    assertThat(audit.alerts()).isEmpty();
  }

  @Test
  void registeringAgainFromTheSameAccountIsIdempotentAndReappliesRoles() {
    // given
    service.register(ALICE, "TYJEL", "Paula Larsen");
    discord.leave(ALICE);
    // when
    RegistrationResult again = service.register(ALICE, "tyjel", "paula larsen");
    // then
    assertThat(again)
        .isEqualTo(new AlreadyRegistered(key("TYJEL", 1), BUSINESS, Set.of(ATTENDEES, ON_SITE)));
    assertThat(discord.rolesOf(ALICE)).containsExactlyInAnyOrder(ATTENDEES, ON_SITE);
    assertThat(discord.grants()).hasSize(2);
    assertThat(claims.all()).hasSize(1);
  }

  @Test
  void rejectsTicketClaimedByAnotherMemberAndAlertsOrganizers() {
    // given
    service.register(ALICE, "TYJEL", "Paula Larsen");
    // when
    RegistrationResult result = service.register(BOB, "TYJEL", "Paula Larsen");
    // then
    assertThat(result).isEqualTo(new ClaimedByOther(key("TYJEL", 1), ALICE));
    assertThat(discord.rolesOf(BOB)).isEmpty();
    assertThat(audit.alerts()).singleElement().asString().contains(BOB.mention(), ALICE.mention());
    assertThat(result.message())
        .contains("another Discord account")
        .doesNotContain(ALICE.toString());
  }

  @Test
  void refusesANameThatMatchesNoTicketOfTheOrder() {
    // when
    RegistrationResult result = service.register(ALICE, "TYJEL", "Lea Fischer");
    // then
    assertThat(result).isEqualTo(new NameMismatch(new OrderCode("TYJEL")));
    assertThat(claims.all()).isEmpty();
    assertThat(discord.grants()).isEmpty();
  }

  @Test
  void answersUnknownOrderAfterAskingTheSourceOnceWithinTheNegativeCache() {
    // when
    RegistrationResult first = service.register(ALICE, "ZZZZZ", "Paula Larsen");
    RegistrationResult second = service.register(BOB, "ZZZZZ", "Paula Larsen");
    clock.advance(Duration.ofSeconds(31));
    service.register(CAROL, "ZZZZZ", "Paula Larsen");
    // then
    assertThat(first).isEqualTo(new OrderNotFound(new OrderCode("ZZZZZ")));
    assertThat(second).isEqualTo(first);
    assertThat(pretix.lookups()).isEqualTo(2);
  }

  @Test
  void findsATicketBoughtAfterTheLastSyncByAskingTheSourceDirectly() {
    // given
    pretix.put(TestData.paid("NEWW7", "Fresh Buyer", BUSINESS));
    // when
    RegistrationResult result = service.register(ALICE, "NEWW7", "Fresh Buyer");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(index.find(new OrderCode("NEWW7"))).isPresent();
    assertThat(pretix.lookups()).isEqualTo(1);
  }

  @Test
  void usesTheIndexWithoutAskingTheSourceForKnownPaidOrders() {
    // when
    service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(pretix.lookups()).isZero();
  }

  @Test
  void explainsPendingAndExpiredOrdersSeparately() {
    // when
    RegistrationResult pending = service.register(ALICE, "FAM9F", "Nils Notpaid");
    RegistrationResult expired = service.register(ALICE, "HACQW", "Erin Expired");
    // then
    assertThat(pending).isEqualTo(new OrderNotPaid(new OrderCode("FAM9F"), OrderStatus.PENDING));
    assertThat(expired).isEqualTo(new OrderNotPaid(new OrderCode("HACQW"), OrderStatus.EXPIRED));
    assertThat(pending.message()).isNotEqualTo(expired.message());
    assertThat(claims.all()).isEmpty();
  }

  @Test
  void resubmittingAnUnpaidOrderAsksPretixAtMostOncePerCacheInterval() {
    // when: the member submits the pending, expired and cancelled orders again and again
    for (int i = 0; i < 6; i++) {
      assertThat(service.register(ALICE, "FAM9F", "Nils Notpaid").code())
          .isEqualTo(OutcomeCode.ORDER_NOT_PAID);
      service.register(ALICE, "HACQW", "Erin Expired");
      service.register(ALICE, "SRQDS", "Carl Cancelled");
    }
    int withinTheCache = pretix.lookups();
    clock.advance(Duration.ofSeconds(31));
    service.register(ALICE, "FAM9F", "Nils Notpaid");
    // then: the pending order was checked once, then again only after the cache interval
    assertThat(withinTheCache).isEqualTo(1);
    assertThat(pretix.lookups()).isEqualTo(2);
  }

  @Test
  void registersAPendingOrderThatWasPaidSinceTheLastSync() {
    // given
    pretix.put(
        TestData.withStatus(
            index.find(new OrderCode("FAM9F")).orElseThrow().order(), OrderStatus.PAID));
    // when
    RegistrationResult result = service.register(ALICE, "FAM9F", "Nils Notpaid");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void keepsTheIndexedStateOfAPendingOrderWhenPretixIsDown() {
    // given
    pretix.failing(true);
    // when
    RegistrationResult result = service.register(ALICE, "FAM9F", "Nils Notpaid");
    // then
    assertThat(result).isEqualTo(new OrderNotPaid(new OrderCode("FAM9F"), OrderStatus.PENDING));
  }

  @Test
  void acceptsOtherOrderStatesWhenConfigured() {
    // given
    service =
        service(
            RegistrationSettings.defaults()
                .withAllowedStates(Set.of(OrderStatus.PAID, OrderStatus.PENDING)),
            TestData.roleMapping());
    // when
    RegistrationResult result = service.register(ALICE, "FAM9F", "Nils Notpaid");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void explainsACancelledOrderAndACancelledPosition() {
    // when
    RegistrationResult order = service.register(ALICE, "SRQDS", "Carl Cancelled");
    RegistrationResult position = service.register(ALICE, "KLFJJ", "Paul Partial");
    RegistrationResult sibling = service.register(BOB, "KLFJJ", "Petra Partial");
    // then
    assertThat(order).isEqualTo(new OrderCanceled(new OrderCode("SRQDS"), true));
    assertThat(position).isEqualTo(new OrderCanceled(new OrderCode("KLFJJ"), false));
    assertThat(sibling.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void refusesTestModeCodesWithoutAskingTheSource() {
    // when
    RegistrationResult result = service.register(ALICE, "V0JT3", "Tina Testmode");
    // then
    assertThat(result).isEqualTo(new TestMode(new OrderCode("V0JT3")));
    assertThat(pretix.lookups()).isZero();
  }

  @Test
  void refusesOrdersFlaggedAsTestModeBySource() {
    // given
    pretix.put(TestData.testMode("TSTAB", "Tom Tester", BUSINESS));
    // when
    RegistrationResult result = service.register(ALICE, "TSTAB", "Tom Tester");
    // then
    assertThat(result).isEqualTo(new TestMode(new OrderCode("TSTAB")));
  }

  @Test
  void refusesInputThatCannotBeAnOrderCode() {
    // when
    RegistrationResult result = service.register(ALICE, "<script>alert(1)</script>", "x");
    // then
    assertThat(result).isEqualTo(new InvalidCode(ParsedCode.Reason.BAD_CHARACTERS));
    assertThat(audit.last()).doesNotContain("script");
    assertThat(pretix.lookups()).isZero();
  }

  @Test
  void refusesAValidTicketWithoutRolesAndAlertsOrganizers() {
    // when
    RegistrationResult result = service.register(ALICE, "TSHRT", "Tom Shirtonly");
    // then
    assertThat(result).isEqualTo(new NoRolesMapped(key("TSHRT", 1), TestData.T_SHIRT));
    assertThat(claims.all()).isEmpty();
    assertThat(audit.alerts()).singleElement().asString().contains("Conference T-shirt");
  }

  @Test
  void limitsFailedAttemptsPerAccountUntilTheWindowPasses() {
    // given
    for (int i = 0; i < 5; i++) {
      service.register(ALICE, "ZZZZ" + "ABCDE".charAt(i), "Paula Larsen");
    }
    // when
    RegistrationResult blocked = service.register(ALICE, "TYJEL", "Paula Larsen");
    RegistrationResult other = service.register(BOB, "TYJEL", "Paula Larsen");
    clock.advance(Duration.ofMinutes(10));
    RegistrationResult later = service.register(ALICE, "DLSSW", "José Müller-Lüdenscheidt");
    // then
    assertThat(blocked).isInstanceOf(TooManyAttempts.class);
    assertThat(((TooManyAttempts) blocked).retryAfter()).isEqualTo(Duration.ofMinutes(10));
    assertThat(blocked.message()).contains("10 minute");
    assertThat(other.code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(later.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void doesNotCountUnpaidOrTestOrdersAsFailedAttempts() {
    // given
    for (int i = 0; i < 6; i++) {
      service.register(ALICE, "FAM9F", "Nils Notpaid");
      service.register(ALICE, "V0JT3", "Tina Testmode");
    }
    // when
    RegistrationResult result = service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void answersUnavailableWhenPretixFailsOnAMissAndAlertsOncePerInterval() {
    // given
    pretix.failing(true);
    // when
    RegistrationResult first = service.register(ALICE, "NEWW7", "Fresh Buyer");
    RegistrationResult second = service.register(BOB, "NEWW8", "Fresh Buyer");
    clock.advance(Duration.ofMinutes(5));
    service.register(CAROL, "NEWW9", "Fresh Buyer");
    // then
    assertThat(first).isEqualTo(new TicketsUnavailable("pretix"));
    assertThat(second).isEqualTo(first);
    assertThat(first.message())
        .isEqualTo("We can't verify tickets right now, please retry in a few minutes.");
    assertThat(audit.lines()).hasSize(3);
    assertThat(audit.alerts()).hasSize(2);
  }

  @Test
  void registersIndexedTicketsWhilePretixIsDown() {
    // given
    pretix.failing(true);
    // when
    RegistrationResult result = service.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void releasesTheReservationWhenRolesCannotBeApplied() {
    // given
    discord.failing(true);
    // when
    RegistrationResult failed = service.register(ALICE, "TYJEL", "Paula Larsen");
    discord.failing(false);
    RegistrationResult retried = service.register(BOB, "TYJEL", "Paula Larsen");
    // then
    assertThat(failed).isEqualTo(new TicketsUnavailable("discord"));
    assertThat(failed.message()).contains("couldn't complete your registration");
    assertThat(retried.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void letTheNameSelectThePositionOfAGroupOrder() {
    // when
    RegistrationResult pal = service.register(ALICE, "MWM3A", "Pal Overgard");
    RegistrationResult ingrid = service.register(BOB, "MWM3A", "Ingrid Bergstrom");
    // then
    assertThat(pal)
        .isEqualTo(new Registered(key("MWM3A", 2), BUSINESS, Set.of(ATTENDEES, ON_SITE)));
    assertThat(ingrid)
        .isEqualTo(
            new Registered(key("MWM3A", 1), BUSINESS, Set.of(ATTENDEES, ON_SITE, TUTORIALS)));
  }

  @Test
  void givesEqualNamesOfAGroupOrderTheirPositionsOneByOne() {
    // given
    pretix.put(TestData.group("GRPKM", BUSINESS, "Alex Kim", "Alex Kim"));
    // when
    RegistrationResult first = service.register(ALICE, "GRPKM", "Alex Kim");
    RegistrationResult second = service.register(BOB, "GRPKM", "Alex Kim");
    RegistrationResult third = service.register(CAROL, "GRPKM", "Alex Kim");
    RegistrationResult firstAgain = service.register(ALICE, "GRPKM", "Alex Kim");
    // then
    assertThat(first).extracting(r -> ((Registered) r).position()).isEqualTo(key("GRPKM", 1));
    assertThat(second).extracting(r -> ((Registered) r).position()).isEqualTo(key("GRPKM", 2));
    assertThat(third.code()).isEqualTo(OutcomeCode.CLAIMED_BY_OTHER);
    assertThat(firstAgain.code()).isEqualTo(OutcomeCode.ALREADY_REGISTERED);
  }

  @Test
  void usesTheTypedPositionAmongEqualNames() {
    // given
    pretix.put(TestData.group("GRPKM", BUSINESS, "Alex Kim", "Alex Kim"));
    // when
    RegistrationResult result = service.register(ALICE, "GRPKM-2", "Alex Kim");
    // then
    assertThat(result).extracting(r -> ((Registered) r).position()).isEqualTo(key("GRPKM", 2));
  }

  @Test
  void letsOneAccountHoldSeveralTicketsWithTheUnionOfRoles() {
    // given
    pretix.put(
        TestData.paid("SPKRA", "Alice Example", SPEAKER),
        TestData.paid("SPNSA", "Alice Example", SPONSOR_GOLD));
    // when
    RegistrationResult speaker = service.register(ALICE, "SPKRA", "Alice Example");
    RegistrationResult sponsor = service.register(ALICE, "SPNSA", "Alice Example");
    // then
    assertThat(speaker.code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(sponsor.code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(discord.rolesOf(ALICE))
        .containsExactlyInAnyOrder(ATTENDEES, ON_SITE, SPEAKERS, SPONSORS);
    assertThat(claims.claimsOf(ALICE)).hasSize(2);
  }

  @Test
  void addsTheExtraRolesConfiguredForAnOrder() {
    // given
    RoleRef organizers = new RoleRef("Organizers");
    service =
        service(
            RegistrationSettings.defaults(),
            TestData.roleMapping()
                .withExtraRoles(Map.of(new OrderCode("JETWJ"), Set.of(organizers))));
    // when
    RegistrationResult result = service.register(ALICE, "JETWJ", "Elif Yilmaz");
    // then
    assertThat(((Registered) result).roles())
        .containsExactlyInAnyOrder(ATTENDEES, ONLINE_ROLE, organizers);
  }

  @Test
  void setsTheNicknameToTheTicketNameWhenEnabled() {
    // given
    service = service(RegistrationSettings.defaults().withNickname(true), TestData.roleMapping());
    // when
    service.register(ALICE, "PRERH", "Maria Berg");
    // then
    assertThat(discord.nicknameOf(ALICE)).contains("Dr. Maria Anna van der Berg");
    assertThat(discord.grants().get(0).nickname())
        .isEqualTo(Optional.of("Dr. Maria Anna van der Berg"));
  }

  @Test
  void matchesTheInvoiceNameWhereTheTicketHasNoAttendeeName() {
    assertThat(service.register(ALICE, "TED7J", "Kim Invoiceonly").code())
        .isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void registersTrickyNamesOfTheFixtures() {
    assertThat(service.register(ALICE, "KCPXF", "Ilkay Gundogan").code())
        .isEqualTo(OutcomeCode.REGISTERED);
    assertThat(service.register(ALICE, "VRNSJ", "王小明").code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(service.register(ALICE, "UH3E8", "plato").code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(service.register(ALICE, "QPCNU", "Jorg Strassburger").code())
        .isEqualTo(OutcomeCode.REGISTERED);
    assertThat(service.register(ALICE, "KKQEW", "Dorde Petrovic").code())
        .isEqualTo(OutcomeCode.REGISTERED);
    assertThat(service.register(ALICE, "DK8DQ", "Lukasz Wojcik").code())
        .isEqualTo(OutcomeCode.REGISTERED);
    assertThat(service.register(ALICE, "RMDGZ", "Aevar Thorsson").code())
        .isEqualTo(OutcomeCode.REGISTERED);
  }

  @Test
  void answersClearlyWhenAPortFailsUnexpectedly() {
    // given
    RegistrationService broken =
        new RegistrationService(
            index,
            pretix,
            new BrokenClaimStore(),
            discord,
            TestData.roleMapping(),
            audit,
            clock,
            RegistrationSettings.defaults(),
            RegistrationMessages.ENGLISH);
    // when
    RegistrationResult result = broken.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.TICKETS_UNAVAILABLE);
    assertThat(result.message()).doesNotContain("IllegalStateException");
    assertThat(audit.alerts()).singleElement().asString().contains("IllegalStateException");
  }

  @Test
  void stillAnswersWhenTheAuditSinkFails() {
    // given
    RegistrationService noLog =
        new RegistrationService(
            index,
            pretix,
            claims,
            discord,
            TestData.roleMapping(),
            (line, alert) -> {
              throw new dev.confbot.core.port.GatewayException("discord", "log channel gone", null);
            },
            clock,
            RegistrationSettings.defaults(),
            RegistrationMessages.ENGLISH);
    // when
    RegistrationResult result = noLog.register(ALICE, "TYJEL", "Paula Larsen");
    // then
    assertThat(result.code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  /** A claim store with a bug: reserve throws something other than GatewayException. */
  private static final class BrokenClaimStore implements ClaimStore {
    @Override
    public Reservation reserve(PositionKey position, MemberId member, Instant now) {
      throw new IllegalStateException("bug");
    }

    @Override
    public boolean confirm(PositionKey position, MemberId member, Instant now) {
      return false;
    }

    @Override
    public Optional<Claim> release(PositionKey position) {
      return Optional.empty();
    }

    @Override
    public Optional<Claim> claimOf(PositionKey position) {
      return Optional.empty();
    }

    @Override
    public List<Claim> claimsOf(MemberId member) {
      return List.of();
    }

    @Override
    public List<Claim> all() {
      return List.of();
    }
  }
}
