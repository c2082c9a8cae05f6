package dev.confbot.core.setup;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A channel as it is on the server.
 *
 * @param id its snowflake
 * @param name its name
 * @param kind text, voice, forum, announcement or stage
 * @param categoryId the id of its category, or null when it is outside categories
 * @param topic its topic; empty for none (always empty for voice and stage channels)
 * @param overwrites its role overwrites, at most one per role name (member overwrites are left out)
 */
public record LiveChannel(
    long id,
    String name,
    ChannelKind kind,
    @Nullable Long categoryId,
    String topic,
    List<Overwrite> overwrites) {
  public LiveChannel {
    overwrites = Names.uniqueRoles(overwrites, "channel #" + name);
  }

  /** A text channel. */
  public LiveChannel(
      long id, String name, @Nullable Long categoryId, String topic, List<Overwrite> overwrites) {
    this(id, name, ChannelKind.TEXT, categoryId, topic, overwrites);
  }

  /** The id of its category; empty when it is outside categories. */
  public Optional<Long> category() {
    return Optional.ofNullable(categoryId);
  }

  /** A copy with other fields. */
  LiveChannel with(ChannelKind newKind, @Nullable Long newCategory, String newTopic) {
    return new LiveChannel(id, name, newKind, newCategory, newTopic, overwrites);
  }

  /** A copy with other overwrites. */
  LiveChannel withOverwrites(List<Overwrite> newOverwrites) {
    return new LiveChannel(id, name, kind, categoryId, topic, newOverwrites);
  }
}
