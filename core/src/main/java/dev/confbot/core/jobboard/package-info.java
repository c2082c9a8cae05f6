/**
 * Posting the job board: {@link dev.confbot.core.jobboard.JobBoardService} posts the offers of the
 * CSV file that were not posted yet through {@link dev.confbot.core.port.JobPoster}, remembering
 * them in the {@link dev.confbot.core.port.JobLedger}, and reports each offer's outcome.
 */
@NullMarked
package dev.confbot.core.jobboard;

import org.jspecify.annotations.NullMarked;
