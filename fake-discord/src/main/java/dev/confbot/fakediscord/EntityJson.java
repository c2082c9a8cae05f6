package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.DmChannelData;
import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.MessageData;
import dev.confbot.fakediscord.Entities.OverwriteData;
import dev.confbot.fakediscord.Entities.RoleData;
import dev.confbot.fakediscord.Entities.WebhookData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fake's entities as Discord's JSON objects (user, member, role, channel, message, guild,
 * application, webhook), for REST answers and gateway dispatches. Callers hold {@link State#lock}.
 */
final class EntityJson {
  private final State state;
  private volatile String attachmentBase = "http://127.0.0.1";

  EntityJson(State state) {
    this.state = state;
  }

  /** Where attachment URLs point (the REST server's base). */
  void attachmentBase(String base) {
    attachmentBase = base;
  }

  Map<String, @Nullable Object> dmChannel(DmChannelData channel) {
    return Json.map(
        "id",
        String.valueOf(channel.id()),
        "type",
        1,
        "last_message_id",
        null,
        "flags",
        0,
        "recipients",
        List.of(channel.recipient()));
  }

  static String timestamp(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
  }

  Map<String, @Nullable Object> user(MemberData member) {
    return user(member.id, member.username, member.bot);
  }

  static Map<String, @Nullable Object> user(long id, String username, boolean bot) {
    return Json.map(
        "id",
        String.valueOf(id),
        "username",
        username,
        "discriminator",
        "0",
        "global_name",
        null,
        "avatar",
        null,
        "bot",
        bot,
        "system",
        false,
        "public_flags",
        0,
        "flags",
        0,
        "primary_guild",
        null);
  }

  Map<String, @Nullable Object> member(MemberData member, boolean withUser) {
    List<Object> roleIds = new ArrayList<>();
    for (long roleId : member.roles) {
      roleIds.add(String.valueOf(roleId));
    }
    Map<String, @Nullable Object> json =
        Json.map(
            "nick",
            member.nick,
            "avatar",
            null,
            "banner",
            null,
            "roles",
            roleIds,
            "joined_at",
            timestamp(member.joinedAt),
            "premium_since",
            null,
            "deaf",
            false,
            "mute",
            false,
            "flags",
            0,
            "pending",
            false,
            "communication_disabled_until",
            null);
    if (withUser) {
      json.put("user", user(member));
    }
    return json;
  }

  Map<String, @Nullable Object> role(RoleData role) {
    Map<String, @Nullable Object> json =
        Json.map(
            "id",
            String.valueOf(role.id),
            "name",
            role.name,
            "color",
            role.color,
            "colors",
            Json.map("primary_color", role.color, "secondary_color", null, "tertiary_color", null),
            "hoist",
            role.hoist,
            "icon",
            null,
            "unicode_emoji",
            null,
            "position",
            role.position,
            "permissions",
            String.valueOf(role.permissions),
            "managed",
            role.managed,
            "mentionable",
            role.mentionable,
            "flags",
            0);
    if (role.managed) {
      json.put("tags", Json.map("bot_id", String.valueOf(state.botId)));
    }
    return json;
  }

  Map<String, @Nullable Object> channel(ChannelData channel) {
    return withTypeFields(channel, baseChannel(channel));
  }

  private Map<String, @Nullable Object> baseChannel(ChannelData channel) {
    return Json.map(
        "id",
        String.valueOf(channel.id),
        "type",
        channel.type,
        "guild_id",
        String.valueOf(state.guildId),
        "name",
        channel.name,
        "position",
        channel.position,
        "permission_overwrites",
        overwrites(channel),
        "topic",
        channel.topic,
        "nsfw",
        false,
        "last_message_id",
        null,
        "rate_limit_per_user",
        0,
        "parent_id",
        channel.parentId == 0 ? null : String.valueOf(channel.parentId),
        "flags",
        0);
  }

  Map<String, @Nullable Object> message(MessageData message) {
    List<Object> attachments = new ArrayList<>();
    for (FakeAttachment attachment : message.attachments) {
      String url =
          "/attachments/" + message.channelId + "/" + attachment.id() + "/" + attachment.filename();
      attachments.add(
          Json.map(
              "id", String.valueOf(attachment.id()),
              "filename", attachment.filename(),
              "size", attachment.size(),
              "url", attachmentBase + url,
              "proxy_url", attachmentBase + url,
              "content_type", attachment.contentType()));
    }
    Map<String, @Nullable Object> json =
        Json.map(
            "id",
            String.valueOf(message.id),
            "type",
            message.interactionMetadata == null ? 0 : 19,
            "channel_id",
            String.valueOf(message.channelId),
            "author",
            message.author,
            "content",
            message.content,
            "timestamp",
            timestamp(message.timestamp),
            "edited_timestamp",
            message.editedAt == null ? null : timestamp(message.editedAt),
            "tts",
            false,
            "mention_everyone",
            false,
            "mentions",
            List.of(),
            "mention_roles",
            List.of(),
            "attachments",
            attachments,
            "embeds",
            message.embeds,
            "pinned",
            false,
            "flags",
            message.flags,
            "components",
            message.components);
    if (message.webhookId != null) {
      json.put("webhook_id", String.valueOf(message.webhookId));
    }
    if (message.interactionMetadata != null) {
      json.put("interaction_metadata", message.interactionMetadata);
    }
    if (message.nonce != null) {
      json.put("nonce", message.nonce);
    }
    return json;
  }

  Map<String, @Nullable Object> guild(boolean full, boolean allMembers) {
    List<Object> roleList = new ArrayList<>();
    for (RoleData role : state.roles.values()) {
      roleList.add(role(role));
    }
    Map<String, @Nullable Object> json =
        Json.map(
            "id",
            String.valueOf(state.guildId),
            "name",
            state.guildName,
            "icon",
            null,
            "splash",
            null,
            "discovery_splash",
            null,
            "banner",
            null,
            "description",
            null,
            "owner_id",
            String.valueOf(state.ownerId),
            "afk_channel_id",
            null,
            "afk_timeout",
            300,
            "verification_level",
            0,
            "default_message_notifications",
            0,
            "explicit_content_filter",
            0,
            "roles",
            roleList,
            "emojis",
            List.of(),
            "stickers",
            List.of(),
            "features",
            state.features,
            "mfa_level",
            0,
            "application_id",
            null,
            "system_channel_id",
            null,
            "system_channel_flags",
            0,
            "rules_channel_id",
            null,
            "public_updates_channel_id",
            null,
            "safety_alerts_channel_id",
            null,
            "vanity_url_code",
            null,
            "premium_tier",
            0,
            "premium_subscription_count",
            0,
            "preferred_locale",
            State.DEFAULT_LOCALE,
            "nsfw_level",
            0,
            "premium_progress_bar_enabled",
            false,
            "max_members",
            500000,
            "approximate_member_count",
            state.members.size());
    // fields Discord's spec requires of every guild object (GuildWithCountsResponse)
    json.put("home_header", null);
    json.put("region", "deprecated");
    json.put("widget_enabled", false);
    json.put("widget_channel_id", null);
    json.put("nsfw", false);
    json.put("max_presences", null);
    json.put("max_stage_video_channel_users", 50);
    json.put("max_video_channel_users", 25);
    json.put("incidents_data", null);
    if (full) {
      List<Object> channelList = new ArrayList<>();
      for (ChannelData channel : state.channels.values()) {
        channelList.add(channel(channel));
      }
      List<Object> memberList = new ArrayList<>();
      for (MemberData member : state.members.values()) {
        if (allMembers || member.id == state.botId) {
          memberList.add(member(member, true));
        }
      }
      json.put("joined_at", timestamp(state.bot().joinedAt));
      json.put("large", false);
      json.put("unavailable", false);
      json.put("member_count", state.members.size());
      json.put("voice_states", List.of());
      json.put("members", memberList);
      json.put("channels", channelList);
      json.put("threads", List.of());
      json.put("presences", List.of());
      json.put("stage_instances", List.of());
      json.put("guild_scheduled_events", List.of());
      json.put("soundboard_sounds", List.of());
    }
    return json;
  }

  Map<String, @Nullable Object> botUser() {
    Map<String, @Nullable Object> user = user(state.botId, state.botName, true);
    user.put("verified", true);
    user.put("mfa_enabled", false);
    user.put("locale", "en-US");
    return user;
  }

  Map<String, @Nullable Object> application() {
    return Json.map(
        "id",
        String.valueOf(state.applicationId),
        "name",
        state.botName,
        "icon",
        null,
        "description",
        "",
        "bot_public",
        false,
        "bot_require_code_grant",
        false,
        "verify_key",
        "0000",
        "flags",
        0,
        "owner",
        user(state.member(state.ownerId)),
        "team",
        null,
        "bot",
        botUser(),
        "summary",
        "");
  }

  Map<String, @Nullable Object> messageWithoutContent(MessageData message) {
    Map<String, @Nullable Object> json = message(message);
    if (message.authorId != state.botId) {
      json.put("content", "");
      json.put("embeds", List.of());
      json.put("attachments", List.of());
      json.put("components", List.of());
    }
    return json;
  }

  Map<String, @Nullable Object> webhook(WebhookData webhook) {
    return Json.map(
        "id", String.valueOf(webhook.id()),
        "type", 1,
        "guild_id", String.valueOf(state.guildId),
        "channel_id", String.valueOf(webhook.channelId()),
        "name", webhook.name(),
        "avatar", null,
        "token", webhook.token(),
        "application_id", null,
        "user", user(state.bot()));
  }

  private static List<Object> overwrites(ChannelData channel) {
    List<Object> list = new ArrayList<>();
    for (OverwriteData overwrite : channel.overwrites.values()) {
      list.add(
          Json.map(
              "id", String.valueOf(overwrite.id()),
              "type", overwrite.type(),
              "allow", String.valueOf(overwrite.allow()),
              "deny", String.valueOf(overwrite.deny())));
    }
    return list;
  }

  /** Adds the fields JDA requires for voice, stage and forum channels. */
  private static Map<String, @Nullable Object> withTypeFields(
      ChannelData channel, Map<String, @Nullable Object> json) {
    if (channel.type == 2 || channel.type == 13) {
      json.put("bitrate", 64000);
      json.put("user_limit", 0);
      json.put("rtc_region", null);
      json.put("video_quality_mode", 1);
    } else if (channel.type == 15) {
      json.put("available_tags", List.of());
      json.put("default_reaction_emoji", null);
      json.put("default_sort_order", null);
      json.put("default_forum_layout", 0);
      json.put("default_thread_rate_limit_per_user", 0);
    }
    return json;
  }
}
