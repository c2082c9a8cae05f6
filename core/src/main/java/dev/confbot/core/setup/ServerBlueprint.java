package dev.confbot.core.setup;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server as organizers want it: roles (top first), categories and channels of every kind with
 * their permission overwrites. Built from the {@code [setup]} part of the configuration. Validated
 * on construction: names are unique, channels name a blueprint category, overwrites name a
 * blueprint role or {@code @everyone}.
 */
public record ServerBlueprint(
    List<RoleSpec> roles, List<CategorySpec> categories, List<ChannelSpec> channels) {

  public ServerBlueprint {
    roles = List.copyOf(roles);
    categories = List.copyOf(categories);
    channels = List.copyOf(channels);
    Set<String> roleNames = unique(roles.stream().map(RoleSpec::name).toList(), "role");
    Set<String> categoryNames =
        unique(categories.stream().map(CategorySpec::name).toList(), "category");
    unique(channels.stream().map(ChannelSpec::name).toList(), "channel");
    for (CategorySpec category : categories) {
      checkRoles(category.overwrites(), roleNames, "category " + category.name());
    }
    for (ChannelSpec channel : channels) {
      checkRoles(channel.overwrites(), roleNames, "channel #" + channel.name());
      if (channel.category() != null && !categoryNames.contains(channel.category())) {
        throw new IllegalArgumentException(
            "channel #"
                + channel.name()
                + " is in category \""
                + channel.category()
                + "\", which the blueprint does not define");
      }
    }
  }

  /**
   * The overwrites a channel should end up with: its category's, with the channel's own replacing
   * those for the same role; in the category's order, then the channel's additions.
   */
  public List<Overwrite> effectiveOverwrites(ChannelSpec channel) {
    Map<String, Overwrite> byRole = new LinkedHashMap<>();
    if (channel.category() != null) {
      for (CategorySpec category : categories) {
        if (category.name().equals(channel.category())) {
          category.overwrites().forEach(o -> byRole.put(o.role(), o));
        }
      }
    }
    channel.overwrites().forEach(o -> byRole.put(o.role(), o));
    return List.copyOf(byRole.values());
  }

  private static Set<String> unique(List<String> names, String kind) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            "the blueprint defines the " + kind + " \"" + name + "\" twice");
      }
    }
    return seen;
  }

  private static void checkRoles(List<Overwrite> overwrites, Set<String> roles, String where) {
    for (Overwrite overwrite : overwrites) {
      if (!overwrite.role().equals(Overwrite.EVERYONE) && !roles.contains(overwrite.role())) {
        throw new IllegalArgumentException(
            where
                + " has an overwrite for the role \""
                + overwrite.role()
                + "\", which the blueprint does not define (add it to the roles)");
      }
    }
  }
}
