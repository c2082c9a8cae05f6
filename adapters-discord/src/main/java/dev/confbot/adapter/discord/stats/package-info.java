/** Pictures for the organizer statistics ({@code /stats}): PNG charts drawn with XChart. */
@NullMarked
package dev.confbot.adapter.discord.stats;

import org.jspecify.annotations.NullMarked;
