package dev.confbot.core.setup;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A text channel as it is on the server.
 *
 * @param id its snowflake
 * @param name its name
 * @param categoryId the id of its category, or null when it is outside categories
 * @param topic its topic; empty for none
 * @param overwrites its role overwrites, at most one per role name (member overwrites are left out)
 */
public record LiveChannel(
    long id, String name, @Nullable Long categoryId, String topic, List<Overwrite> overwrites) {
  public LiveChannel {
    overwrites = Names.uniqueRoles(overwrites, "channel #" + name);
  }

  /** The id of its category; empty when it is outside categories. */
  public Optional<Long> category() {
    return Optional.ofNullable(categoryId);
  }
}
