/**
 * Job offers: read from an organizer's CSV file ({@link dev.confbot.core.jobs.JobOffersFile}),
 * rendered as Discord-neutral embeds, and the keys and records the job ledger keeps. Posting them
 * is {@link dev.confbot.core.jobboard.JobBoardService}'s.
 */
@NullMarked
package dev.confbot.core.jobs;

import org.jspecify.annotations.NullMarked;
