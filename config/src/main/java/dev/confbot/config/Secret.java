package dev.confbot.config;

/**
 * A secret value (token, webhook URL) that never shows up in logs: {@link #toString()} prints
 * {@code ***}. Call {@link #reveal()} only where the value is handed to the system that needs it.
 */
public final class Secret {
  private final String value;

  /** Wraps {@code value}, which must not be blank. */
  public Secret(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    this.value = value;
  }

  /** The secret itself, for the HTTP header or login that needs it. Never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Always {@code ***}. */
  @Override
  public String toString() {
    return "***";
  }
}
