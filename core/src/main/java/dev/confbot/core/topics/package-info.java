/** Room channel topics that show the running and the next session ("Now / Next"). */
@NullMarked
package dev.confbot.core.topics;

import org.jspecify.annotations.NullMarked;
