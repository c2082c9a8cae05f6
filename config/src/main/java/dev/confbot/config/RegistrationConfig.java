package dev.confbot.config;

import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.RoleRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code [registration]}: how attendees register their pretix tickets.
 *
 * @param channel where the Register button lives, key {@code channel}, default {@code
 *     #registration}
 * @param logChannel where every outcome and alert goes, key {@code log_channel}, default {@code
 *     #registration-log}
 * @param helpChannel where refused attendees are sent, key {@code help_channel}, default {@code
 *     #registration-help}
 * @param allowedOrderStates order states that may register, key {@code allowed_order_states},
 *     default {@code ["paid"]}
 * @param setNickname whether to set the member's nickname to the ticket name, key {@code
 *     set_nickname}, default false
 * @param failedAttempts per-account limit of failed attempts, table {@code failed_attempts}
 * @param onCancel what happens when a claimed ticket is cancelled later, key {@code on_cancel},
 *     default {@link OnCancel#REVOKE}
 * @param roles ticket → role mapping, table {@code roles}
 * @param extraRoles extra roles granted per order, table {@code extra_roles} (order code → roles)
 * @param speakerRoles roles for attendees who speak at a confirmed session of the schedule, key
 *     {@code speaker_roles}, default none (speakers get no extra roles)
 */
public record RegistrationConfig(
    ChannelRef channel,
    ChannelRef logChannel,
    ChannelRef helpChannel,
    Set<OrderStatus> allowedOrderStates,
    boolean setNickname,
    FailedAttemptLimit failedAttempts,
    OnCancel onCancel,
    RoleMappingConfig roles,
    Map<OrderCode, List<RoleRef>> extraRoles,
    List<RoleRef> speakerRoles) {
  public RegistrationConfig {
    allowedOrderStates = Set.copyOf(allowedOrderStates);
    extraRoles = ConfigCollections.copyOfListMap(extraRoles);
    speakerRoles = List.copyOf(speakerRoles);
  }

  /** What to do when a ticket that was claimed is cancelled or refunded afterwards. */
  public enum OnCancel {
    /** Take the ticket's roles away (and tell organizers). */
    REVOKE,
    /** Keep the roles and alert organizers in the log channel. */
    ALERT
  }
}
