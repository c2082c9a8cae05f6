package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.BUSINESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.HangingTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RegistrationConcurrencyTest {
  private static final int THREADS = 8;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @RepeatedTest(20)
  void exactlyOneOfConcurrentSubmissionsForOneTicketWins() throws Exception {
    // given
    FakeTicketSource pretix = new FakeTicketSource();
    pretix.put(TestData.paid("TYJEL", "Paula Larsen", BUSINESS));
    TicketIndex index = new TicketIndex();
    index.replaceAll(pretix.fullSync());
    InMemoryClaimStore claims = new InMemoryClaimStore();
    RecordingRoleGateway discord = new RecordingRoleGateway();
    RegistrationService service =
        new RegistrationService(
            index,
            pretix,
            claims,
            discord,
            TestData.roleMapping(),
            new RecordingAuditSink(),
            TestClock.atConferenceStart(),
            RegistrationSettings.defaults(),
            RegistrationMessages.ENGLISH);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RegistrationResult>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      MemberId member = new MemberId(5000 + i);
      Callable<RegistrationResult> submit =
          () -> {
            start.await();
            return service.register(member, "TYJEL", "Paula Larsen");
          };
      futures.add(pool.submit(submit));
    }
    // when
    start.countDown();
    List<RegistrationResult> results = new ArrayList<>();
    for (Future<RegistrationResult> f : futures) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    // then
    assertThat(results).filteredOn(r -> r.code() == OutcomeCode.REGISTERED).hasSize(1);
    assertThat(results)
        .filteredOn(r -> r.code() == OutcomeCode.CLAIMED_BY_OTHER)
        .hasSize(THREADS - 1);
    MemberId winner =
        claims.claimOf(new PositionKey(new OrderCode("TYJEL"), 1)).orElseThrow().member();
    assertThat(discord.grants()).singleElement().extracting(g -> g.member()).isEqualTo(winner);
  }

  @Test
  void concurrentFailedAttemptsOfOneAccountNeverGetPastTheLimit() throws Exception {
    // given: pretix hangs on the (mistyped) code, so every attempt is in flight at once
    FakeTicketSource orders = new FakeTicketSource();
    HangingTicketSource pretix = new HangingTicketSource(orders);
    RegistrationService service =
        new RegistrationService(
            new TicketIndex(),
            pretix,
            new InMemoryClaimStore(),
            new RecordingRoleGateway(),
            TestData.roleMapping(),
            new RecordingAuditSink(),
            TestClock.atConferenceStart(),
            RegistrationSettings.defaults(),
            RegistrationMessages.ENGLISH);
    int submissions = 40;
    int allowed = RegistrationSettings.defaults().maxFailedAttempts();
    ExecutorService many = Executors.newFixedThreadPool(submissions);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger done = new AtomicInteger();
      List<Future<RegistrationResult>> futures = new ArrayList<>();
      for (int i = 0; i < submissions; i++) {
        futures.add(
            many.submit(
                () -> {
                  start.await();
                  RegistrationResult r = service.register(new MemberId(4242), "WRONG", "Someone");
                  done.incrementAndGet();
                  return r;
                }));
      }
      // when: all submit at once; pretix answers once the others have been turned away
      start.countDown();
      for (int i = 0; i < 1000 && done.get() < submissions - allowed; i++) {
        Thread.sleep(10);
      }
      pretix.release();
      List<RegistrationResult> results = new ArrayList<>();
      for (Future<RegistrationResult> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      // then
      assertThat(results)
          .filteredOn(r -> r.code() == OutcomeCode.TOO_MANY_ATTEMPTS)
          .hasSize(submissions - allowed);
    } finally {
      pretix.release();
      many.shutdownNow();
    }
  }

  @Test
  void aRestartedServiceKeepsCountingTheFailedAttemptsOfTheRunBefore() {
    // given
    TestClock clock = TestClock.atConferenceStart();
    AttemptLog kept = new InMemoryAttemptLog();
    TicketIndex index = new TicketIndex();
    FakeTicketSource pretix = new FakeTicketSource();
    MemberId guesser = new MemberId(4343);
    RegistrationService before = serviceOn(index, pretix, kept, clock);
    for (int i = 0; i < RegistrationSettings.defaults().maxFailedAttempts(); i++) {
      assertThat(before.register(guesser, "GUESS" + i, "Someone").code())
          .isEqualTo(OutcomeCode.ORDER_NOT_FOUND);
    }
    // when: the bot restarts
    RegistrationService after = serviceOn(index, pretix, kept, clock);
    RegistrationResult next = after.register(guesser, "GUESSX", "Someone");
    // then
    assertThat(next.code()).isEqualTo(OutcomeCode.TOO_MANY_ATTEMPTS);
    clock.advance(RegistrationSettings.defaults().failedAttemptWindow());
    assertThat(serviceOn(index, pretix, kept, clock).register(guesser, "GUESSY", "Someone").code())
        .isEqualTo(OutcomeCode.ORDER_NOT_FOUND);
  }

  private static RegistrationService serviceOn(
      TicketIndex index, FakeTicketSource pretix, AttemptLog attempts, TestClock clock) {
    return new RegistrationService(
        OrderLookup.start(index, pretix, clock, OrderLookup.Settings.defaults()),
        new InMemoryClaimStore(),
        new RecordingRoleGateway(),
        TestData.roleMapping(),
        new RecordingAuditSink(),
        attempts,
        clock,
        RegistrationSettings.defaults(),
        RegistrationMessages.ENGLISH);
  }

  @Test
  void aMembersSecondSubmissionNeverLosesTheClaimToTheFirstOnesFailure() throws Exception {
    // given: the first submission's role update hangs and then fails; later ones succeed
    FakeTicketSource pretix = new FakeTicketSource();
    pretix.put(TestData.paid("TYJEL", "Paula Larsen", BUSINESS));
    TicketIndex index = new TicketIndex();
    index.replaceAll(pretix.fullSync());
    InMemoryClaimStore claims = new InMemoryClaimStore();
    FirstGrantFails discord = new FirstGrantFails();
    RegistrationService service =
        new RegistrationService(
            index,
            pretix,
            claims,
            discord,
            TestData.roleMapping(),
            new RecordingAuditSink(),
            TestClock.atConferenceStart(),
            RegistrationSettings.defaults(),
            RegistrationMessages.ENGLISH);
    MemberId paula = new MemberId(4444);
    Future<RegistrationResult> first =
        pool.submit(() -> service.register(paula, "TYJEL", "Paula Larsen"));
    assertThat(discord.firstEntered.await(30, TimeUnit.SECONDS)).isTrue();
    // when: the same member submits again while the first still applies roles
    Thread second =
        new Thread(() -> secondResult[0] = service.register(paula, "TYJEL", "Paula Larsen"));
    second.start();
    awaitWaitingOrDone(second);
    discord.failFirst.countDown();
    second.join(30_000);
    // then: whatever the order, the member ends with the claim confirmed and the roles
    assertThat(first.get(30, TimeUnit.SECONDS).code()).isEqualTo(OutcomeCode.TICKETS_UNAVAILABLE);
    assertThat(claims.claimOf(new PositionKey(new OrderCode("TYJEL"), 1)))
        .hasValueSatisfying(
            c -> {
              assertThat(c.member()).isEqualTo(paula);
              assertThat(c.confirmed()).isTrue();
            });
    assertThat(secondResult[0]).isNotNull();
    assertThat(secondResult[0].code()).isEqualTo(OutcomeCode.REGISTERED);
  }

  private final RegistrationResult[] secondResult = new RegistrationResult[1];

  /** Waits until the thread is parked (e.g. on a lock) or has finished. */
  private static void awaitWaitingOrDone(Thread thread) throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      Thread.State state = thread.getState();
      if (state == Thread.State.WAITING
          || state == Thread.State.TIMED_WAITING
          || state == Thread.State.TERMINATED) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("second submission neither waited nor finished");
  }

  /** Role updates that succeed, except the first, which waits for the test and then fails. */
  private static final class FirstGrantFails implements RoleGateway {
    private final RecordingRoleGateway recording = new RecordingRoleGateway();
    final CountDownLatch firstEntered = new CountDownLatch(1);
    final CountDownLatch failFirst = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void grant(MemberId member, Set<RoleRef> granted, Optional<String> nickname) {
      if (calls.incrementAndGet() == 1) {
        firstEntered.countDown();
        try {
          failFirst.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new GatewayException("discord", "role update failed", null);
      }
      recording.grant(member, granted, nickname);
    }

    @Override
    public void revoke(MemberId member, Set<RoleRef> removed) {
      recording.revoke(member, removed);
    }

    @Override
    public Optional<Set<RoleRef>> rolesHeld(MemberId member, Set<RoleRef> roles) {
      return recording.rolesHeld(member, roles);
    }
  }
}
