package dev.confbot.core.model;

/**
 * A Discord role, referred to by name or by id (a snowflake written as digits). The Discord adapter
 * resolves it against the guild.
 */
public record RoleRef(String value) {
  public RoleRef {
    value = value.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("role reference must not be blank");
    }
  }

  /** True when the reference is a role id rather than a name. */
  public boolean isId() {
    return value.length() >= 15 && value.chars().allMatch(Character::isDigit);
  }

  @Override
  public String toString() {
    return value;
  }
}
