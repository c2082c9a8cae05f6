package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.ATTENDEES;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationMessagesTest {
  private static final OrderCode CODE = new OrderCode("XJ7Q2");
  private static final PositionKey KEY = new PositionKey(CODE, 1);

  /** One result of every kind and variant. */
  static List<RegistrationResult> everyResult() {
    List<RegistrationResult> all = new ArrayList<>();
    all.add(new Registered(KEY, BUSINESS, Set.of(ATTENDEES)));
    all.add(new AlreadyRegistered(KEY, BUSINESS, Set.of(ATTENDEES)));
    all.add(new ClaimedByOther(KEY, BOB));
    all.add(new NameMismatch(CODE));
    all.add(new OrderNotFound(CODE));
    all.add(new OrderNotPaid(CODE, OrderStatus.PENDING));
    all.add(new OrderNotPaid(CODE, OrderStatus.EXPIRED));
    all.add(new OrderNotPaid(CODE, OrderStatus.PAID));
    all.add(new OrderCanceled(CODE, true));
    all.add(new OrderCanceled(CODE, false));
    all.add(new TestMode(CODE));
    for (ParsedCode.Reason reason : ParsedCode.Reason.values()) {
      all.add(new InvalidCode(reason));
    }
    all.add(new NoRolesMapped(KEY, BUSINESS));
    all.add(new TooManyAttempts(Duration.ofSeconds(61)));
    all.add(new TicketsUnavailable("pretix"));
    all.add(new TicketsUnavailable("discord"));
    all.add(new RegistrationResult.Interrupted(KEY));
    return all;
  }

  @Test
  void coversEveryOutcomeCode() {
    assertThat(everyResult().stream().map(RegistrationResult::code))
        .containsAll(EnumSet.allOf(OutcomeCode.class));
  }

  @Test
  void everyResultHasItsOwnFilledInAttendeeMessage() {
    // when
    List<String> messages = everyResult().stream().map(RegistrationResult::message).toList();
    // then
    assertThat(messages).allSatisfy(m -> assertThat(m).isNotBlank().doesNotContain("{", "}"));
    assertThat(messages).doesNotHaveDuplicates();
  }

  @Test
  void everyTextKeyIsUsed() {
    // given
    Set<String> used = new java.util.HashSet<>();
    everyResult().forEach(r -> used.add(RegistrationMessages.messageKey(r)));
    everyResult().forEach(r -> used.add("log." + r.code().name()));
    // then
    assertThat(used)
        .containsExactlyInAnyOrderElementsOf(RegistrationMessages.englishTexts().keySet());
  }

  @Test
  void logLinesMentionTheMemberAndShowOnlyTwoCharactersOfTheCode() {
    assertThat(everyResult())
        .allSatisfy(
            r ->
                assertThat(r.logLine(ALICE))
                    .contains(ALICE.mention())
                    .doesNotContain("XJ7Q2")
                    .doesNotContain("{"));
    assertThat(new ClaimedByOther(KEY, BOB).logLine(ALICE)).contains("XJ…-1", BOB.mention());
  }

  @Test
  void roundsTheWaitUpToWholeMinutes() {
    assertThat(new TooManyAttempts(Duration.ofSeconds(61)).message()).contains("2 minute");
    assertThat(new TooManyAttempts(Duration.ofSeconds(5)).message()).contains("1 minute");
  }

  @Test
  void overridesTextsByKeyAndNamesTheHelpChannel() {
    // given
    RegistrationMessages german =
        new RegistrationMessages(
            Map.of("ORDER_NOT_FOUND", "Bestellung {order} nicht gefunden. Hilfe: {help}"), "<#42>");
    // then
    assertThat(german.attendeeMessage(new OrderNotFound(CODE)))
        .isEqualTo("Bestellung XJ7Q2 nicht gefunden. Hilfe: <#42>");
    assertThat(german.attendeeMessage(new ClaimedByOther(KEY, BOB))).contains("<#42>");
  }

  @Test
  void rejectsOverridesOfUnknownKeys() {
    assertThatThrownBy(() -> new RegistrationMessages(Map.of("NOPE", "x"), "#help"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NOPE");
  }

  @Test
  void refusesACancelledOrderAsNotPaid() {
    assertThatThrownBy(() -> new OrderNotPaid(CODE, OrderStatus.CANCELED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void exposesOrderPositionAndRolesForTheCli() {
    // given
    RegistrationResult registered = new Registered(KEY, BUSINESS, Set.of(ATTENDEES));
    // then
    assertThat(registered.positionKey()).contains(KEY);
    assertThat(registered.orderCode()).contains(CODE);
    assertThat(registered.grantedRoles()).containsExactly(ATTENDEES);
    assertThat(new NameMismatch(CODE).orderCode()).contains(CODE);
    assertThat(new NameMismatch(CODE).positionKey()).isEmpty();
    assertThat(new NameMismatch(CODE).grantedRoles()).isEmpty();
    assertThat(new InvalidCode(ParsedCode.Reason.EMPTY).orderCode()).isEmpty();
    assertThat(everyResult())
        .filteredOn(r -> r.orderCode().isPresent())
        .allSatisfy(r -> assertThat(r.orderCode()).contains(CODE));
    assertThat(everyResult()).filteredOn(r -> r.orderCode().isEmpty()).hasSize(8);
  }
}
