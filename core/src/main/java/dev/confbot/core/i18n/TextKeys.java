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

  /**
   * Ephemeral answer to a registration that was still queued when the bot stopped (it was not
   * handled; the member should submit again).
   */
  public static final String RESTARTING = "discord.restarting";

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

  /**
   * {@code /remind} answer: reminder stored ({@code {minutes}}, {@code {title}}, {@code {day}},
   * {@code {time}}, {@code {room}}).
   */
  public static final String REMIND_SET = "discord.remind_set";

  /** {@code /remind} answer when the reminder is due at once ({@code {title}}, {@code {time}}…). */
  public static final String REMIND_SET_SOON = "discord.remind_set_soon";

  /** {@code /remind} answer when the member already has the reminder. */
  public static final String REMIND_ALREADY = "discord.remind_already";

  /** {@code /remind} for a session whose reminder was sent already. */
  public static final String REMIND_ALREADY_SENT = "discord.remind_already_sent";

  /** Added to the {@code /remind} answer when the member's direct messages are closed. */
  public static final String REMIND_DMS_CLOSED = "discord.remind_dms_closed";

  /** {@code /remind} for a session that has started ({@code {title}}). */
  public static final String REMIND_STARTED = "discord.remind_started";

  /** {@code /remind} for a session not in the programme ({@code {session}}: what was typed). */
  public static final String REMIND_UNKNOWN = "discord.remind_unknown";

  /** The direct message that confirms a reminder and checks that DMs are open. */
  public static final String REMIND_CONFIRM = "discord.remind_confirm";

  /**
   * The reminder itself, a direct message ({@code {title}}, {@code {relative}}: a Discord relative
   * timestamp, {@code {room}}, {@code {time}} and {@code {zone}} in the event's time zone).
   */
  public static final String REMINDER_DM = "discord.reminder_dm";

  /** Heading of the {@code /reminders} answer. */
  public static final String REMINDERS_TITLE = "discord.reminders_title";

  /** {@code /reminders} when the member has none. */
  public static final String REMINDERS_NONE = "discord.reminders_none";

  /** A {@code /reminders} line for a session no longer in the programme ({@code {session}}). */
  public static final String REMINDERS_GONE = "discord.reminders_gone";

  /** Last line of the {@code /reminders} list: how to remove one. */
  public static final String REMINDERS_HINT = "discord.reminders_hint";

  /** {@code /reminders remove:…} done ({@code {title}}). */
  public static final String REMINDERS_REMOVED = "discord.reminders_removed";

  /** {@code /reminders remove:…} for a reminder the member does not have ({@code {session}}). */
  public static final String REMINDERS_NOT_FOUND = "discord.reminders_not_found";

  /**
   * Room channel topic: the running session ({@code {title}}, {@code {end}}: its end, HH:mm in the
   * event's time zone).
   */
  public static final String TOPIC_NOW = "discord.topic_now";

  /** Room channel topic: the next session today ({@code {time}}: its start, {@code {title}}). */
  public static final String TOPIC_NEXT = "discord.topic_next";

  /** Room channel topic when no session follows today. */
  public static final String TOPIC_NONE = "discord.topic_none";

  /**
   * {@code /forget-me}: what confbot keeps about the member, asking to delete it ({@code {claims}},
   * {@code {reminders}}, {@code {attempts}}: counts).
   */
  public static final String FORGET_ME_QUESTION = "discord.forget_me_question";

  /**
   * Added to the {@code /forget-me} question when ticket roles will be removed ({@code {roles}}).
   */
  public static final String FORGET_ME_QUESTION_ROLES = "discord.forget_me_question_roles";

  /** {@code /forget-me} when confbot keeps nothing about the member. */
  public static final String FORGET_ME_NOTHING = "discord.forget_me_nothing";

  /** Label of the {@code /forget-me} confirmation button (at most 80 characters). */
  public static final String FORGET_ME_BUTTON = "discord.forget_me_button";

  /** Label of the {@code /forget-me} cancel button (at most 80 characters). */
  public static final String FORGET_ME_CANCEL_BUTTON = "discord.forget_me_cancel_button";

  /** {@code /forget-me} done. */
  public static final String FORGET_ME_DONE = "discord.forget_me_done";

  /** Added to {@link #FORGET_ME_DONE} when ticket roles were removed ({@code {roles}}). */
  public static final String FORGET_ME_DONE_ROLES = "discord.forget_me_done_roles";

  /** {@code /forget-me}: data deleted, but Discord did not remove the roles. */
  public static final String FORGET_ME_ROLES_KEPT = "discord.forget_me_roles_kept";

  /** {@code /forget-me}: the store failed, nothing was deleted. */
  public static final String FORGET_ME_UNAVAILABLE = "discord.forget_me_unavailable";

  /** {@code /forget-me} cancelled. */
  public static final String FORGET_ME_CANCELLED = "discord.forget_me_cancelled";

  /** A {@code /forget-me} button clicked by another member. */
  public static final String FORGET_ME_NOT_YOURS = "discord.forget_me_not_yours";

  private TextKeys() {}
}
