package dev.confbot.core.registration;

import dev.confbot.core.model.Position;
import dev.confbot.core.port.ClaimStore;
import org.jspecify.annotations.Nullable;

/**
 * A claim with the ticket position it is on, as the ticket index knows it ({@code null} when the
 * index does not hold the order or the position).
 */
public record HeldTicket(ClaimStore.Claim claim, @Nullable Position position) {}
