package dev.confbot.core.model;

/** A Discord user (member) id, a snowflake. */
public record MemberId(long value) {
  public MemberId {
    if (value <= 0) {
      throw new IllegalArgumentException("member id must be positive, was " + value);
    }
  }

  /** The Discord mention, {@code <@id>}. */
  public String mention() {
    return "<@" + value + ">";
  }

  @Override
  public String toString() {
    return Long.toUnsignedString(value);
  }
}
