package dev.confbot.core.registration;

import static dev.confbot.core.testing.TestData.BUSINESS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.RecordingAuditSink;
import dev.confbot.core.testing.RecordingRoleGateway;
import dev.confbot.core.testing.TestClock;
import dev.confbot.core.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;

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
}
