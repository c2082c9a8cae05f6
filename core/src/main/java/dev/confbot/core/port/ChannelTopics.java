package dev.confbot.core.port;

/** Sets the topic of the conference server's channels (the line under a channel's name). */
public interface ChannelTopics {

  /**
   * Replaces the topic of one channel and returns once the platform accepted it.
   *
   * @param channel the channel's name (with or without {@code #}) or id
   * @param topic the new topic, at most 1024 characters
   * @throws GatewayException when the topic could not be set (unknown channel, missing permission,
   *     platform unreachable); the caller may retry
   */
  void setTopic(String channel, String topic);
}
