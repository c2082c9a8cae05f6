package dev.confbot.core.jobs;

import java.time.Instant;

/**
 * An offer the job board has posted.
 *
 * @param key the offer's stable key
 * @param company the company, for listings
 * @param title the title, for listings
 * @param postedAt when it was posted
 */
public record PostedJob(JobKey key, String company, String title, Instant postedAt) {}
