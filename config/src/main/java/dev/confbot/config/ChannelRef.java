package dev.confbot.config;

/**
 * A Discord channel, referred to by name (without {@code #}) or by id (a snowflake written as
 * digits). The Discord adapter resolves it against the guild.
 */
public record ChannelRef(String value) {
  public ChannelRef {
    value = value.strip();
    if (value.startsWith("#")) {
      value = value.substring(1).strip();
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("channel reference must not be blank");
    }
  }

  /** True when the reference is a channel id rather than a name. */
  public boolean isId() {
    return value.length() >= 15 && value.chars().allMatch(Character::isDigit);
  }

  @Override
  public String toString() {
    return isId() ? value : "#" + value;
  }
}
