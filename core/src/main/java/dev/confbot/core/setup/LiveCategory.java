package dev.confbot.core.setup;

import java.util.List;

/**
 * A channel category as it is on the server.
 *
 * @param id its snowflake
 * @param name its name
 * @param overwrites its role overwrites, at most one per role name (member overwrites are left out)
 */
public record LiveCategory(long id, String name, List<Overwrite> overwrites) {
  public LiveCategory {
    overwrites = Names.uniqueRoles(overwrites, "category " + name);
  }
}
