package dev.confbot.fakediscord;

/** Discord permission bits (topics/permissions), for building fake guild roles. */
public final class Permissions {
  /** CREATE_INSTANT_INVITE. */
  public static final long CREATE_INSTANT_INVITE = 1L << 0;

  /** ADMINISTRATOR: implies every permission and bypasses channel overwrites. */
  public static final long ADMINISTRATOR = 1L << 3;

  /** MANAGE_CHANNELS: create channels and edit their name or topic. */
  public static final long MANAGE_CHANNELS = 1L << 4;

  /** MANAGE_GUILD. */
  public static final long MANAGE_GUILD = 1L << 5;

  /** VIEW_CHANNEL. */
  public static final long VIEW_CHANNEL = 1L << 10;

  /** SEND_MESSAGES. */
  public static final long SEND_MESSAGES = 1L << 11;

  /** MANAGE_MESSAGES: delete other members' messages. */
  public static final long MANAGE_MESSAGES = 1L << 13;

  /** EMBED_LINKS. */
  public static final long EMBED_LINKS = 1L << 14;

  /** ATTACH_FILES. */
  public static final long ATTACH_FILES = 1L << 15;

  /** READ_MESSAGE_HISTORY. */
  public static final long READ_MESSAGE_HISTORY = 1L << 16;

  /** CHANGE_NICKNAME: the member's own nickname. */
  public static final long CHANGE_NICKNAME = 1L << 26;

  /** MANAGE_NICKNAMES: other members' nicknames (below the bot's highest role). */
  public static final long MANAGE_NICKNAMES = 1L << 27;

  /** MANAGE_ROLES: grant, revoke, create and edit roles below the bot's highest role. */
  public static final long MANAGE_ROLES = 1L << 28;

  /** MANAGE_WEBHOOKS. */
  public static final long MANAGE_WEBHOOKS = 1L << 29;

  /** USE_APPLICATION_COMMANDS. */
  public static final long USE_APPLICATION_COMMANDS = 1L << 31;

  /** What {@code @everyone} may do by default in the fake guild: read, write, embed, attach. */
  public static final long EVERYONE_DEFAULT =
      CREATE_INSTANT_INVITE
          | VIEW_CHANNEL
          | SEND_MESSAGES
          | EMBED_LINKS
          | ATTACH_FILES
          | READ_MESSAGE_HISTORY
          | CHANGE_NICKNAME
          | USE_APPLICATION_COMMANDS;

  /** Every bit Discord currently defines (used for owners and administrators). */
  public static final long ALL = (1L << 51) - 1;

  private Permissions() {}
}
