/** dev.confbot.core.model. */
@NullMarked
package dev.confbot.core.model;

import org.jspecify.annotations.NullMarked;
