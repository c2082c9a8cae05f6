package dev.confbot.core.setup;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A channel as the blueprint wants it.
 *
 * <p>Its effective overwrites are its category's overwrites with its own ones replacing those for
 * the same role: a channel that lists none has exactly its category's (Discord's "synced" channel),
 * so a private category keeps its channels private.
 *
 * @param name the channel's name as Discord stores it, unique in the blueprint: for text,
 *     announcement and forum channels lower case, no spaces (e.g. {@code registration}); voice and
 *     stage channel names may hold capitals and spaces (e.g. {@code Hallway Track})
 * @param kind text, voice, forum, announcement or stage
 * @param category the category's name, or null for a channel outside categories
 * @param topic the channel topic; empty for none (at most 1024 characters); voice and stage
 *     channels have none, so theirs must be empty
 * @param overwrites its own permission overwrites, at most one per role
 */
public record ChannelSpec(
    String name,
    ChannelKind kind,
    @Nullable String category,
    String topic,
    List<Overwrite> overwrites) {
  /** Discord's limit for a text channel topic. */
  public static final int MAX_TOPIC = 1024;

  public ChannelSpec {
    name = Names.channel(name, kind);
    if (category != null) {
      category = Names.category(category);
    }
    topic = topic.strip();
    if (topic.length() > MAX_TOPIC) {
      throw new IllegalArgumentException(
          "topic of #" + name + " has " + topic.length() + " characters, Discord allows 1024");
    }
    if (!topic.isEmpty() && !kind.hasTopic()) {
      throw new IllegalArgumentException(
          "#"
              + name
              + " is a "
              + kind.label()
              + " channel, which has no topic on Discord; remove its topic");
    }
    overwrites = Names.uniqueRoles(overwrites, "channel #" + name);
  }

  /** A text channel. */
  public ChannelSpec(
      String name, @Nullable String category, String topic, List<Overwrite> overwrites) {
    this(name, ChannelKind.TEXT, category, topic, overwrites);
  }

  /** The category's name; empty for a channel outside categories. */
  public Optional<String> categoryName() {
    return Optional.ofNullable(category);
  }
}
