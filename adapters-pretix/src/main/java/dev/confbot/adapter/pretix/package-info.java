/**
 * The pretix adapter: {@link dev.confbot.core.port.TicketSource} over the pretix REST API (Retrofit
 * + Moshi) and over a directory of saved API responses.
 */
@NullMarked
package dev.confbot.adapter.pretix;

import org.jspecify.annotations.NullMarked;
