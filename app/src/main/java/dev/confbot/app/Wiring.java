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
import dev.confbot.core.check.MappingKeys;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.notify.NotificationSettings;
import dev.confbot.core.registration.CancellationPolicy;
import dev.confbot.core.registration.RegistrationSettings;
import dev.confbot.core.registration.RoleMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Translates the validated configuration into the settings records of the core and the adapters.
 * Pure mapping, no decisions: every default lives in the config module or in the settings records.
 */
final class Wiring {
  private static final String WEBHOOK_PREFIX = "webhook:";
  private static final String MAIN = "main";
  private static final String ROLES = "registration.roles";

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
   * Where each entry of the ticket → role mapping is configured, for the findings of {@code confbot
   * check --online}: {@code registration.roles.items."Business"}, {@code
   * registration.roles.variations."1061"}.
   */
  static MappingKeys mappingKeys(RegistrationConfig config) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<Long, String> itemIds = new LinkedHashMap<>();
    Map<Long, String> variationIds = new LinkedHashMap<>();
    splitKeys(config.roles().items(), ROLES + ".items", names, itemIds);
    splitKeys(config.roles().variations(), ROLES + ".variations", names, variationIds);
    return new MappingKeys(names, itemIds, variationIds, ROLES);
  }

  private static void splitKeys(
      Map<String, List<RoleRef>> entries,
      String table,
      Map<String, String> names,
      Map<Long, String> ids) {
    entries
        .keySet()
        .forEach(
            key -> {
              String trimmed = key.strip();
              String path = table + ".\"" + key + "\"";
              if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
                ids.putIfAbsent(Long.parseLong(trimmed), path);
              } else {
                names.putIfAbsent(key, path);
              }
            });
  }

  /**
   * For every role confbot may give, the first configuration key that makes it give the role
   * (ticket mapping items, then variations, then extra roles).
   */
  /**
   * Every role confbot gives: the ticket mapping's, the extra roles, the speaker roles and the
   * roles organizers may grant (for the guild checks).
   */
  static Set<RoleRef> grantedRoles(ConfbotConfig config) {
    Set<RoleRef> roles = new LinkedHashSet<>(roleMapping(config.registration()).allRoles());
    roles.addAll(config.registration().speakerRoles());
    roles.addAll(config.organizers().grantableRoles());
    return roles;
  }

  /** Role → the configuration key that makes confbot give it, for every role confbot gives. */
  static Map<RoleRef, String> roleKeys(ConfbotConfig all) {
    Map<RoleRef, String> keys = roleKeys(all.registration());
    all.registration()
        .speakerRoles()
        .forEach(r -> keys.putIfAbsent(r, "registration.speaker_roles"));
    all.organizers()
        .grantableRoles()
        .forEach(r -> keys.putIfAbsent(r, "organizers.grantable_roles"));
    return keys;
  }

  static Map<RoleRef, String> roleKeys(RegistrationConfig config) {
    Map<RoleRef, String> keys = new LinkedHashMap<>();
    config
        .roles()
        .items()
        .forEach(
            (key, roles) ->
                roles.forEach(r -> keys.putIfAbsent(r, ROLES + ".items.\"" + key + "\"")));
    config
        .roles()
        .variations()
        .forEach(
            (key, roles) ->
                roles.forEach(r -> keys.putIfAbsent(r, ROLES + ".variations.\"" + key + "\"")));
    config
        .extraRoles()
        .forEach(
            (order, roles) ->
                roles.forEach(
                    r ->
                        keys.putIfAbsent(r, "registration.extra_roles.\"" + order.value() + "\"")));
    return keys;
  }

  /**
   * A channel the bot posts to.
   *
   * @param purpose how problems name it, e.g. "help channel"
   * @param key its configuration key, e.g. {@code registration.help_channel}
   * @param value the configured channel name or id
   */
  record PostedChannel(String purpose, String key, String value) {}

  /**
   * The channels besides the registration channel that the bot posts to (channels replaced by a
   * webhook are left out), in the order the start-up check reports them.
   */
  static List<PostedChannel> postedChannels(ConfbotConfig config) {
    RegistrationConfig registration = config.registration();
    NotificationsConfig notifications = config.notifications();
    List<PostedChannel> channels = new ArrayList<>();
    channels.add(
        new PostedChannel(
            "registration log channel",
            "registration.log_channel",
            registration.logChannel().value()));
    channels.add(
        new PostedChannel(
            "help channel", "registration.help_channel", registration.helpChannel().value()));
    if (notifications.mainWebhook() == null) {
      channels.add(
          new PostedChannel(
              "programme channel",
              "notifications.main_channel",
              notifications.mainChannel().value()));
    }
    notifications
        .roomChannels()
        .forEach(
            (room, channel) -> {
              if (!notifications.roomWebhooks().containsKey(room)) {
                channels.add(
                    new PostedChannel(
                        "channel of room " + room,
                        "notifications.room_channels.\"" + room + "\"",
                        channel.value()));
              }
            });
    ChannelRef updates = notifications.scheduleUpdatesChannel();
    if (updates != null) {
      channels.add(
          new PostedChannel(
              "schedule updates channel",
              "notifications.schedule_updates_channel",
              updates.value()));
    }
    return List.copyOf(channels);
  }

  /** The room channels whose topic the bot keeps on Now / Next; none when that is off. */
  static Set<String> topicChannels(ConfbotConfig config) {
    if (!config.notifications().roomTopics()) {
      return Set.of();
    }
    Set<String> names = new LinkedHashSet<>();
    config.notifications().roomChannels().values().forEach(c -> names.add(c.value()));
    return names;
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
  /**
   * The schedule a one-shot command reads: {@code override} (a file or URL given on the command
   * line, read in the configured time zone if there is one), else the configured source.
   */
  static Optional<PretalxSettings> scheduleToRead(
      @Nullable String override, Optional<ConfbotConfig> config) {
    if (override != null) {
      return Optional.of(
          PretalxSettings.of(override)
              .withEventZone(config.map(c -> c.schedule().timeZone()).orElse(null)));
    }
    return config.flatMap(c -> pretalxSettings(c.schedule()));
  }

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
