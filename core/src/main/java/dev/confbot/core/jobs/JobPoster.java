package dev.confbot.core.jobs;

/** Where job offers go: the job-board channel (Discord). */
public interface JobPoster {

  /**
   * Posts one offer.
   *
   * @throws dev.confbot.core.port.GatewayException when it could not be posted
   */
  void post(JobEmbed embed);
}
