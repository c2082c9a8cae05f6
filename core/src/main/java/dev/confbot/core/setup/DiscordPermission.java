package dev.confbot.core.setup;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Discord permissions by their API names (topics/permissions), with their bit offsets; the Discord
 * adapter maps them by offset (JDA's {@code Permission.getFromOffset}), since JDA's own names
 * differ (e.g. {@code MESSAGE_SEND} for {@link #SEND_MESSAGES}).
 */
public enum DiscordPermission {
  CREATE_INSTANT_INVITE(0),
  KICK_MEMBERS(1),
  BAN_MEMBERS(2),
  ADMINISTRATOR(3),
  MANAGE_CHANNELS(4),
  MANAGE_GUILD(5),
  ADD_REACTIONS(6),
  VIEW_AUDIT_LOG(7),
  PRIORITY_SPEAKER(8),
  STREAM(9),
  VIEW_CHANNEL(10),
  SEND_MESSAGES(11),
  SEND_TTS_MESSAGES(12),
  MANAGE_MESSAGES(13),
  EMBED_LINKS(14),
  ATTACH_FILES(15),
  READ_MESSAGE_HISTORY(16),
  MENTION_EVERYONE(17),
  USE_EXTERNAL_EMOJIS(18),
  VIEW_GUILD_INSIGHTS(19),
  CONNECT(20),
  SPEAK(21),
  MUTE_MEMBERS(22),
  DEAFEN_MEMBERS(23),
  MOVE_MEMBERS(24),
  USE_VAD(25),
  CHANGE_NICKNAME(26),
  MANAGE_NICKNAMES(27),
  MANAGE_ROLES(28),
  MANAGE_WEBHOOKS(29),
  MANAGE_GUILD_EXPRESSIONS(30),
  USE_APPLICATION_COMMANDS(31),
  REQUEST_TO_SPEAK(32),
  MANAGE_EVENTS(33),
  MANAGE_THREADS(34),
  CREATE_PUBLIC_THREADS(35),
  CREATE_PRIVATE_THREADS(36),
  USE_EXTERNAL_STICKERS(37),
  SEND_MESSAGES_IN_THREADS(38),
  USE_EMBEDDED_ACTIVITIES(39),
  MODERATE_MEMBERS(40),
  VIEW_CREATOR_MONETIZATION_ANALYTICS(41),
  USE_SOUNDBOARD(42),
  CREATE_GUILD_EXPRESSIONS(43),
  CREATE_EVENTS(44),
  USE_EXTERNAL_SOUNDS(45),
  SEND_VOICE_MESSAGES(46),
  SET_VOICE_CHANNEL_STATUS(48),
  SEND_POLLS(49),
  USE_EXTERNAL_APPS(50),
  PIN_MESSAGES(51),
  BYPASS_SLOWMODE(52);

  private final int offset;

  DiscordPermission(int offset) {
    this.offset = offset;
  }

  /** The bit offset: the permission's value is {@code 1L << offset()}. */
  public int offset() {
    return offset;
  }

  /**
   * The permission with this API name, ignoring case and surrounding spaces.
   *
   * @throws IllegalArgumentException naming the valid names when there is no such permission
   */
  public static DiscordPermission parse(String name) {
    String wanted = name.strip().toUpperCase(Locale.ROOT);
    for (DiscordPermission permission : values()) {
      if (permission.name().equals(wanted)) {
        return permission;
      }
    }
    throw new IllegalArgumentException(
        "unknown Discord permission \""
            + name
            + "\"; use one of "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
  }
}
