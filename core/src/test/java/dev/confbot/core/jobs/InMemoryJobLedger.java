package dev.confbot.core.jobs;

import dev.confbot.core.port.JobLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link JobLedger} in memory, for tests (core's test jar); forgets on restart. */
public final class InMemoryJobLedger implements JobLedger {
  private final Map<JobKey, PostedJob> posted = new ConcurrentHashMap<>();

  @Override
  public Optional<PostedJob> find(JobKey key) {
    return Optional.ofNullable(posted.get(key));
  }

  @Override
  public void record(PostedJob job) {
    posted.putIfAbsent(job.key(), job);
  }

  @Override
  public List<PostedJob> all() {
    List<PostedJob> all = new ArrayList<>(posted.values());
    all.sort(Comparator.comparing(PostedJob::postedAt).thenComparing(j -> j.key().value()));
    return List.copyOf(all);
  }
}
