package dev.confbot.core.port;

import dev.confbot.core.jobs.JobEmbed;

/** Where job offers go: the job-board channel (Discord). */
public interface JobPoster {

  /**
   * Posts one offer.
   *
   * @throws dev.confbot.core.port.GatewayException when it could not be posted
   */
  void post(JobEmbed embed);
}
