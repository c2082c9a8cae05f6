/** dev.confbot.adapter.pretalx. */
@NullMarked
package dev.confbot.adapter.pretalx;

import org.jspecify.annotations.NullMarked;
