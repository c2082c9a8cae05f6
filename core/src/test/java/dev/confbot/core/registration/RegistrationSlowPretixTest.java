package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.ALICE;
import static dev.confbot.core.testing.TestData.BOB;
import static dev.confbot.core.testing.TestData.BUSINESS;
import static dev.confbot.core.testing.TestData.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.registration.RegistrationResult.OrderNotFound;
import dev.confbot.core.registration.RegistrationResult.OrderNotPaid;
import dev.confbot.core.registration.RegistrationResult.TicketsUnavailable;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.HangingTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registration while pretix hangs (slow, or waiting out a 429): direct lookups of codes the index
 * does not hold run on their own bounded executor with a deadline, so attendees are answered, the
 * late answer is kept, and indexed tickets never wait. The deadline is injected as zero (the caller
 * gives up at once unless the answer is already there), the hang is a latch: nothing here measures
 * time.
 */
class RegistrationSlowPretixTest {
  private static final Duration NO_WAIT = Duration.ZERO;
  private static final Duration LONG_WAIT = Duration.ofMinutes(1);

  private final TestClock clock = TestClock.atConferenceStart();
  private final FakeTicketSource orders = new FakeTicketSource();
  private final HangingTicketSource pretix = new HangingTicketSource(orders);
  private final TicketIndex index = new TicketIndex();
  private final InMemoryClaimStore claims = new InMemoryClaimStore();
  private final RecordingRoleGateway discord = new RecordingRoleGateway();
  private final RecordingAuditSink audit = new RecordingAuditSink();
  private final ThreadPoolExecutor lookups =
      new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1));
  private final ExecutorService workers = Executors.newFixedThreadPool(4);

  @BeforeEach
  void loadTickets() {
    orders.putAll(TestData.fixtureOrders());
    index.replaceAll(orders.fullSync());
    // bought after the last sync: only a direct lookup finds it
    orders.put(TestData.paid("NEWW7", "Fresh Buyer", BUSINESS));
  }

  @AfterEach
  void stop() {
    pretix.release();
    lookups.shutdownNow();
    workers.shutdownNow();
  }

  private RegistrationService service(Duration deadline) {
    return new RegistrationService(
        new OrderLookup(index, pretix, clock, lookups, deadline, Duration.ofSeconds(30)),
        claims,
        discord,
        TestData.roleMapping(),
        audit,
        new InMemoryAttemptLog(),
        clock,
        RegistrationSettings.defaults(),
        RegistrationMessages.ENGLISH);
  }

  /** Waits for the lookups already handed to the executor, the late ones included. */
  private void awaitLateAnswers() throws InterruptedException {
    lookups.shutdown();
    assertThat(lookups.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void answersCantVerifyWhilePretixHangsAndIndexedTicketsStillRegister() throws Exception {
    // given
    RegistrationService service = service(NO_WAIT);
    // when
    RegistrationResult missed = service.register(ALICE, "NEWW7", "Fresh Buyer");
    pretix.awaitEntered(1);
    RegistrationResult indexed = service.register(BOB, "TYJEL", "Paula Larsen");
    // then: the lookup still hangs, and both attendees have their answer
    assertThat(pretix.hanging()).isEqualTo(1);
    assertThat(missed).isEqualTo(new TicketsUnavailable("pretix"));
    assertThat(missed.message())
        .isEqualTo("We can't verify tickets right now, please retry in a few minutes.");
    assertThat(indexed.code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(audit.alerts()).singleElement().asString().contains("pretix is unavailable");
  }

  @Test
  void keepsTheLateAnswerInTheIndexWithoutAnsweringTwice() throws Exception {
    // given
    RegistrationService service = service(NO_WAIT);
    service.register(ALICE, "NEWW7", "Fresh Buyer");
    pretix.awaitEntered(1);
    // when: pretix answers after the attendee was told to retry
    pretix.release();
    awaitLateAnswers();
    RegistrationResult retry = service.register(ALICE, "NEWW7", "Fresh Buyer");
    // then: the retry is answered from the index, pretix was asked once, one line per attempt
    assertThat(retry.code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(index.find(new OrderCode("NEWW7"))).isPresent();
    assertThat(orders.lookups()).isEqualTo(1);
    assertThat(audit.lines()).hasSize(2);
  }

  @Test
  void keepsALateUnknownInTheNegativeCache() throws Exception {
    // given
    RegistrationService service = service(NO_WAIT);
    service.register(ALICE, "ZZZZZ", "Paula Larsen");
    pretix.awaitEntered(1);
    // when
    pretix.release();
    awaitLateAnswers();
    RegistrationResult retry = service.register(ALICE, "ZZZZZ", "Paula Larsen");
    // then: answered from the cache (the executor is shut down: another lookup would fail)
    assertThat(retry).isEqualTo(new OrderNotFound(new OrderCode("ZZZZZ")));
    assertThat(orders.lookups()).isEqualTo(1);
  }

  @Test
  void joinsTheRunningLookupWhenTheSameCodeIsSubmittedAgain() throws Exception {
    // given
    RegistrationService service = service(NO_WAIT);
    service.register(ALICE, "ZZZZZ", "Paula Larsen");
    pretix.awaitEntered(1);
    // when
    service.register(ALICE, "ZZZZZ", "Paula Larsen");
    service.register(BOB, "zzzzz", "Paula Larsen");
    pretix.release();
    awaitLateAnswers();
    // then
    assertThat(orders.lookups()).isEqualTo(1);
  }

  @Test
  void answersAtOnceWhenTheLookupQueueIsFull() throws Exception {
    // given: one lookup running (hanging) and one queued, their attendees waiting
    RegistrationService service = service(LONG_WAIT);
    Future<RegistrationResult> running =
        workers.submit(() -> service.register(ALICE, "NEWW7", "Fresh Buyer"));
    pretix.awaitEntered(1);
    Future<RegistrationResult> queued =
        workers.submit(() -> service.register(BOB, "ZZZZZ", "Paula Larsen"));
    awaitQueued(1);
    // when: a third code finds the executor full
    Future<RegistrationResult> third =
        workers.submit(() -> service.register(CAROL, "YYYYY", "Paula Larsen"));
    RegistrationResult refused = third.get(30, TimeUnit.SECONDS);
    // then: refused at once, while the other two still wait; they get pretix's answer
    assertThat(refused).isEqualTo(new TicketsUnavailable("pretix"));
    assertThat(running.isDone()).isFalse();
    pretix.release();
    assertThat(running.get(30, TimeUnit.SECONDS).code()).isEqualTo(OutcomeCode.REGISTERED);
    assertThat(queued.get(30, TimeUnit.SECONDS))
        .isEqualTo(new OrderNotFound(new OrderCode("ZZZZZ")));
  }

  @Test
  void alertsOrganizersOnceNotForEveryAttemptThatTimedOut() throws Exception {
    // given
    RegistrationService service = service(NO_WAIT);
    // when: many attendees, each with another code, while pretix hangs
    List<RegistrationResult> results = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      results.add(
          service.register(new MemberId(7000 + i), "ZZZ" + (char) ('A' + i) + "Z", "Someone"));
    }
    // then
    assertThat(results).allMatch(r -> r.code() == OutcomeCode.TICKETS_UNAVAILABLE);
    assertThat(audit.lines()).hasSize(12);
    assertThat(audit.alerts()).hasSize(1);
  }

  @Test
  void answersAPendingOrderFromTheIndexWhenItsRefreshTimesOut() throws Exception {
    // given
    RegistrationService service = service(NO_WAIT);
    // when
    RegistrationResult pending = service.register(ALICE, "FAM9F", "Nils Notpaid");
    // then
    assertThat(pending).isEqualTo(new OrderNotPaid(new OrderCode("FAM9F"), OrderStatus.PENDING));
    assertThat(audit.alerts()).isEmpty();
  }

  @Test
  void answersAnUnknownCodeWithinTheDefaultDeadlineOfTheSimpleConstructor() throws Exception {
    // given: the service as the one-shot commands build it (own lookup executor, 3 s deadline)
    RegistrationService service =
        new RegistrationService(
            index,
            pretix,
            claims,
            discord,
            TestData.roleMapping(),
            audit,
            clock,
            RegistrationSettings.defaults(),
            RegistrationMessages.ENGLISH);
    // when: pretix never answers while the attendee waits
    Future<RegistrationResult> missed =
        workers.submit(() -> service.register(ALICE, "NEWW7", "Fresh Buyer"));
    // then: the attendee is answered although the lookup still hangs
    assertThat(missed.get(30, TimeUnit.SECONDS)).isEqualTo(new TicketsUnavailable("pretix"));
    assertThat(pretix.hanging()).isEqualTo(1);
  }

  @Test
  void submitFreesTheCallingThreadWhilePretixHangsAndContinuesOnTheGivenExecutor()
      throws Exception {
    // given: a generous deadline, and an executor that keeps what it is given
    RegistrationService service = service(LONG_WAIT);
    BlockingQueue<Runnable> continued = new LinkedBlockingQueue<>();
    // when: a code the index lacks, then an indexed one, from the same (calling) thread
    CompletableFuture<RegistrationResult> missed =
        service.submit(ALICE, "NEWW7", "Fresh Buyer", continued::add);
    pretix.awaitEntered(1);
    CompletableFuture<RegistrationResult> indexed =
        service.submit(BOB, "TYJEL", "Paula Larsen", continued::add);
    // then: the indexed ticket is registered at once; the miss waits for pretix, not the thread
    assertThat(indexed.getNow(null))
        .extracting(RegistrationResult::code)
        .isEqualTo(OutcomeCode.REGISTERED);
    assertThat(missed).isNotDone();
    assertThat(continued).isEmpty();
    // when: pretix answers, the rest of the registration is handed to the executor
    pretix.release();
    Runnable rest = continued.poll(30, TimeUnit.SECONDS);
    assertThat(rest).isNotNull();
    assertThat(missed).isNotDone();
    rest.run();
    // then
    assertThat(missed.getNow(null))
        .extracting(RegistrationResult::code)
        .isEqualTo(OutcomeCode.REGISTERED);
    assertThat(discord.rolesOf(ALICE)).isNotEmpty();
  }

  @Test
  void aRefusedContinuationFailsTheSubmissionWithoutCountingIt() throws Exception {
    // given: an executor that refuses (full, or the bot stopping)
    RegistrationService service = service(LONG_WAIT);
    Executor refusing =
        task -> {
          throw new RejectedExecutionException("stopping");
        };
    // when
    CompletableFuture<RegistrationResult> missed =
        service.submit(ALICE, "NEWW7", "Fresh Buyer", refusing);
    pretix.awaitEntered(1);
    pretix.release();
    // then: the caller learns that nothing happened; no outcome, no audit line, no roles
    assertThatThrownBy(() -> missed.get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(RejectedExecutionException.class);
    assertThat(audit.lines()).isEmpty();
    assertThat(discord.rolesOf(ALICE)).isEmpty();
    assertThat(claims.all()).isEmpty();
    for (OutcomeCode code : OutcomeCode.values()) {
      assertThat(service.outcomeCount(code)).isZero();
    }
  }

  private void awaitQueued(int count) throws InterruptedException {
    for (int i = 0; i < 3000 && lookups.getQueue().size() < count; i++) {
      Thread.sleep(10);
    }
    assertThat(lookups.getQueue()).hasSize(count);
  }
}
