/**
 * Organizer statistics: participant counts per role, tickets sold vs registered, registrations and
 * joins over time, and the member export. Pure functions over snapshots the adapters provide.
 */
@NullMarked
package dev.confbot.core.stats;

import org.jspecify.annotations.NullMarked;
