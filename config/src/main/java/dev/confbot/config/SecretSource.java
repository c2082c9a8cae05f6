package dev.confbot.config;

/**
 * Where a secret used by the configuration was found (its value is never part of a report).
 *
 * @param name the secret's name, e.g. {@code PRETIX_TOKEN}
 * @param origin the file or the environment
 */
public record SecretSource(String name, Origin origin) {
  /** Where secrets come from; the environment wins over the file. */
  public enum Origin {
    SECRETS_FILE,
    ENVIRONMENT
  }

  @Override
  public String toString() {
    return name + (origin == Origin.ENVIRONMENT ? " (environment)" : " (.secrets)");
  }
}
