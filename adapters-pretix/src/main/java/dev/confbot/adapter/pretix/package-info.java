/** dev.confbot.adapter.pretix. */
@NullMarked
package dev.confbot.adapter.pretix;

import org.jspecify.annotations.NullMarked;
