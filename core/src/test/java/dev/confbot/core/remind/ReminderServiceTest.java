package dev.confbot.core.remind;

import static dev.confbot.core.remind.Programme.ASYNC;
import static dev.confbot.core.remind.Programme.CAFE;
import static dev.confbot.core.remind.Programme.KEYNOTE;
import static dev.confbot.core.remind.Programme.PARIS;
import static dev.confbot.core.remind.Programme.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.port.ReminderStore;
import dev.confbot.core.remind.SubscribeResult.AlreadyReminded;
import dev.confbot.core.remind.SubscribeResult.AlreadyStarted;
import dev.confbot.core.remind.SubscribeResult.NoProgramme;
import dev.confbot.core.remind.SubscribeResult.Subscribed;
import dev.confbot.core.remind.SubscribeResult.Unavailable;
import dev.confbot.core.remind.SubscribeResult.UnknownSession;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReminderServiceTest {
  private static final MemberId ALICE = new MemberId(42);
  private static final Locale EN = Locale.forLanguageTag("en-US");
  private static final Locale FR = Locale.FRENCH;

  private final TestClock clock = new TestClock(Programme.at(9, 45).toInstant());
  private final InMemoryReminderStore store = new InMemoryReminderStore();
  private final RecordingMessenger messenger = new RecordingMessenger();
  private final AtomicReference<Optional<Schedule>> schedule =
      new AtomicReference<>(Optional.of(SCHEDULE));
  private final AtomicInteger wakeUps = new AtomicInteger();
  private final ReminderService service = service(store);

  private ReminderService service(ReminderStore reminders) {
    return new ReminderService(
        reminders,
        messenger,
        schedule::get,
        Texts.bundled(),
        PARIS,
        ReminderSettings.defaults(),
        clock,
        wakeUps::incrementAndGet);
  }

  @Test
  void subscribesByCodeConfirmsByDirectMessageAndWakesTheScheduler() {
    // when
    SubscribeResult result = service.subscribe(ALICE, "CAFE", EN);
    // then
    assertThat(result)
        .isEqualTo(new Subscribed(CAFE, Programme.at(10, 5).toInstant(), true, false));
    assertThat(store.byMember(ALICE))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.sessionCode()).isEqualTo("CAFE");
              assertThat(s.locale()).isEqualTo(EN);
              assertThat(s.created()).isEqualTo(clock.instant());
            });
    assertThat(messenger.to(ALICE))
        .containsExactly(
            "✅ Reminder set for **Café-Driven Development**. I'll message you here 10 minutes"
                + " before it starts.");
    assertThat(wakeUps).hasValue(1);
  }

  @Test
  void answersWithTheLocalTimeInTheEventsZone() {
    // when: the clock is UTC, the event in Paris (UTC+2 in July)
    String answer = service.remind(ALICE, "CAFE", EN);
    // then
    assertThat(answer)
        .isEqualTo(
            "⏰ Reminder set: I'll send you a direct message 10 minutes before **Café-Driven"
                + " Development** starts (Wed 15 Jul, 10:15, Forum Hall).");
  }

  @Test
  void answersInFrench() {
    // when
    String answer = service.remind(ALICE, "café driven development", FR);
    // then
    assertThat(answer)
        .isEqualTo(
            "⏰ Rappel enregistré\u00a0: je vous enverrai un message privé 10 minutes avant"
                + " **Café-Driven Development** (mer. 15 juil., 10:15, Forum Hall).");
  }

  @Test
  void subscribingTwiceKeepsOneReminder() {
    // given
    service.subscribe(ALICE, "CAFE", EN);
    // when
    SubscribeResult again = service.subscribe(ALICE, "CAFE", FR);
    // then
    assertThat(again).isInstanceOf(Subscribed.class);
    assertThat(((Subscribed) again).isNew()).isFalse();
    assertThat(store.byMember(ALICE))
        .singleElement()
        .satisfies(s -> assertThat(s.locale()).isEqualTo(EN));
    assertThat(wakeUps).hasValue(1);
    assertThat(service.reply(again, Texts.bundled().forLanguage(Language.ENGLISH)))
        .isEqualTo(
            "You already have a reminder for **Café-Driven Development** (Wed 15 Jul, 10:15,"
                + " Forum Hall).");
  }

  @Test
  void saysTheReminderWasSentAlreadyInsteadOfPromisingAnother() {
    // given: the reminder went out (say the session then moved later)
    service.subscribe(ALICE, "CAFE", EN);
    store.markSent(ALICE, "CAFE", clock.instant());
    int confirmations = messenger.to(ALICE).size();
    // when
    SubscribeResult again = service.subscribe(ALICE, "CAFE", EN);
    // then: no confirmation DM, and no promise of a reminder that will not come
    assertThat(again).isEqualTo(new AlreadyReminded(CAFE));
    assertThat(messenger.to(ALICE)).hasSize(confirmations);
    assertThat(service.reply(again, Texts.bundled().forLanguage(Language.ENGLISH)))
        .isEqualTo(
            "I already reminded you of **Café-Driven Development** (Wed 15 Jul, 10:15, Forum"
                + " Hall); reminders are sent once per session.");
  }

  @Test
  void keepsTheReminderAndExplainsWhenDirectMessagesAreClosed() {
    // given
    messenger.close(ALICE);
    // when
    String answer = service.remind(ALICE, "ASY", EN);
    // then
    assertThat(store.byMember(ALICE)).hasSize(1);
    assertThat(answer)
        .startsWith("⏰ Reminder set")
        .contains("I can't send you direct messages", "**Privacy Settings**", "`/remind` again");
  }

  @Test
  void aFailingConfirmationDoesNotFailTheSubscription() {
    // given
    messenger.failNext(1);
    // when
    SubscribeResult result = service.subscribe(ALICE, "ASY", EN);
    // then
    assertThat(result)
        .isEqualTo(new Subscribed(ASYNC, Programme.at(11, 5).toInstant(), true, false));
  }

  @Test
  void sessionWithinTheLeadIsRemindedAtOnce() {
    // given 10:10, five minutes before the session
    clock.advance(Duration.ofMinutes(25));
    // when
    SubscribeResult result = service.subscribe(ALICE, "CAFE", EN);
    // then
    assertThat(result).isEqualTo(new Subscribed(CAFE, clock.instant(), true, false));
    assertThat(service.reply(result, Texts.bundled().forLanguage(Language.ENGLISH)))
        .isEqualTo(
            "⏰ Reminder set: **Café-Driven Development** starts soon (10:15, Forum Hall), so your"
                + " direct message is on its way.");
  }

  @Test
  void refusesSessionsThatStarted() {
    // when
    SubscribeResult result = service.subscribe(ALICE, "KEY", EN);
    // then
    assertThat(result).isEqualTo(new AlreadyStarted(KEYNOTE));
    assertThat(store.pending()).isEmpty();
    assertThat(service.reply(result, Texts.bundled().defaults())).contains("already started");
  }

  @Test
  void refusesUnknownSessionsAndBreaks() {
    // then
    assertThat(service.subscribe(ALICE, " Nope ", EN)).isEqualTo(new UnknownSession("Nope"));
    assertThat(service.subscribe(ALICE, "break-1", EN)).isEqualTo(new UnknownSession("break-1"));
    assertThat(service.subscribe(ALICE, "a", EN)).isEqualTo(new UnknownSession("a"));
    assertThat(service.remind(ALICE, "Nope", EN))
        .isEqualTo(
            "I couldn't find the session “Nope”. Start typing its title and pick one of the"
                + " suggestions.");
  }

  @Test
  void resolvesTheOnlyMatchingTitle() {
    // when
    SubscribeResult result = service.subscribe(ALICE, "ASYNC", EN);
    // then
    assertThat(result).isInstanceOf(Subscribed.class);
  }

  @Test
  void answersBeforeTheProgrammeIsLoaded() {
    // given
    schedule.set(Optional.empty());
    // then
    assertThat(service.subscribe(ALICE, "CAFE", EN)).isEqualTo(new NoProgramme());
    assertThat(service.remind(ALICE, "CAFE", EN)).contains("programme is not available");
    assertThat(service.suggest("caf", EN)).isEmpty();
  }

  @Test
  void answersFriendlyWhenTheStoreFails() {
    // given
    ReminderService broken = service(new FailingReminderStore());
    // then
    assertThat(broken.subscribe(ALICE, "CAFE", EN)).isEqualTo(new Unavailable("sqlite"));
    assertThat(broken.remind(ALICE, "CAFE", EN)).startsWith("Sorry, that did not work");
    assertThat(broken.list(ALICE, EN)).startsWith("Sorry, that did not work");
    assertThat(broken.remove(ALICE, "CAFE", EN)).startsWith("Sorry, that did not work");
  }

  @Test
  void suggestsUpcomingSessionsWithDayTimeAndRoom() {
    // when
    List<SessionChoice> choices = service.suggest("CAFE", EN);
    // then
    assertThat(choices)
        .containsExactly(
            new SessionChoice("Café-Driven Development · Wed 15 Jul 10:15 · Forum Hall", "CAFE"));
    assertThat(service.suggest("", EN))
        .extracting(SessionChoice::value)
        .containsExactly("CAFE", "ASY");
  }

  @Test
  void listsRemindersSoonestFirstAndReportsVanishedSessions() {
    // given
    service.subscribe(ALICE, "ASY", EN);
    service.subscribe(ALICE, "CAFE", EN);
    store.subscribe(new ReminderStore.Subscription(ALICE, "GONE", EN, clock.instant()));
    // when
    String answer = service.list(ALICE, EN);
    // then
    assertThat(answer)
        .isEqualTo(
            "**Your reminders**\n"
                + "• **Café-Driven Development** — Forum Hall, Wed 15 Jul 10:15\n"
                + "• **Async all the way** — Terrace 2A, Wed 15 Jul 11:15\n"
                + "• **GONE** is no longer in the programme\n"
                + "To remove one, run `/reminders` with the `remove` option and pick it.");
  }

  @Test
  void listsNothingKindly() {
    assertThat(service.list(ALICE, FR))
        .isEqualTo(
            "Vous n'avez aucun rappel. Utilisez `/remind` pour recevoir un message privé avant"
                + " une session.");
  }

  @Test
  void removesByCodeOrTitleAndShowsWhatIsLeft() {
    // given
    service.subscribe(ALICE, "ASY", EN);
    service.subscribe(ALICE, "CAFE", EN);
    // when
    String answer = service.remove(ALICE, "CAFE", EN);
    String byTitle = service.remove(ALICE, "async ALL the way", EN);
    // then
    assertThat(answer)
        .startsWith("Reminder for **Café-Driven Development** removed.\n\n**Your reminders**\n")
        .contains("Async all the way");
    assertThat(byTitle).startsWith("Reminder for **Async all the way** removed.\n\nYou have no");
    assertThat(store.byMember(ALICE)).isEmpty();
    assertThat(service.remove(ALICE, "CAFE", EN)).isEqualTo("You have no reminder for “CAFE”.");
  }

  @Test
  void suggestsOnlyTheMembersOwnRemindersForRemoval() {
    // given
    service.subscribe(ALICE, "ASY", EN);
    service.subscribe(new MemberId(7), "CAFE", EN);
    store.subscribe(new ReminderStore.Subscription(ALICE, "GONE", EN, clock.instant()));
    // then
    assertThat(service.suggestOwn(ALICE, "", EN))
        .extracting(SessionChoice::value)
        .containsExactly("ASY", "GONE");
    assertThat(service.suggestOwn(ALICE, "async", EN))
        .extracting(SessionChoice::value)
        .containsExactly("ASY");
  }
}
