/** dev.confbot.core.schedule. */
@NullMarked
package dev.confbot.core.schedule;

import org.jspecify.annotations.NullMarked;
