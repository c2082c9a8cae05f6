/**
 * Keeping the programme current: {@link dev.confbot.core.programme.ProgrammeService} owns the
 * schedule the bot works from, reloads it through {@link dev.confbot.core.port.ScheduleSource} and
 * tells its listeners (speaker roles, notifications, reminders) when it changed.
 */
@NullMarked
package dev.confbot.core.programme;

import org.jspecify.annotations.NullMarked;
