package dev.confbot.core.setup;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One step of a setup plan, to be applied in the plan's order. Things that exist carry their id;
 * things the plan creates are referred to by name (roles, categories), which the applier resolves
 * when it gets there: where names repeat on the server, the oldest (smallest id) is meant.
 */
public sealed interface SetupChange {

  /** One line for {@code setup plan}: {@code +} creates, {@code ~} changes, {@code -} deletes. */
  String describe();

  /** Create a role (Discord puts it at the bottom, above {@code @everyone}). */
  record CreateRole(RoleSpec role) implements SetupChange {
    @Override
    public String describe() {
      return "+ role " + role.name() + " (" + role.properties() + ")";
    }
  }

  /** Change colour, hoist and mentionable of an existing role to the spec's. */
  record UpdateRole(LiveRole before, RoleSpec after) implements SetupChange {
    @Override
    public String describe() {
      StringBuilder out = new StringBuilder("~ role ").append(after.name()).append(':');
      String separator = " ";
      if (!before.colour().equals(after.colour())) {
        out.append(separator).append("colour ").append(before.colour().hex()).append(" → ");
        out.append(after.colour().hex());
        separator = ", ";
      }
      if (before.hoist() != after.hoist()) {
        out.append(separator).append(after.hoist() ? "hoisted" : "not hoisted");
        separator = ", ";
      }
      if (before.mentionable() != after.mentionable()) {
        out.append(separator).append(after.mentionable() ? "mentionable" : "not mentionable");
      }
      return out.toString();
    }
  }

  /**
   * Put the named roles in this order, top first, using the positions they hold between them; roles
   * not named keep their positions. For a name that several roles bear, the oldest is moved.
   */
  record ReorderRoles(List<String> topFirst) implements SetupChange {
    public ReorderRoles {
      topFirst = List.copyOf(topFirst);
    }

    @Override
    public String describe() {
      return "~ role order (top first): " + String.join(", ", topFirst);
    }
  }

  /**
   * Put the named categories in this order, top first, using the positions they hold between them;
   * other categories keep their positions. For a repeated name, the oldest is moved.
   */
  record ReorderCategories(List<String> topFirst) implements SetupChange {
    public ReorderCategories {
      topFirst = List.copyOf(topFirst);
    }

    @Override
    public String describe() {
      return "~ category order: " + String.join(", ", topFirst);
    }
  }

  /**
   * Put the named channels of one category (null: outside categories) in this order, top first,
   * using the positions they hold between them; other channels keep their positions. For a repeated
   * name, the oldest is moved.
   */
  record ReorderChannels(@Nullable String category, List<String> topFirst) implements SetupChange {
    public ReorderChannels {
      topFirst = List.copyOf(topFirst);
    }

    /** The category's name; empty for channels outside categories. */
    public Optional<String> categoryName() {
      return Optional.ofNullable(category);
    }

    @Override
    public String describe() {
      return "~ channel order "
          + (category == null ? "outside categories" : "in " + category)
          + ": "
          + topFirst.stream().map(name -> "#" + name).collect(Collectors.joining(", "));
    }
  }

  /** Create a category with exactly these overwrites. */
  record CreateCategory(CategorySpec category) implements SetupChange {
    @Override
    public String describe() {
      return "+ category " + category.name() + overwriteList(category.overwrites());
    }
  }

  /**
   * Create a channel of this kind in the named category (or none) with this topic and exactly these
   * overwrites (the channel's effective ones; the applier replaces whatever Discord copies from the
   * category).
   */
  record CreateChannel(
      String name,
      ChannelKind kind,
      @Nullable String category,
      String topic,
      List<Overwrite> overwrites)
      implements SetupChange {
    public CreateChannel {
      overwrites = List.copyOf(overwrites);
    }

    /** The category's name; empty for none. */
    public Optional<String> categoryName() {
      return Optional.ofNullable(category);
    }

    /**
     * {@code + channel #help in Info…}; other kinds than text are named: {@code + voice channel}.
     */
    @Override
    public String describe() {
      return "+ "
          + (kind == ChannelKind.TEXT ? "" : kind.label() + " ")
          + "channel #"
          + name
          + (category == null ? "" : " in " + category)
          + (topic.isEmpty() ? "" : ", topic \"" + topic + "\"")
          + overwriteList(overwrites);
    }
  }

