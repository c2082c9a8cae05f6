package dev.confbot.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.PostedJob;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JobLedger} must have. Store adapters extend it (it ships in core's
 * test jar) and provide a fresh, empty ledger.
 */
public abstract class JobLedgerContract {
  private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
  private static final JobKey ACME = JobKey.of("ACME", "Dev", URI.create("https://acme.example/1"));
  private static final JobKey BETA = JobKey.of("Beta", "Ops", URI.create("https://beta.example/1"));

  private JobLedger ledger;

  /** A new, empty ledger. */
  protected abstract JobLedger newLedger();

  @BeforeEach
  void createLedger() {
    ledger = newLedger();
  }

  @Test
  void knowsNothingAtFirst() {
    assertThat(ledger.find(ACME)).isEmpty();
    assertThat(ledger.all()).isEmpty();
  }

  @Test
  void findsWhatWasRecorded() {
    // given
    PostedJob posted = new PostedJob(ACME, "ACME", "Dev", MONDAY);
    // when
    ledger.record(posted);
    // then
    assertThat(ledger.find(ACME)).contains(posted);
    assertThat(ledger.find(BETA)).isEmpty();
  }

  @Test
  void keepsTheFirstPostingWhenRecordedAgain() {
    // given
    ledger.record(new PostedJob(ACME, "ACME", "Dev", MONDAY));
    // when
    ledger.record(new PostedJob(ACME, "ACME", "Dev", TUESDAY));
    // then
    assertThat(ledger.find(ACME)).map(PostedJob::postedAt).contains(MONDAY);
    assertThat(ledger.all()).hasSize(1);
  }

  @Test
  void listsPostingsOldestFirst() {
    // given
    ledger.record(new PostedJob(BETA, "Beta", "Ops", TUESDAY));
    ledger.record(new PostedJob(ACME, "ACME", "Dev", MONDAY));
    // then
    assertThat(ledger.all()).extracting(PostedJob::key).containsExactly(ACME, BETA);
  }
}
