/** Clocks for rehearsals and demos: simulated, paced and held time. */
@NullMarked
package dev.confbot.core.time;

import org.jspecify.annotations.NullMarked;
