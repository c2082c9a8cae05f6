package dev.confbot.config;

/**
 * An integer literal of the TOML file that does not fit in 64 bits, as written. It stands in the
 * tree where night-config would have put a silently wrapped number, so every check of the key that
 * holds it fails and the problem shows the literal.
 */
record IntegerOutOfRange(String literal) {
  @Override
  public String toString() {
    return literal;
  }
}
