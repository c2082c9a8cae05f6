/**
 * The {@code confbot} executable: {@link dev.confbot.app.Main} and its picocli subcommands, one
 * class each, which wire the modules together.
 */
@NullMarked
package dev.confbot.app;

import org.jspecify.annotations.NullMarked;
