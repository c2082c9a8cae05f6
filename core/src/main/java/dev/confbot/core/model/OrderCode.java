package dev.confbot.core.model;

import java.util.regex.Pattern;

/**
 * A pretix order code in canonical form: upper-case letters and digits, as pretix prints it (e.g.
 * {@code XJ7Q2}). Parsing of what attendees type lives in the registration package.
 */
public record OrderCode(String value) {
  private static final Pattern CANONICAL = Pattern.compile("[A-Z0-9]{3,16}");

  public OrderCode {
    if (!CANONICAL.matcher(value).matches()) {
      // never the whole value: this message reaches WARN lines and organizers' answers
      throw new IllegalArgumentException(
          "not a canonical order code: "
              + value.substring(0, Math.min(2, value.length()))
              + "… ("
              + value.length()
              + " characters)");
    }
  }

  /** The first two characters followed by an ellipsis, for logs and audit lines. */
  public String redacted() {
    return value.substring(0, 2) + "…";
  }

  @Override
  public String toString() {
    return value;
  }
}
