package dev.confbot.adapter.discord;

import static dev.confbot.adapter.discord.Conference.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.registration.OrderCodeParser;
import dev.confbot.core.registration.ParsedCode;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationResult;
import dev.confbot.core.testing.TestData;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.FakeModal;
import dev.confbot.fakediscord.Fault;
import dev.confbot.fakediscord.InteractionHandle;
import dev.confbot.fakediscord.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registration through real JDA against fake-discord: one conference (fake, stores, bot) for the
 * class; every test uses its own members and tickets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationEndToEndTest {
  private static final RegistrationMessages TEXTS = RegistrationMessages.ENGLISH;

  private Conference conference;

  @BeforeAll
  void start() {
    conference = new Conference(30);
    conference.start();
  }

  @AfterAll
  void stop() {
    conference.close();
  }

  private FakeMember member(int i) {
    return conference.fake.member("member" + i);
  }

  @Test
  void registersThroughTheButtonWithRolesAndNickname() {
    // given
    FakeMember alice = member(0);
    long messageId = conference.bot().registrationMessageId().orElseThrow();
    // when
    InteractionHandle click =
        conference.fake.clickButton(
            alice,
            conference.fake.channel(Conference.REGISTRATION),
            messageId,
            RegistrationListener.BUTTON_ID);
    FakeModal form = click.awaitModal(Conference.WAIT).orElseThrow();
    String answer = conference.register(alice, "TYJEL", "paula larsen");
    // then
    assertThat(form.inputs())
        .extracting(FakeModal.Input::customId)
        .containsExactly("order", "name");
    assertThat(answer)
        .isEqualTo(
            TEXTS.attendeeMessage(
                new RegistrationResult.Registered(
                    new PositionKey(new OrderCode("TYJEL"), 1),
                    TestData.BUSINESS,
                    Set.of(TestData.ATTENDEES, TestData.ON_SITE))));
    assertThat(conference.fake.roleNamesOf(alice))
        .containsExactlyInAnyOrder("Attendees", "On-site");
    assertThat(conference.fake.nicknameOf(alice)).contains("Paula Larsen");
    eventually(
        "audit line",
        () ->
            conference.logLines().stream()
                .anyMatch(l -> l.contains("<@" + alice.id() + "> registered TY")));
    assertThat(conference.logLines()).noneMatch(l -> l.contains("TYJEL"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formLocales")
  void showsTheFormInTheMembersLocale(String locale, Language language) {
    // given
    FakeMember member = member(25 + language.ordinal());
    long messageId = conference.bot().registrationMessageId().orElseThrow();
    TextBundle expected = Texts.bundled().forLanguage(language);
    // when
    FakeModal form =
        conference
            .fake
            .clickButton(
                member,
                conference.fake.channel(Conference.REGISTRATION),
                messageId,
                RegistrationListener.BUTTON_ID,
                locale)
            .awaitModal(Conference.WAIT)
            .orElseThrow();
    // then
    assertThat(form.title()).isEqualTo(expected.get(TextKeys.MODAL_TITLE));
    assertThat(form.inputs())
        .extracting(FakeModal.Input::label)
        .containsExactly(expected.get(TextKeys.ORDER_LABEL), expected.get(TextKeys.NAME_LABEL));
  }

  static Stream<Arguments> formLocales() {
    return Stream.of(
        Arguments.of("fr", Language.FRENCH),
        Arguments.of("en-US", Language.ENGLISH),
        Arguments.of("de", Language.GERMAN));
  }

  @Test
  void slashCommandOpensTheSameForm() {
    // when
    InteractionHandle handle =
        conference.fake.runSlashCommand(member(1), "register", java.util.Map.of(), "en-US");
    // then
    FakeModal form = handle.awaitModal(Conference.WAIT).orElseThrow();
    assertThat(form.customId()).isEqualTo(RegistrationListener.MODAL_ID);
    assertThat(conference.fake.commands()).containsKey("register");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            2, "ZZZZZ", "Paula Larsen", new RegistrationResult.OrderNotFound(code("ZZZZZ"))),
        Arguments.of(
            3, "DLSSW", "Somebody Else", new RegistrationResult.NameMismatch(code("DLSSW"))),
        Arguments.of(
            4,
            "FAM9F",
            "Nils Notpaid",
            new RegistrationResult.OrderNotPaid(code("FAM9F"), OrderStatus.PENDING)),
        Arguments.of(
            5,
            "HACQW",
            "Erin Expired",
            new RegistrationResult.OrderNotPaid(code("HACQW"), OrderStatus.EXPIRED)),
        Arguments.of(
            6,
            "SRQDS",
            "Carl Cancelled",
            new RegistrationResult.OrderCanceled(code("SRQDS"), true)),
        Arguments.of(7, "V0JT3", "Tina Testmode", new RegistrationResult.TestMode(code("V0JT3"))),
        Arguments.of(
            8,
            "<script>",
            "x",
            new RegistrationResult.InvalidCode(
                ((ParsedCode.Invalid) OrderCodeParser.parse("<script>")).reason())));
  }

  @ParameterizedTest(name = "{1} → {3}")
  @MethodSource("refusals")
  void refusesWithTheOutcomesOwnMessage(
      int memberNumber, String order, String name, RegistrationResult expected) {
    // given
    FakeMember member = member(memberNumber);
    // when
    String answer = conference.register(member, order, name);
    // then
    assertThat(answer).isEqualTo(TEXTS.attendeeMessage(expected));
    assertThat(conference.fake.roleNamesOf(member)).isEmpty();
  }

  @Test
  void refusesAfterTooManyFailedAttempts() {
    // given
    FakeMember guesser = member(10);
    for (int i = 0; i < 5; i++) {
      conference.register(guesser, "QQQQ" + i, "Guess Who");
    }
    // when
    String answer = conference.register(guesser, "TYJEL", "Paula Larsen");
    // then
    assertThat(answer).startsWith("Too many unsuccessful attempts.");
    assertThat(conference.fake.roleNamesOf(guesser)).isEmpty();
  }

  @Test
  void answersTicketsUnavailableWhilePretixIsDown() {
    // given
    FakeMember member = member(11);
    conference.tickets.failing(true);
    String answer;
    try {
      // when
      answer = conference.register(member, "NEWX1", "Nora New");
    } finally {
      conference.tickets.failing(false);
    }
    // then
    assertThat(answer)
        .isEqualTo(TEXTS.attendeeMessage(new RegistrationResult.TicketsUnavailable("pretix")));
  }

  @Test
  void refusesTheSameTicketForASecondAccountAndAlertsOrganizers() {
    // given
    FakeMember first = member(12);
    FakeMember second = member(13);
    conference.register(first, "JMM7N", "Søren Kierkegaard Nielsen");
    // when
    String answer = conference.register(second, "JMM7N", "Soren Nielsen");
    // then
    assertThat(answer)
        .isEqualTo(
            TEXTS.attendeeMessage(
                new RegistrationResult.ClaimedByOther(
                    new PositionKey(code("JMM7N"), 1), new MemberId(first.id()))));
    assertThat(conference.fake.roleNamesOf(second)).isEmpty();
    assertThat(conference.fake.roleNamesOf(first))
        .containsExactlyInAnyOrder("Attendees", "On-site");
    eventually(
        "alert in the log channel",
        () ->
            conference.logLines().stream()
                .anyMatch(
                    l ->
                        l.startsWith("⚠️")
                            && l.contains("<@" + second.id() + ">")
                            && l.contains("<@" + first.id() + "> already holds")));
  }

  @Test
  void exactlyOneOfTwoRacingAccountsGetsTheTicket() {
    // given
    FakeMember one = member(14);
    FakeMember two = member(15);
    // when
    InteractionHandle a = conference.submit(one, "KKQEW", "Đorđe Petrović");
    InteractionHandle b = conference.submit(two, "KKQEW", "Dorde Petrovic");
    String answerA = a.awaitAnswer(Conference.WAIT).map(FakeMessage::content).orElseThrow();
    String answerB = b.awaitAnswer(Conference.WAIT).map(FakeMessage::content).orElseThrow();
    // then
    String won =
        TEXTS.attendeeMessage(
            new RegistrationResult.Registered(
                new PositionKey(code("KKQEW"), 1),
                TestData.STUDENT,
                Set.of(TestData.ATTENDEES, TestData.ON_SITE)));
    assertThat(List.of(answerA, answerB)).filteredOn(won::equals).hasSize(1);
    assertThat(List.of(answerA, answerB))
        .filteredOn(t -> t.startsWith("This ticket is already registered to another"))
        .hasSize(1);
    assertThat(Stream.of(one, two).filter(m -> !conference.fake.roleNamesOf(m).isEmpty()).count())
        .isEqualTo(1);
    assertThat(conference.claims.claimOf(new PositionKey(code("KKQEW"), 1))).isPresent();
  }

  @Test
  void memberWhoLeavesAndRejoinsGetsTheRolesBack() {
    // given
    FakeMember carol = member(16);
    conference.register(carol, "7SRMG", "François-Xavier Lefèvre");
    assertThat(conference.fake.roleNamesOf(carol))
        .containsExactlyInAnyOrder("Attendees", "On-site", "Speakers");
    // when
    conference.fake.memberLeaves(carol);
    FakeMember back = conference.fake.memberRejoins(carol);
    // then
    eventually(
        "roles restored",
        () -> conference.fake.roleNamesOf(back).equals(Set.of("Attendees", "On-site", "Speakers")));
  }

  @Test
  void registersAfterTheGatewayConnectionWasDroppedAndResumed() {
    // given
    int resumes = conference.fake.resumeCount();
    FakeMember member = member(17);
    // when
    conference.fake.dropGatewayConnection();
    eventually("resume", () -> conference.fake.resumeCount() > resumes);
    String answer = conference.register(member, "RMDGZ", "Aevar Thorsson");
    // then
    assertThat(answer).startsWith("You're registered with your Personal ticket.");
    assertThat(conference.fake.roleNamesOf(member))
        .containsExactlyInAnyOrder("Attendees", "On-site");
  }

  @Test
  void honoursARateLimitOnTheRoleUpdate() {
    // given
    FakeMember member = member(18);
    conference.fake.clearRequests();
    conference.fake.failNext(
        "PUT guilds/*/members/*/roles/*", Fault.rateLimited(Duration.ofMillis(500)));
    // when
    String answer = conference.register(member, "JETWJ", "Elif Yilmaz");
    // then
    assertThat(answer).startsWith("You're registered with your Online ticket.");
    assertThat(conference.fake.roleNamesOf(member))
        .containsExactlyInAnyOrder("Attendees", "Online");
    assertThat(conference.fake.requests("PUT guilds/*/members/*/roles/*"))
        .extracting(RecordedRequest::status)
        .startsWith(429, 204);
  }

  private static OrderCode code(String code) {
    return new OrderCode(code);
  }
}
