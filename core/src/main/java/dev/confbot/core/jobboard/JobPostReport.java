package dev.confbot.core.jobboard;

import dev.confbot.core.jobs.JobOffer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of a job board run, one entry per offer in file order.
 *
 * @param dryRun true when nothing was posted or recorded
 * @param outcomes what happened to each offer
 * @param reason why the system that stopped the run failed (its {@link
 *     dev.confbot.core.port.GatewayException#reason()}), empty when none did
 */
public record JobPostReport(
    boolean dryRun, List<JobPostOutcome> outcomes, Optional<String> reason) {
  private static final DateTimeFormatter POSTED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public JobPostReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Offers posted by this run (or, in a dry run, that would be posted). */
  public List<JobOffer> posted() {
    return outcomes.stream()
        .filter(
            o ->
                o instanceof JobPostOutcome.Posted
                    || o instanceof JobPostOutcome.WouldPost
                    || o instanceof JobPostOutcome.PostedNotRecorded)
        .map(JobPostOutcome::offer)
        .collect(Collectors.toUnmodifiableList());
  }

  /** True when a system failed during the run. */
  public boolean failed() {
    return outcomes.stream()
        .anyMatch(
            o ->
                o instanceof JobPostOutcome.Unavailable
                    || o instanceof JobPostOutcome.PostedNotRecorded);
  }

  /** One summary line, e.g. {@code Posted 2 job offers; skipped 1 already posted.} */
  public String summary() {
    long already = count(JobPostOutcome.AlreadyPosted.class);
    long duplicates = count(JobPostOutcome.DuplicateInFile.class);
    long unavailable = count(JobPostOutcome.Unavailable.class);
    StringBuilder line = new StringBuilder();
    int n = posted().size();
    line.append(dryRun ? "Dry run: would post " : "Posted ").append(plural(n, "job offer"));
    if (already > 0) {
      line.append("; skipped ").append(already).append(" already posted");
    }
    if (duplicates > 0) {
      line.append("; skipped ").append(plural(duplicates, "duplicate row"));
    }
    if (unavailable > 0) {
      line.append("; ")
          .append(unavailable)
          .append(" not posted because a service failed (run it again later)");
    }
    return line.append('.').toString();
  }

  /** The summary and one line per offer, for the CLI and the organizer's reply. */
  public String describe() {
    StringBuilder out = new StringBuilder(summary());
    for (JobPostOutcome outcome : outcomes) {
      out.append('\n').append(line(outcome));
    }
    return out.toString();
  }

  private static String line(JobPostOutcome outcome) {
    String name = outcome.offer().company() + " — " + outcome.offer().title();
    if (outcome instanceof JobPostOutcome.Posted) {
      return "+ " + name;
    }
    if (outcome instanceof JobPostOutcome.WouldPost) {
      return "+ " + name + " (would post)";
    }
    if (outcome instanceof JobPostOutcome.AlreadyPosted alreadyPosted) {
      return "= " + name + " (posted " + POSTED_AT.format(alreadyPosted.postedAt()) + ")";
    }
    if (outcome instanceof JobPostOutcome.DuplicateInFile) {
      return "= " + name + " (same offer earlier in the file)";
    }
    if (outcome instanceof JobPostOutcome.PostedNotRecorded postedNotRecorded) {
      return "! "
          + name
          + " (posted, but "
          + postedNotRecorded.system()
          + " could not record it: it may be posted again)";
    }
    if (outcome instanceof JobPostOutcome.Unavailable unavailable) {
      return "! " + name + " (not posted: " + unavailable.system() + " unavailable)";
    }
    throw new AssertionError(outcome);
  }

  private long count(Class<? extends JobPostOutcome> type) {
    return outcomes.stream().filter(type::isInstance).count();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
