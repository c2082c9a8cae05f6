package dev.confbot.app;

import dev.confbot.adapter.pretalx.PretalxSettings;
import dev.confbot.adapter.pretix.PretixSettings;
import dev.confbot.adapter.sqlite.SqliteSettings;
import dev.confbot.config.ChannelRef;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.NotificationsConfig;
import dev.confbot.config.PretixConfig;
import dev.confbot.config.RegistrationConfig;
import dev.confbot.config.ScheduleConfig;
import dev.confbot.config.Secret;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.registration.CancellationPolicy;
import dev.confbot.core.registration.RegistrationSettings;
import dev.confbot.core.registration.RoleMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates the validated configuration into the settings records of the core and the adapters.
 * Pure mapping, no decisions: every default lives in the config module or in the settings records.
 */
final class Wiring {
  private static final String WEBHOOK_PREFIX = "webhook:";
  private static final String MAIN = "main";

  private Wiring() {}

  static RegistrationSettings registrationSettings(RegistrationConfig config) {
    RegistrationSettings defaults = RegistrationSettings.defaults();
    return new RegistrationSettings(
        config.allowedOrderStates(),
        config.setNickname(),
        config.failedAttempts().max(),
        config.failedAttempts().window(),
        defaults.negativeCacheTtl(),
        defaults.unavailableAlertInterval());
  }

  static CancellationPolicy cancellationPolicy(RegistrationConfig config) {
    return config.onCancel() == RegistrationConfig.OnCancel.REVOKE
        ? CancellationPolicy.REVOKE
        : CancellationPolicy.ALERT_ONLY;
  }

  /**
   * The core's ticket → role mapping. Keys written as digits are pretix ids (items in {@code
   * items}, variations in {@code variations}); other keys are names ("Item", "Variation" or "Item –
   * Variation").
   */
  static RoleMapping roleMapping(RegistrationConfig config) {
    Map<String, List<RoleRef>> byName = new LinkedHashMap<>();
    Map<Long, List<RoleRef>> byItemId = new LinkedHashMap<>();
    Map<Long, List<RoleRef>> byVariationId = new LinkedHashMap<>();
    split(config.roles().items(), byName, byItemId);
    split(config.roles().variations(), byName, byVariationId);
    return new RoleMapping(byName, byItemId, byVariationId, config.extraRoles());
  }

  private static void split(
      Map<String, List<RoleRef>> entries,
      Map<String, List<RoleRef>> byName,
      Map<Long, List<RoleRef>> byId) {
    entries.forEach(
        (key, roles) -> {
          String trimmed = key.strip();
          if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            byId.put(Long.parseLong(trimmed), roles);
          } else {
            byName.put(key, roles);
          }
        });
  }

  /**
   * Webhook aliases used as channel names in notifications, so that the sent-ledger and logs never
   * hold a webhook's token: alias → URL.
   */
  static Map<String, String> webhooks(ConfbotConfig config) {
    NotificationsConfig n = config.notifications();
    Map<String, String> webhooks = new LinkedHashMap<>();
    Secret main = n.mainWebhook();
    if (main != null) {
      webhooks.put(WEBHOOK_PREFIX + MAIN, main.reveal());
    }
    n.roomWebhooks().forEach((room, url) -> webhooks.put(WEBHOOK_PREFIX + room, url.reveal()));
    return webhooks;
  }

  /** The notification settings of the configuration (room channels by name or id). */
  static NotificationSettings notificationSettings(ConfbotConfig config) {
    NotificationsConfig n = config.notifications();
    Map<String, String> rooms = new LinkedHashMap<>();
    n.roomChannels().forEach((room, channel) -> rooms.put(room, channel.value()));
    n.roomWebhooks().keySet().forEach(room -> rooms.put(room, WEBHOOK_PREFIX + room));
    ChannelRef updates = n.scheduleUpdatesChannel();
    return NotificationSettings.defaults()
        .withMainChannel(n.mainWebhook() != null ? WEBHOOK_PREFIX + MAIN : n.mainChannel().value())
        .withLeads(n.mainLeadTime(), n.roomLeadTime())
        .withLateGrace(n.lateGrace())
        .withDays(Set.copyOf(config.schedule().conferenceDays()))
        .withSkippedTypes(Set.copyOf(n.skippedSessionTypes()))
        .withRoomChannels(rooms)
        .withLivestreams(config.livestreams().byRoom())
        .withUrlTemplates(n.sessionUrlTemplate(), n.qaUrlTemplate())
        .withUpdatesChannel(updates == null ? null : updates.value());
  }

  /** Where the programme comes from, for the pretalx adapter; empty when none is configured. */
  static Optional<PretalxSettings> pretalxSettings(ScheduleConfig schedule) {
    return schedule
        .location()
        .map(
            location -> {
              Secret token = schedule.token();
              PretalxSettings defaults = PretalxSettings.of(location.toString());
              return new PretalxSettings(
                  defaults.source(),
                  token == null ? null : token.reveal(),
                  defaults.apiVersion(),
                  defaults.language(),
                  schedule.timeZone(),
                  defaults.connectTimeout(),
                  defaults.readTimeout(),
                  schedule.refreshInterval());
            });
  }

  static PretixSettings pretixSettings(PretixConfig config) {
    return PretixSettings.defaults(
            config.baseUrl().resolve("api/v1/").toString(),
            config.organizer(),
            config.event(),
            config.token().reveal())
        .withRequestsPerMinute(config.requestsPerMinute())
        .withMaxConcurrentPages(config.pageConcurrency());
  }

  static SqliteSettings sqliteSettings(ConfbotConfig config) {
    return SqliteSettings.in(config.runtime().dataDir());
  }
}
