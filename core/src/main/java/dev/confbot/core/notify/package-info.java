/** dev.confbot.core.notify. */
@NullMarked
package dev.confbot.core.notify;

import org.jspecify.annotations.NullMarked;
