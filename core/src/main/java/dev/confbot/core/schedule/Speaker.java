package dev.confbot.core.schedule;

import java.util.Locale;

/**
 * A speaker of a session as the schedule source describes them.
 *
 * @param name the public name
 * @param email the e-mail address, stripped and lower-case; empty when the source does not give it
 *     (only the authenticated pretalx REST API does)
 */
public record Speaker(String name, String email) {
  public Speaker {
    name = name.strip();
    email = email.strip().toLowerCase(Locale.ROOT);
  }
}
