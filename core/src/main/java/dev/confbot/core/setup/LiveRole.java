package dev.confbot.core.setup;

/**
 * A role as it is on the server.
 *
 * @param id its snowflake
 * @param name its name
 * @param colour its colour
 * @param hoist shown separately in the member list
 * @param mentionable anyone may @mention it
 * @param managed owned by an integration (a bot's own role, the booster role): never deleted
 */
public record LiveRole(
    long id, String name, Colour colour, boolean hoist, boolean mentionable, boolean managed) {

  /** True when colour, hoist and mentionable are as the spec wants them. */
  boolean matches(RoleSpec spec) {
    return colour.equals(spec.colour())
        && hoist == spec.hoist()
        && mentionable == spec.mentionable();
  }
}
