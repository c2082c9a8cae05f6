/**
 * Registration: order-code parsing, tolerant name matching, ticket→role mapping, the in-memory
 * ticket index, the registration service and the ticket lifecycle (cancellations, rejoins).
 */
@NullMarked
package dev.confbot.core.registration;

import org.jspecify.annotations.NullMarked;
