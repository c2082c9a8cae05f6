package dev.confbot.core.jobboard;

import dev.confbot.core.jobs.JobOffer;
import java.time.Instant;

/** What happened to one offer of a job board run. */
public sealed interface JobPostOutcome {

  /** The offer concerned. */
  JobOffer offer();

  /** Posted now and recorded in the ledger. */
  record Posted(JobOffer offer, Instant at) implements JobPostOutcome {}

  /** A dry run: this offer would be posted. */
  record WouldPost(JobOffer offer) implements JobPostOutcome {}

  /** Skipped: the ledger says it was posted before. */
  record AlreadyPosted(JobOffer offer, Instant postedAt) implements JobPostOutcome {}

  /** Skipped: an earlier row of the same file is the same offer (same company, title, link). */
  record DuplicateInFile(JobOffer offer) implements JobPostOutcome {}

  /**
   * Posted, but the ledger could not record it: it may be posted again by a later run.
   *
   * @param system the store that failed
   */
  record PostedNotRecorded(JobOffer offer, Instant at, String system) implements JobPostOutcome {}

  /**
   * Not posted because a system failed (on this offer or an earlier one); a later run retries it.
   *
   * @param system the system that failed, e.g. {@code "discord"}
   */
  record Unavailable(JobOffer offer, String system) implements JobPostOutcome {}
}
