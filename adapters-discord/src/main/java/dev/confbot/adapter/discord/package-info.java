/** dev.confbot.adapter.discord. */
@NullMarked
package dev.confbot.adapter.discord;

import org.jspecify.annotations.NullMarked;
