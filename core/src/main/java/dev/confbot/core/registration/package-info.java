/** dev.confbot.core.registration. */
@NullMarked
package dev.confbot.core.registration;

import org.jspecify.annotations.NullMarked;
