/** dev.confbot.fakediscord. */
@NullMarked
package dev.confbot.fakediscord;

import org.jspecify.annotations.NullMarked;
