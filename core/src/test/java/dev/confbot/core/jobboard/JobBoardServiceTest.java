package dev.confbot.core.jobboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.jobs.InMemoryJobLedger;
import dev.confbot.core.jobs.JobEmbed;
import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.JobOffer;
import dev.confbot.core.jobs.PostedJob;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.JobPoster;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobBoardServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final JobOffer ACME = offer("ACME", "Dev", "https://acme.example/1");
  private static final JobOffer BETA = offer("Beta", "Ops", "https://beta.example/1");
  private static final JobOffer GAMMA = offer("Gamma", "QA", "https://gamma.example/1");

  private final RecordingPoster poster = new RecordingPoster();
  private final InMemoryJobLedger ledger = new InMemoryJobLedger();
  private final JobBoardService service =
      new JobBoardService(poster, Clock.fixed(NOW, ZoneOffset.UTC));

  private static JobOffer offer(String company, String title, String link) {
    return new JobOffer(company, title, URI.create(link), "Text of " + title, null);
  }

  @Test
  void postsEveryNewOfferAndRecordsIt() {
    // when
    JobPostReport report = service.post(List.of(ACME, BETA), ledger, false);
    // then
    assertThat(poster.posted).extracting(JobEmbed::title).containsExactly("Dev", "Ops");
    assertThat(report.outcomes())
        .containsExactly(
            new JobPostOutcome.Posted(ACME, NOW), new JobPostOutcome.Posted(BETA, NOW));
    assertThat(ledger.find(ACME.key())).map(PostedJob::postedAt).contains(NOW);
    assertThat(report.summary()).isEqualTo("Posted 2 job offers.");
  }

  @Test
  void neverRepostsWhatTheLedgerKnows() {
    // given
    service.post(List.of(ACME), ledger, false);
    poster.posted.clear();
    // when
    JobPostReport report = service.post(List.of(ACME, BETA), ledger, false);
    // then
    assertThat(poster.posted).extracting(JobEmbed::title).containsExactly("Ops");
    assertThat(report.outcomes().get(0)).isEqualTo(new JobPostOutcome.AlreadyPosted(ACME, NOW));
    assertThat(report.posted()).containsExactly(BETA);
    assertThat(report.summary()).isEqualTo("Posted 1 job offer; skipped 1 already posted.");
  }

  @Test
  void dryRunNeitherPostsNorRecords() {
    // given
    ledger.record(new PostedJob(ACME.key(), "ACME", "Dev", NOW.minusSeconds(86_400)));
    // when
    JobPostReport report = service.post(List.of(ACME, BETA), ledger, true);
    // then
    assertThat(poster.posted).isEmpty();
    assertThat(ledger.find(BETA.key())).isEmpty();
    assertThat(report.posted()).containsExactly(BETA);
    assertThat(report.describe())
        .isEqualTo(
            "Dry run: would post 1 job offer; skipped 1 already posted.\n"
                + "= ACME — Dev (posted 2026-11-25 10:00 UTC)\n"
                + "+ Beta — Ops (would post)");
  }

  @Test
  void postsARepeatedRowOnlyOnce() {
    // given
    JobOffer sameWithOtherCase = offer("acme", "DEV", "https://acme.example/1");
    // when
    JobPostReport report = service.post(List.of(ACME, sameWithOtherCase), ledger, false);
    // then
    assertThat(poster.posted).hasSize(1);
    assertThat(report.outcomes().get(1)).isInstanceOf(JobPostOutcome.DuplicateInFile.class);
    assertThat(report.summary()).isEqualTo("Posted 1 job offer; skipped 1 duplicate row.");
  }

  @Test
  void stopsAtTheFirstPostingFailureSoThatARetryPostsTheRest() {
    // given
    poster.failOn = Optional.of("Ops");
    // when
    JobPostReport first = service.post(List.of(ACME, BETA, GAMMA), ledger, false);
    poster.failOn = Optional.empty();
    JobPostReport retry = service.post(List.of(ACME, BETA, GAMMA), ledger, false);
    // then
    assertThat(first.outcomes())
        .containsExactly(
            new JobPostOutcome.Posted(ACME, NOW),
            new JobPostOutcome.Unavailable(BETA, "discord"),
            new JobPostOutcome.Unavailable(GAMMA, "discord"));
    assertThat(first.failed()).isTrue();
    assertThat(first.summary())
        .isEqualTo(
            "Posted 1 job offer; 2 not posted because a service failed (run it again later).");
    assertThat(first.reason()).contains("HTTP 503");
    assertThat(retry.posted()).containsExactly(BETA, GAMMA);
    assertThat(retry.reason()).isEmpty();
    assertThat(poster.posted).extracting(JobEmbed::title).containsExactly("Dev", "Ops", "QA");
  }

  @Test
  void reportsAPostingTheLedgerCouldNotRecord() {
    // given
    JobLedger broken =
        new JobLedger() {
          @Override
          public Optional<PostedJob> find(JobKey key) {
            return Optional.empty();
          }

          @Override
          public void record(PostedJob posted) {
            throw new GatewayException("sqlite", "disk full", null);
          }

          @Override
          public List<PostedJob> all() {
            return List.of();
          }
        };
    // when
    JobPostReport report = service.post(List.of(ACME, BETA), broken, false);
    // then
    assertThat(report.outcomes())
        .containsExactly(
            new JobPostOutcome.PostedNotRecorded(ACME, NOW, "sqlite"),
            new JobPostOutcome.Unavailable(BETA, "sqlite"));
    assertThat(report.describe())
        .contains("! ACME — Dev (posted, but sqlite could not record it: it may be posted again)")
        .contains("! Beta — Ops (not posted: sqlite unavailable)");
    assertThat(report.reason()).contains("disk full");
  }

  @Test
  void reportsALedgerThatCannotBeRead() {
    // given
    JobLedger unreadable =
        new JobLedger() {
          @Override
          public Optional<PostedJob> find(JobKey key) {
            throw new GatewayException("sqlite", "locked", null);
          }

          @Override
          public void record(PostedJob posted) {}

          @Override
          public List<PostedJob> all() {
            return List.of();
          }
        };
    // when
    JobPostReport report = service.post(List.of(ACME), unreadable, true);
    // then
    assertThat(report.outcomes()).containsExactly(new JobPostOutcome.Unavailable(ACME, "sqlite"));
    assertThat(report.reason()).contains("locked");
    assertThat(poster.posted).isEmpty();
  }

  private static final class RecordingPoster implements JobPoster {
    final List<JobEmbed> posted = new ArrayList<>();
    Optional<String> failOn = Optional.empty();

    @Override
    public void post(JobEmbed embed) {
      if (failOn.isPresent() && failOn.get().equals(embed.title())) {
        throw new GatewayException("discord", "HTTP 503", null);
      }
      posted.add(embed);
    }
  }
}
