/**
 * The job board: offers read from an organizer's CSV file, rendered as Discord-neutral embeds and
 * posted once each, remembered in a {@link dev.confbot.core.port.JobLedger}.
 */
@NullMarked
package dev.confbot.core.jobs;

import org.jspecify.annotations.NullMarked;
