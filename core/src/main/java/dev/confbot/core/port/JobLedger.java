package dev.confbot.core.port;

import dev.confbot.core.jobs.JobKey;
import dev.confbot.core.jobs.PostedJob;
import java.util.List;
import java.util.Optional;

/**
 * Remembers which job offers were posted, so that posting the same CSV again (or after a restart)
 * never reposts. Persistent implementations live in a store adapter; all methods throw {@link
 * dev.confbot.core.port.GatewayException} when the store fails. Safe for concurrent use.
 */
public interface JobLedger {

  /** The posting of the offer with this key, if it was posted. */
  Optional<PostedJob> find(JobKey key);

  /**
   * Records a posting. Recording a key that is already recorded keeps the first record, so the
   * original posting time survives.
   */
  void record(PostedJob posted);

  /** Every recorded posting, oldest first. */
  List<PostedJob> all();
}
