/** What the core needs from the outside world: ticket source, claim store, role gateway, audit. */
@NullMarked
package dev.confbot.core.port;

import org.jspecify.annotations.NullMarked;
