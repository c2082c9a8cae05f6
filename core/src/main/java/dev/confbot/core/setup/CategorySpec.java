package dev.confbot.core.setup;

import java.util.List;

/**
 * A channel category as the blueprint wants it.
 *
 * @param name the category's name, unique in the blueprint
 * @param overwrites its permission overwrites, at most one per role; its channels start from them
 */
public record CategorySpec(String name, List<Overwrite> overwrites) {
  public CategorySpec {
    name = Names.category(name);
    overwrites = Names.uniqueRoles(overwrites, "category " + name);
  }
}
