package dev.confbot.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A secret value (token, webhook URL) that never shows up in logs: {@link #toString()} prints
 * {@code ***}. Call {@link #reveal()} only where the value is handed to the system that needs it.
 */
public final class Secret {
  private final @Nullable String value;
  private final String name;

  /** Wraps {@code value}, which must not be blank. */
  public Secret(String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    this.value = value;
    this.name = "secret";
  }

  private Secret(String name, @Nullable String value) {
    this.name = name;
    this.value = value;
  }

  /**
   * The stand-in for secret {@code name} when a command said it does not need it (see {@link
   * ConfigLoader#notNeeding}); {@link #reveal()} then fails, naming the secret.
   */
  static Secret notSet(String name) {
    return new Secret(name, null);
  }

  /** Whether the secret has a value (false only for a secret the command said it does not need). */
  public boolean isSet() {
    return value != null;
  }

  /**
   * The secret itself, for the HTTP header or login that needs it. Never log it.
   *
   * @throws IllegalStateException for a secret that is not set
   */
  public String reveal() {
    if (value == null) {
      throw new IllegalStateException(Secrets.missingMessage(name));
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret
        && Objects.equals(secret.value, value)
        && (value != null || secret.name.equals(name));
  }

  @Override
  public int hashCode() {
    return value == null ? name.hashCode() : value.hashCode();
  }

  /** Always {@code ***}. */
  @Override
  public String toString() {
    return "***";
  }
}
