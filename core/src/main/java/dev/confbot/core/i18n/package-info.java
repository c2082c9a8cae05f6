/**
 * Attendee-facing texts in English, German and French, with organizer overrides: {@link
 * dev.confbot.core.i18n.Texts} picks a {@link dev.confbot.core.i18n.TextBundle} for a member's
 * locale.
 */
@NullMarked
package dev.confbot.core.i18n;

import org.jspecify.annotations.NullMarked;
