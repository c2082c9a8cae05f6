/**
 * Session reminders: attendees subscribe to sessions ({@code /remind}) and get a direct message a
 * configured time before each starts, once, also across restarts.
 */
@NullMarked
package dev.confbot.core.remind;

import org.jspecify.annotations.NullMarked;
