package dev.confbot.core.i18n;

/**
 * Why the organizer's language settings cannot be used.
 *
 * @param path the config key, e.g. {@code attendee.texts.fr."registration.order_not_found"}
 * @param message what is wrong, for the organizer
 */
public record TextProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
