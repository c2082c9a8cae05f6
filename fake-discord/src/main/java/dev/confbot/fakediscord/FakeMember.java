package dev.confbot.fakediscord;

/**
 * A guild member of the fake (a user plus membership), identified by its snowflake id.
 *
 * <p>Roles and nickname change over time; read them with {@link FakeDiscord#roleNamesOf} and {@link
 * FakeDiscord#nicknameOf}.
 *
 * @param id the user's snowflake
 * @param username the unique user name
 * @param bot whether the user is a bot account
 */
public record FakeMember(long id, String username, boolean bot) {
  /** Validates the username. */
  public FakeMember {
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
  }
}
