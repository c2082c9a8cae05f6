package dev.confbot.core.jobboard;

import dev.confbot.core.jobs.JobEmbed;
import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.JobOffer;
import dev.confbot.core.jobs.PostedJob;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.JobLedger;
import dev.confbot.core.port.JobPoster;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Posts job offers that the ledger does not know yet, each once. An offer is recorded right after
 * it was posted; if posting fails the run stops and the remaining offers are reported as not
 * posted, so running it again later posts exactly those. Not safe for two concurrent runs against
 * the same ledger (the organizer command runs one at a time).
 */
public final class JobBoardService {
  private final JobPoster poster;
  private final Clock clock;

  public JobBoardService(JobPoster poster, Clock clock) {
    this.poster = poster;
    this.clock = clock;
  }

  /**
   * Posts (or, with {@code dryRun}, only plans) the offers in order, skipping those the ledger
   * knows and repeated rows of the same offer. A dry run neither posts nor records.
   */
  public JobPostReport post(List<JobOffer> offers, JobLedger ledger, boolean dryRun) {
    List<JobPostOutcome> outcomes = new ArrayList<>();
    Set<JobKey> seen = new HashSet<>();
    Optional<GatewayException> failure = Optional.empty();
    for (JobOffer offer : offers) {
      JobKey key = offer.key();
      if (!seen.add(key)) {
        outcomes.add(new JobPostOutcome.DuplicateInFile(offer));
      } else if (failure.isPresent()) {
        outcomes.add(new JobPostOutcome.Unavailable(offer, failure.get().system()));
      } else {
        Attempt attempt = postOne(offer, key, ledger, dryRun);
        outcomes.add(attempt.outcome());
        failure = attempt.failure();
      }
    }
    return new JobPostReport(dryRun, outcomes, failure.map(GatewayException::reason));
  }

  /** One offer's outcome and the failure that stops the run, if a system failed. */
  private record Attempt(JobPostOutcome outcome, Optional<GatewayException> failure) {
    Attempt(JobPostOutcome outcome) {
      this(outcome, Optional.empty());
    }

    Attempt(JobPostOutcome outcome, GatewayException e) {
      this(outcome, Optional.of(e));
    }
  }

  private Attempt postOne(JobOffer offer, JobKey key, JobLedger ledger, boolean dryRun) {
    Optional<PostedJob> earlier;
    try {
      earlier = ledger.find(key);
    } catch (GatewayException e) {
      return new Attempt(new JobPostOutcome.Unavailable(offer, e.system()), e);
    }
    if (earlier.isPresent()) {
      return new Attempt(new JobPostOutcome.AlreadyPosted(offer, earlier.get().postedAt()));
    }
    if (dryRun) {
      return new Attempt(new JobPostOutcome.WouldPost(offer));
    }
    try {
      poster.post(JobEmbed.of(offer));
    } catch (GatewayException e) {
      return new Attempt(new JobPostOutcome.Unavailable(offer, e.system()), e);
    }
    Instant now = clock.instant();
    try {
      ledger.record(new PostedJob(key, offer.company(), offer.title(), now));
    } catch (GatewayException e) {
      return new Attempt(new JobPostOutcome.PostedNotRecorded(offer, now, e.system()), e);
    }
    return new Attempt(new JobPostOutcome.Posted(offer, now));
  }
}
