package dev.confbot.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code [notifications]}: programme notifications before each session.
 *
 * @param mainChannel the channel that gets one message per start minute, key {@code main_channel},
 *     default {@code #programme-notifications}
 * @param mainLeadTime how long before the start the main channel is told, key {@code
 *     main_lead_time}, default 5 minutes
 * @param roomLeadTime how long before the start a room's channel is told, key {@code
 *     room_lead_time}, default 2 minutes
 * @param lateGrace how late a missed notification may still be sent (and only before the session
 *     starts), key {@code late_grace}, default 2 minutes
 * @param skippedSessionTypes session types never announced (case-insensitive), key {@code
 *     skipped_session_types}, default {@code ["Break", "Lunch"]}
 * @param roomChannels schedule room name → its Discord channel, table {@code room_channels}; rooms
 *     without a channel get only the main-channel message
 * @param mainWebhook a Discord webhook URL used for the main channel instead of the bot, key {@code
 *     main_webhook}; null when not set
 * @param roomWebhooks room name → webhook URL used instead of the bot, table {@code room_webhooks}
 * @param scheduleUpdatesChannel where schedule changes are announced, key {@code
 *     schedule_updates_channel}; null to announce none
 * @param sessionUrlTemplate link of a session's page with the placeholders {@code {code}}, {@code
 *     {slug}} or {@code {room}}, key {@code session_url_template}; null to link nothing
 * @param qaUrlTemplate link of a session's Q&amp;A with the same placeholders, key {@code
 *     qa_url_template}; null for no Q&amp;A link
 * @param roomTopics whether the room channels' topics show "Now / Next" (the running and the next
 *     session), key {@code room_topics}, default false; the bot then needs Manage Channels
 */
public record NotificationsConfig(
    ChannelRef mainChannel,
    Duration mainLeadTime,
    Duration roomLeadTime,
    Duration lateGrace,
    List<String> skippedSessionTypes,
    Map<String, ChannelRef> roomChannels,
    @Nullable Secret mainWebhook,
    Map<String, Secret> roomWebhooks,
    @Nullable ChannelRef scheduleUpdatesChannel,
    @Nullable String sessionUrlTemplate,
    @Nullable String qaUrlTemplate,
    boolean roomTopics) {
  public NotificationsConfig {
    skippedSessionTypes = List.copyOf(skippedSessionTypes);
    roomChannels = ConfigCollections.copyOfMap(roomChannels);
    roomWebhooks = ConfigCollections.copyOfMap(roomWebhooks);
  }

  /** The placeholders a URL template may use. */
  public static final List<String> URL_PLACEHOLDERS = List.of("{code}", "{slug}", "{room}");
}
