/** dev.confbot.config. */
@NullMarked
package dev.confbot.config;

import org.jspecify.annotations.NullMarked;
