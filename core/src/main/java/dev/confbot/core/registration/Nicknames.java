package dev.confbot.core.registration;

import java.util.Optional;

/** Fits a ticket name into a Discord nickname. */
public final class Nicknames {
  /** Discord's nickname limit, in characters. */
  public static final int MAX_LENGTH = 32;

  private Nicknames() {}

  /**
   * The name with control and formatting characters removed and spaces collapsed, shortened to at
   * most 32 code points at a word boundary (cut inside the first word only when that word alone is
   * too long); empty when nothing printable is left.
   */
  public static Optional<String> fromName(String name) {
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .limit(1024)
        .map(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : cp)
        .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .forEach(clean::appendCodePoint);
    String s = clean.toString().strip().replaceAll(" {2,}", " ");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (s.codePointCount(0, s.length()) <= MAX_LENGTH) {
      return Optional.of(s);
    }
    int limit = s.offsetByCodePoints(0, MAX_LENGTH);
    int space = s.lastIndexOf(' ', limit);
    String cut = space > 0 ? s.substring(0, space) : s.substring(0, limit);
    return Optional.of(cut.strip());
  }
}
