/** dev.confbot.app. */
@NullMarked
package dev.confbot.app;

import org.jspecify.annotations.NullMarked;
