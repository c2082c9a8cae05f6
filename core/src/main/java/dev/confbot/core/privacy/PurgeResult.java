package dev.confbot.core.privacy;

import dev.confbot.core.port.PersonalData.Counts;
import java.time.Instant;
import java.util.Optional;

/** What {@link PurgeService} did. */
public sealed interface PurgeResult {

  /**
   * Everything is deleted.
   *
   * @param deleted what was deleted, by category
   * @param early true when it was forced before the retention period was over (or without one)
   */
  record Purged(Counts deleted, boolean early) implements PurgeResult {}

  /**
   * Nothing was deleted: the retention period is not over, or no period is configured.
   *
   * @param purgeFrom when a purge is allowed; empty when {@code privacy.keep_until} is not set
   * @param kept what is kept now
   */
  record Refused(Optional<Instant> purgeFrom, Counts kept) implements PurgeResult {}

  /**
   * A dry run: nothing was deleted.
   *
   * @param kept what a purge would delete now
   * @param purgeFrom when a purge is allowed without forcing it; empty when no period is set
   * @param allowed whether a purge would run now without forcing it
   */
  record DryRun(Counts kept, Optional<Instant> purgeFrom, boolean allowed) implements PurgeResult {}
}
