/**
 * Personal data handling: forgetting one member on request ({@link
 * dev.confbot.core.privacy.ForgetService}) and deleting everything once the retention period is
 * over ({@link dev.confbot.core.privacy.PurgeService}).
 */
@NullMarked
package dev.confbot.core.privacy;

import org.jspecify.annotations.NullMarked;
