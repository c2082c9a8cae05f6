package dev.confbot.core.remind;

/**
 * One autocomplete suggestion: what the member sees and what the command receives.
 *
 * @param name shown to the member, 1–{@value #MAX} characters (Discord's limit)
 * @param value the session code sent back with the command, 1–{@value #MAX} characters
 */
public record SessionChoice(String name, String value) {

  /** Discord's limit for a choice's name and string value. */
  public static final int MAX = 100;

  public SessionChoice {
    if (name.isBlank() || name.length() > MAX || value.isBlank() || value.length() > MAX) {
      throw new IllegalArgumentException("choice name and value must be 1-100 characters");
    }
  }
}
