package dev.confbot.core.registration;

import java.util.Arrays;
import java.util.List;

/**
 * A person's name in the canonical form {@link NameMatcher} compares: lower-case ASCII-folded
 * tokens without titles. Computed once per ticket name (the {@link TicketIndex} keeps them) and
 * once per typed name. Immutable.
 */
public final class CanonicalName {
  static final CanonicalName EMPTY = new CanonicalName(new String[0]);

  private final String[] tokens;
  private final String[] sorted;

  CanonicalName(String[] tokens) {
    this.tokens = tokens;
    this.sorted = tokens.clone();
    if (sorted.length > 1) {
      Arrays.sort(sorted);
    }
  }

  /** The tokens in their original order. */
  public List<String> tokens() {
    return List.of(tokens);
  }

  /** True when the name had no letters or digits at all. */
  public boolean isEmpty() {
    return tokens.length == 0;
  }

  int size() {
    return tokens.length;
  }

  String first() {
    return tokens[0];
  }

  String last() {
    return tokens[tokens.length - 1];
  }

  String[] sorted() {
    return sorted;
  }

  String[] ordered() {
    return tokens;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanonicalName && Arrays.equals(tokens, ((CanonicalName) o).tokens);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens);
  }

  /**
   * The tokens joined by spaces (canonical form only, still a personal name: not for INFO logs).
   */
  @Override
  public String toString() {
    return String.join(" ", tokens);
  }
}
