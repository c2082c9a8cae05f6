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

  private TextKeys() {}
}
