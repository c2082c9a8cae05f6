package dev.confbot.core.privacy;

import static dev.confbot.core.testing.TestData.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.PersonalData.Category;
import dev.confbot.core.registration.InMemoryClaimStore;
import dev.confbot.core.testing.FakePersonalData;
import dev.confbot.core.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurgeServiceTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final LocalDate KEEP_UNTIL = LocalDate.parse("2026-08-31");

  /** Midnight at the end of 31 August in Prague (CEST, UTC+2). */
  private static final Instant PURGE_FROM = Instant.parse("2026-08-31T22:00:00Z");

  private final TestClock clock = new TestClock(PURGE_FROM.minusSeconds(1));
  private final InMemoryClaimStore claims = new InMemoryClaimStore();
  private final FakePersonalData data = new FakePersonalData(claims);
  private final PurgeService service =
      new PurgeService(data, Optional.of(KEEP_UNTIL), PRAGUE, clock);

  @BeforeEach
  void keepSomeData() {
    PositionKey key = new PositionKey(new OrderCode("TYJEL"), 1);
    claims.reserve(key, ALICE, clock.instant());
    claims.confirm(key, ALICE, clock.instant());
    data.addReminders(ALICE, 2);
    data.addFailedAttempts(ALICE, 3);
    data.snapshotOrders(40);
  }

  @Test
  void thePurgeIsAllowedFromMidnightAfterTheLastDayInTheEventsZone() {
    assertThat(PurgeService.purgeFrom(KEEP_UNTIL, PRAGUE)).isEqualTo(PURGE_FROM);
    assertThat(service.due()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(service.due()).isTrue();
  }

  @Test
  void refusesBeforeTheRetentionPeriodIsOverAndDeletesNothing() {
    // when
    PurgeResult result = service.purge(false);
    // then
    assertThat(result).isInstanceOf(PurgeResult.Refused.class);
    PurgeResult.Refused refused = (PurgeResult.Refused) result;
    assertThat(refused.purgeFrom()).contains(PURGE_FROM);
    assertThat(refused.kept().total()).isEqualTo(1 + 2 + 3 + 40);
    assertThat(data.count().total()).isEqualTo(46);
  }

  @Test
  void purgesEverythingOnceTheRetentionPeriodIsOver() {
    // given
    clock.set(PURGE_FROM);
    // when
    PurgeResult result = service.purge(false);
    // then
    assertThat(result).isInstanceOf(PurgeResult.Purged.class);
    PurgeResult.Purged purged = (PurgeResult.Purged) result;
    assertThat(purged.early()).isFalse();
    assertThat(purged.deleted().of(Category.CLAIMS)).isEqualTo(1);
    assertThat(purged.deleted().of(Category.REMINDERS)).isEqualTo(2);
    assertThat(purged.deleted().of(Category.FAILED_ATTEMPTS)).isEqualTo(3);
    assertThat(purged.deleted().of(Category.TICKET_SNAPSHOT)).isEqualTo(40);
    assertThat(data.count().total()).isZero();
    assertThat(claims.all()).isEmpty();
  }

  @Test
  void purgesEarlyWhenForced() {
    // when
    PurgeResult result = service.purge(true);
    // then
    assertThat(result).isInstanceOf(PurgeResult.Purged.class);
    assertThat(((PurgeResult.Purged) result).early()).isTrue();
    assertThat(data.count().total()).isZero();
  }

  @Test
  void refusesWithoutARetentionDateUnlessForced() {
    // given
    PurgeService unset = new PurgeService(data, Optional.empty(), PRAGUE, clock);
    // when
    PurgeResult refused = unset.purge(false);
    // then
    assertThat(refused).isEqualTo(new PurgeResult.Refused(Optional.empty(), data.count()));
    assertThat(data.count().total()).isEqualTo(46);
    assertThat(unset.purge(true)).isInstanceOf(PurgeResult.Purged.class);
    assertThat(data.count().total()).isZero();
  }

  @Test
  void aDryRunCountsAndDeletesNothing() {
    // given
    clock.set(PURGE_FROM.plusSeconds(3600));
    // when
    PurgeResult result = service.dryRun();
    // then
    assertThat(result)
        .isEqualTo(new PurgeResult.DryRun(data.count(), Optional.of(PURGE_FROM), true));
    assertThat(data.count().total()).isEqualTo(46);
  }
}
