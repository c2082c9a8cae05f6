package dev.confbot.core.setup;

/**
 * A role as the blueprint wants it. Its place in {@link ServerBlueprint#roles()} gives its order.
 *
 * @param name the role's name, unique in the blueprint (not {@code @everyone})
 * @param colour its colour
 * @param hoist shown separately in the member list
 * @param mentionable anyone may @mention it
 */
public record RoleSpec(String name, Colour colour, boolean hoist, boolean mentionable) {
  public RoleSpec {
    name = Names.role(name);
  }

  /** E.g. {@code colour #F59E0B, hoisted, mentionable}. */
  String properties() {
    return "colour "
        + colour.hex()
        + (hoist ? ", hoisted" : ", not hoisted")
        + (mentionable ? ", mentionable" : ", not mentionable");
  }
}
