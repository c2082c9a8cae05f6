package dev.confbot.fakediscord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The fake's mutable entities; all access is guarded by the {@link State} lock. */
final class Entities {
  private Entities() {}

  static final class RoleData {
    final long id;
    String name;
    int position;
    long permissions;
    int color;
    boolean hoist;
    boolean mentionable;
    final boolean managed;

    RoleData(long id, String name, int position, long permissions, int color, boolean managed) {
      this.id = id;
      this.name = name;
      this.position = position;
      this.permissions = permissions;
      this.color = color;
      this.managed = managed;
    }

    /**
     * Discord's order: higher position first; on a tie the older (smaller id) role ranks higher.
     */
    boolean outranks(RoleData other) {
      return position != other.position ? position > other.position : id < other.id;
    }

    FakeRole snapshot() {
      return new FakeRole(id, name, position, permissions, color, hoist, mentionable, managed);
    }
  }

  static final class ChannelData {
    final long id;
    String name;
    int type;
    int position;
    @Nullable String topic;
    long parentId;

    /** Permission overwrites by role or member id, in the order they were set. */
    final Map<Long, OverwriteData> overwrites = new LinkedHashMap<>();

    ChannelData(long id, String name, int type, int position, @Nullable String topic) {
      this.id = id;
      this.name = name;
      this.type = type;
      this.position = position;
      this.topic = topic;
    }

    FakeChannel snapshot() {
      return new FakeChannel(id, name, type, topic);
    }
  }

  static final class MemberData {
    final long id;
    final String username;
    final boolean bot;
    @Nullable String nick;
    final Set<Long> roles = new LinkedHashSet<>();
    final Instant joinedAt;

    MemberData(long id, String username, boolean bot, Instant joinedAt) {
      this.id = id;
      this.username = username;
      this.bot = bot;
      this.joinedAt = joinedAt;
    }

    FakeMember handle() {
      return new FakeMember(id, username, bot);
    }
  }

  static final class MessageData {
    final long id;
    final long channelId;
    final Map<String, @Nullable Object> author;
    final long authorId;
    final @Nullable Long webhookId;
    String content = "";
    List<Object> embeds = new ArrayList<>();
    List<FakeAttachment> attachments = new ArrayList<>();
    List<Object> components = new ArrayList<>();
    long flags;
    final Instant timestamp;
    @Nullable Instant editedAt;
    @Nullable Map<String, @Nullable Object> interactionMetadata;

    /** The create request's {@code nonce} (a string or an integer), echoed on the message. */
    @Nullable Object nonce;

    MessageData(
        long id,
        long channelId,
        Map<String, @Nullable Object> author,
        long authorId,
        @Nullable Long webhookId,
        Instant timestamp) {
      this.id = id;
      this.channelId = channelId;
      this.author = author;
      this.authorId = authorId;
      this.webhookId = webhookId;
      this.timestamp = timestamp;
    }

    boolean ephemeral() {
      return (flags & 64) != 0;
    }
  }

  static final class CommandData {
    final long id;
    final @Nullable Long guildId;
    final Map<String, @Nullable Object> json;

    CommandData(long id, @Nullable Long guildId, Map<String, @Nullable Object> json) {
      this.id = id;
      this.guildId = guildId;
      this.json = json;
    }

    String name() {
      return String.valueOf(json.get("name"));
    }
  }

  /**
   * A channel permission overwrite (topics/permissions#permission-overwrite-object).
   *
   * @param id the role or member id
   * @param type 0 for a role, 1 for a member
   */
  record OverwriteData(long id, int type, long allow, long deny) {}

  record WebhookData(long id, String token, long channelId, String name) {}

  /**
   * A direct-message channel between the bot and one user (channel type 1).
   *
   * @param recipient the user's JSON as of opening, kept when the user leaves the guild
   */
  record DmChannelData(long id, long recipientId, Map<String, @Nullable Object> recipient) {}
}
