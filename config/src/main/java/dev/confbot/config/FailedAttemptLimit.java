package dev.confbot.config;

import java.time.Duration;

/**
 * {@code [registration.failed_attempts]}: at most {@code max} failed registration attempts per
 * account within {@code window}, against guessing order codes.
 *
 * @param max attempts allowed in the window, key {@code max}, default 5
 * @param window the sliding window, key {@code window}, default 10 minutes
 */
public record FailedAttemptLimit(int max, Duration window) {}
