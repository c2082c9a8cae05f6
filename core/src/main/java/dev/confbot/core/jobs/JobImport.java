package dev.confbot.core.jobs;

import java.util.List;

/** The outcome of reading a job board CSV: every offer, or every problem (then no offer). */
public sealed interface JobImport {

  /** The file is valid; offers in file order. */
  record Loaded(List<JobOffer> offers) implements JobImport {
    public Loaded {
      offers = List.copyOf(offers);
    }
  }

  /** The file has problems, in file order; nothing should be posted. */
  record Rejected(List<JobCsvProblem> problems) implements JobImport {
    public Rejected {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("a rejected import names at least one problem");
      }
    }
  }
}
