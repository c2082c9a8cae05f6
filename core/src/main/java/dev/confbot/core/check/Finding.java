package dev.confbot.core.check;

/**
 * One result of a pre-flight check: what was found about which setting, and how to fix it.
 *
 * @param severity error, warning or ok
 * @param system the system that was asked: {@code pretix}, {@code pretalx} or {@code discord}
 * @param key the configuration key or secret the finding is about, e.g. {@code pretix.event} or
 *     {@code PRETIX_TOKEN}
 * @param message what was found and, for errors and warnings, the fix; never a secret
 */
public record Finding(Severity severity, String system, String key, String message) {
  public Finding {
    if (system.isBlank() || key.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("a finding needs a system, a key and a message");
    }
  }

  public static Finding error(String system, String key, String message) {
    return new Finding(Severity.ERROR, system, key, message);
  }

  public static Finding warning(String system, String key, String message) {
    return new Finding(Severity.WARNING, system, key, message);
  }

  public static Finding ok(String system, String key, String message) {
    return new Finding(Severity.OK, system, key, message);
  }

  /** {@code error pretix.event pretix answers 404 …}: one line, as the command prints it. */
  public String line() {
    return String.format("%-5s  %s  %s", severity.label(), key, message.replace('\n', ' '));
  }
}
