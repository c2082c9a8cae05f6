package dev.confbot.core.i18n;

/**
 * Keys of the texts the Discord adapter shows directly (registration answers and notification
 * labels are reached through {@code RegistrationMessages} and {@code Labels}).
 */
public final class TextKeys {
  /** Label of the button under the registration message (≤ 80 characters). */
  public static final String REGISTER_BUTTON = "discord.register_button";

  /** Title of the registration form (≤ 45 characters). */
  public static final String MODAL_TITLE = "discord.modal_title";

  /** Label of the order-code field (≤ 45 characters). */
  public static final String ORDER_LABEL = "discord.order_label";

  /** Description under the order-code field's label (≤ 100 characters). */
  public static final String ORDER_DESCRIPTION = "discord.order_description";

  /** Label of the name field (≤ 45 characters). */
  public static final String NAME_LABEL = "discord.name_label";

  /** Description under the name field's label (≤ 100 characters). */
  public static final String NAME_DESCRIPTION = "discord.name_description";

  /** The registration channel message while registration is online. */
  public static final String ONLINE = "discord.online";

  /** The registration channel message while the bot is stopped or restarting. */
  public static final String OFFLINE = "discord.offline";

  /** Ephemeral answer when the registration queue is full. */
  public static final String BUSY = "discord.busy";

  /** Ephemeral answer when registering failed unexpectedly (no stack trace reaches a member). */
  public static final String FAILED = "discord.failed";

  /** Heading of the {@code /now} answer. */
  public static final String NOW_TITLE = "discord.now_title";

  /** Heading of the {@code /now} answer for one room ({@code {room}}). */
  public static final String NOW_TITLE_ROOM = "discord.now_title_room";

  /** Heading of the {@code /next} answer. */
  public static final String NEXT_TITLE = "discord.next_title";

  /** Heading of the {@code /next} answer for one room ({@code {room}}). */
  public static final String NEXT_TITLE_ROOM = "discord.next_title_room";

  /** {@code /now} when no session is running. */
  public static final String NOW_NONE = "discord.now_none";

  /** {@code /now} when no session is running in the room ({@code {room}}). */
  public static final String NOW_NONE_ROOM = "discord.now_none_room";

  /** {@code /next} after the last session. */
  public static final String NEXT_NONE = "discord.next_none";

  /** {@code /next} after the last session in the room ({@code {room}}). */
  public static final String NEXT_NONE_ROOM = "discord.next_none_room";

  /**
   * {@code /now} or {@code /next} for a room not in the programme ({@code {room}}, {@code
   * {rooms}}).
   */
  public static final String UNKNOWN_ROOM = "discord.unknown_room";

  /** {@code /now} or {@code /next} before the schedule was loaded. */
  public static final String NO_PROGRAMME = "discord.no_programme";

  /** Label before a session's livestream link in {@code /now} and {@code /next}. */
  public static final String LIVESTREAM = "discord.livestream";

  /** Answer to an attendee command when the bot's queue is full. */
  public static final String COMMAND_BUSY = "discord.command_busy";

  /** Answer to an attendee command that failed unexpectedly. */
  public static final String COMMAND_FAILED = "discord.command_failed";

  private TextKeys() {}
}
