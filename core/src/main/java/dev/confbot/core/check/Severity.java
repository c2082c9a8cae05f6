package dev.confbot.core.check;

import java.util.Locale;

/** How much a finding matters: an error fails the check, a warning does not, ok confirms. */
public enum Severity {
  ERROR,
  WARNING,
  OK;

  /** The word printed in front of a finding: {@code error}, {@code warn}, {@code ok}. */
  public String label() {
    return this == WARNING ? "warn" : name().toLowerCase(Locale.ROOT);
  }
}
