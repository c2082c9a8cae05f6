/** dev.confbot.adapter.sqlite. */
@NullMarked
package dev.confbot.adapter.sqlite;

import org.jspecify.annotations.NullMarked;