  /**
   * Turn an existing channel into one of another kind in place; Discord allows it only between text
   * and announcement channels (and for announcement, only on servers with the Community feature).
   */
  record ChangeKind(LiveChannel channel, ChannelKind kind) implements SetupChange {
    public ChangeKind {
      if (!channel.kind().convertibleTo(kind) || channel.kind() == kind) {
        throw new IllegalArgumentException(
            "Discord cannot turn a " + channel.kind().label() + " channel into a " + kind.label());
      }
    }

    @Override
    public String describe() {
      return "~ channel #"
          + channel.name()
          + ": "
          + channel.kind().label()
          + " → "
          + kind.label()
          + " channel";
    }
  }

  /** Move an existing channel into the named category (null: out of any category). */
  record MoveChannel(
      LiveChannel channel, @Nullable String fromCategory, @Nullable String toCategory)
      implements SetupChange {

    /** The target category's name; empty to take the channel out of categories. */
    public Optional<String> toCategoryName() {
      return Optional.ofNullable(toCategory);
    }

    @Override
    public String describe() {
      return "~ channel #"
          + channel.name()
          + ": move from "
          + (fromCategory == null ? "(no category)" : fromCategory)
          + " to "
          + (toCategory == null ? "(no category)" : toCategory);
    }
  }

  /** Set an existing channel's topic (empty: remove it). */
  record UpdateTopic(LiveChannel channel, String topic) implements SetupChange {
    @Override
    public String describe() {
      return "~ channel #"
          + channel.name()
          + ": topic \""
          + channel.topic()
          + "\" → \""
          + topic
          + "\"";
    }
  }

  /**
   * Where an overwrite change applies: an existing channel or category.
   *
   * @param id the channel's or category's id
   * @param name its name
   * @param category true for a category
   */
  record Target(long id, String name, boolean category) {
    /** {@code category Info} or {@code channel #help}. */
    public String describe() {
      return category ? "category " + name : "channel #" + name;
    }
  }

  /**
   * Create or replace the overwrite for the overwrite's role on an existing channel or category.
   */
  record SetOverwrite(Target target, Overwrite overwrite, Optional<Overwrite> before)
      implements SetupChange {
    @Override
    public String describe() {
      return "~ "
          + target.describe()
          + ": "
          + overwrite.describe()
          + before
              .map(b -> " (was " + b.describe().substring(b.role().length() + 2) + ")")
              .orElse("");
    }
  }

  /** Remove a role's overwrite from an existing channel or category (prune only). */
  record DeleteOverwrite(Target target, String role) implements SetupChange {
    @Override
    public String describe() {
      return "- " + target.describe() + ": overwrite for " + role;
    }
  }

  /** Delete a channel the blueprint does not mention (prune only). */
  record DeleteChannel(LiveChannel channel) implements SetupChange {
    @Override
    public String describe() {
      return "- "
          + (channel.kind() == ChannelKind.TEXT ? "" : channel.kind().label() + " ")
          + "channel #"
          + channel.name();
    }
  }

  /** Delete a category the blueprint does not mention (prune only); its channels stay. */
  record DeleteCategory(LiveCategory category) implements SetupChange {
    @Override
    public String describe() {
      return "- category " + category.name();
    }
  }

  /** Delete a role the blueprint does not mention (prune only; never a managed role). */
  record DeleteRole(LiveRole role) implements SetupChange {
    @Override
    public String describe() {
      return "- role " + role.name();
    }
  }

  private static String overwriteList(List<Overwrite> overwrites) {
    return overwrites.isEmpty()
        ? ""
        : overwrites.stream().map(Overwrite::describe).collect(Collectors.joining("; ", " [", "]"));
  }
}
