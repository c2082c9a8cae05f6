package dev.confbot.config;

import dev.confbot.core.model.RoleRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code [setup]}: the server {@code confbot setup plan|apply} creates. Applying it twice changes
 * nothing.
 *
 * @param roles roles, highest first, array of tables {@code [[setup.roles]]}
 * @param categories categories with their channels, {@code [[setup.categories]]}
 */
public record SetupBlueprint(List<RoleBlueprint> roles, List<CategoryBlueprint> categories) {
  public SetupBlueprint {
    roles = List.copyOf(roles);
    categories = List.copyOf(categories);
  }

  /** Number of channels over all categories. */
  public int channelCount() {
    return categories.stream().mapToInt(c -> c.channels().size()).sum();
  }

  /**
   * A role of the blueprint.
   *
   * @param name role name, key {@code name}
   * @param colour RGB colour, key {@code colour} as {@code "#rrggbb"}; null for Discord's default
   * @param hoist shown separately in the member list, key {@code hoist}, default false
   * @param mentionable anyone may mention it, key {@code mentionable}, default false
   */
  public record RoleBlueprint(
      String name, @Nullable Integer colour, boolean hoist, boolean mentionable) {}

  /**
   * A category and its channels.
   *
   * @param name category name, key {@code name}
   * @param overwrites permission overwrites, {@code [[setup.categories.overwrites]]}
   * @param channels channels in order, {@code [[setup.categories.channels]]}
   */
  public record CategoryBlueprint(
      String name, List<PermissionOverwrite> overwrites, List<ChannelBlueprint> channels) {
    public CategoryBlueprint {
      overwrites = List.copyOf(overwrites);
      channels = List.copyOf(channels);
    }
  }

  /**
   * A channel of a category.
   *
   * @param name channel name, key {@code name}
   * @param kind key {@code type}: {@code text} (default), {@code voice}, {@code forum}, {@code
   *     announcement} or {@code stage}
   * @param topic channel topic, key {@code topic}; null for none
   * @param overwrites permission overwrites on top of the category's, {@code overwrites}
   */
  public record ChannelBlueprint(
      String name, ChannelKind kind, @Nullable String topic, List<PermissionOverwrite> overwrites) {
    public ChannelBlueprint {
      overwrites = List.copyOf(overwrites);
    }
  }

  /** Kinds of channels the blueprint can create. */
  public enum ChannelKind {
    TEXT,
    VOICE,
    FORUM,
    ANNOUNCEMENT,
    STAGE
  }

  /**
   * Permissions allowed or denied to one role. Permission names are Discord's, upper-case with
   * underscores as JDA spells them ({@code VIEW_CHANNEL}, {@code MESSAGE_SEND}).
   *
   * @param role the role (name, id, or {@code @everyone}), key {@code role}
   * @param allow key {@code allow}
   * @param deny key {@code deny}
   */
  public record PermissionOverwrite(RoleRef role, List<String> allow, List<String> deny) {
    public PermissionOverwrite {
      allow = List.copyOf(allow);
      deny = List.copyOf(deny);
    }
  }
}
