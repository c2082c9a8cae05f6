/**
 * The conference schedule as the bot sees it: sessions, rooms and speakers ({@link
 * dev.confbot.core.schedule.Schedule}), independent of pretalx's payload shapes. Keeping it current
 * is {@link dev.confbot.core.programme.ProgrammeService}'s.
 */
@NullMarked
package dev.confbot.core.schedule;

import org.jspecify.annotations.NullMarked;
