/**
 * Pre-flight checks ({@code confbot check --online}): the finding model, its rendering, and the
 * comparison of the ticket → role mapping with the event's pretix catalogue.
 */
@NullMarked
package dev.confbot.core.check;

import org.jspecify.annotations.NullMarked;
