/** Shared value types of the core: orders, tickets, members and roles. */
@NullMarked
package dev.confbot.core.model;

import org.jspecify.annotations.NullMarked;
