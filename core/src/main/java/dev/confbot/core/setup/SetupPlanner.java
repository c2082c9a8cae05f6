package dev.confbot.core.setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Computes the changes that turn the live server into the blueprint. Things are matched by name;
 * where several live things share a name, the oldest (smallest id) is the match and the others
 * count as not mentioned. Without prune nothing is deleted: not a role, category, channel or
 * overwrite. Planning again after applying the plan yields no changes.
 *
 * <p>Channels are matched by name whatever their kind. A matched channel of another kind is
 * converted when Discord allows it (text and announcement); otherwise it is a {@link KindConflict}
 * (see {@link #conflicts}): never deleted and recreated, but its category, position and overwrites
 * are still managed, and its topic where both kinds have one.
 */
public final class SetupPlanner {

  private SetupPlanner() {}

  /**
   * The ordered changes: roles are created, updated and ordered first (overwrites need them), then
   * categories, then channels, conversions between text and announcement last (they fail on servers
   * without the Community feature, after everything else is done); with {@code prune}, deletions of
   * overwrites, channels, categories and roles come last. Managed roles are never deleted.
   */
  public static List<SetupChange> plan(ServerBlueprint blueprint, LiveServer live, boolean prune) {
    Map<String, LiveRole> roles = oldestByName(live.roles(), LiveRole::name, LiveRole::id);
    Map<String, LiveCategory> categories =
        oldestByName(live.categories(), LiveCategory::name, LiveCategory::id);
    Map<String, LiveChannel> channels =
        oldestByName(live.channels(), LiveChannel::name, LiveChannel::id);

    List<SetupChange> changes = new ArrayList<>();
    planRoles(blueprint, live, roles, changes);
    List<SetupChange> overwrites = new ArrayList<>();
    for (CategorySpec spec : blueprint.categories()) {
      LiveCategory existing = categories.get(spec.name());
      if (existing == null) {
        changes.add(new SetupChange.CreateCategory(spec));
      } else {
        SetupChange.Target target = new SetupChange.Target(existing.id(), existing.name(), true);
        planOverwrites(target, spec.overwrites(), existing.overwrites(), prune, overwrites);
      }
    }
    List<String> wantedCategories =
        blueprint.categories().stream().map(CategorySpec::name).toList();
    if (!wantedCategories.equals(
        orderAfterCreation(live.categories(), LiveCategory::name, categories, wantedCategories))) {
      changes.add(new SetupChange.ReorderCategories(wantedCategories));
    }
    changes.addAll(overwrites);
    overwrites.clear();
    List<SetupChange> moves = new ArrayList<>();
    List<SetupChange> topics = new ArrayList<>();
    List<SetupChange> conversions = new ArrayList<>();
    for (ChannelSpec spec : blueprint.channels()) {
      List<Overwrite> wanted = blueprint.effectiveOverwrites(spec);
      LiveChannel existing = channels.get(spec.name());
      if (existing == null) {
        changes.add(
            new SetupChange.CreateChannel(
                spec.name(), spec.kind(), spec.category(), spec.topic(), wanted));
        continue;
      }
      if (existing.kind() != spec.kind() && existing.kind().convertibleTo(spec.kind())) {
        conversions.add(new SetupChange.ChangeKind(existing, spec.kind()));
      }
      Long wantedCategoryId = null;
      if (spec.category() != null) {
        LiveCategory category = categories.get(spec.category());
        wantedCategoryId = category == null ? Long.valueOf(-1) : Long.valueOf(category.id());
      }
      if (!Objects.equals(existing.categoryId(), wantedCategoryId)) {
        moves.add(
            new SetupChange.MoveChannel(
                existing, categoryName(live, existing.categoryId()), spec.category()));
      }
      if (existing.kind().hasTopic()
          && spec.kind().hasTopic()
          && !existing.topic().equals(spec.topic())) {
        topics.add(new SetupChange.UpdateTopic(existing, spec.topic()));
      }
      SetupChange.Target target = new SetupChange.Target(existing.id(), existing.name(), false);
      planOverwrites(target, wanted, existing.overwrites(), prune, overwrites);
    }
    changes.addAll(moves);
    changes.addAll(channelOrder(blueprint, live, channels));
    changes.addAll(topics);
    changes.addAll(overwrites);
    changes.addAll(conversions);
    if (prune) {
      planDeletions(blueprint, live, roles, categories, channels, changes);
    }
    return List.copyOf(changes);
  }

  /**
   * The blueprint channels that a channel of another kind holds on the server and Discord cannot
   * convert; the plan leaves their kind alone. Empty once the organizer renamed or deleted them.
   */
  public static List<KindConflict> conflicts(ServerBlueprint blueprint, LiveServer live) {
    Map<String, LiveChannel> channels =
        oldestByName(live.channels(), LiveChannel::name, LiveChannel::id);
    List<KindConflict> conflicts = new ArrayList<>();
    for (ChannelSpec spec : blueprint.channels()) {
      LiveChannel existing = channels.get(spec.name());
      if (existing != null && !existing.kind().convertibleTo(spec.kind())) {
        conflicts.add(new KindConflict(existing, spec.kind()));
      }
    }
    return List.copyOf(conflicts);
  }

  private static void planRoles(
      ServerBlueprint blueprint,
      LiveServer live,
      Map<String, LiveRole> roles,
      List<SetupChange> changes) {
    List<SetupChange> updates = new ArrayList<>();
    for (RoleSpec spec : blueprint.roles()) {
      LiveRole existing = roles.get(spec.name());
      if (existing == null) {
        changes.add(new SetupChange.CreateRole(spec));
      } else if (!existing.matches(spec)) {
        updates.add(new SetupChange.UpdateRole(existing, spec));
      }
    }
    changes.addAll(updates);
    List<String> wanted = blueprint.roles().stream().map(RoleSpec::name).toList();
    if (!wanted.equals(orderAfterCreation(live.roles(), LiveRole::name, roles, wanted))) {
      changes.add(new SetupChange.ReorderRoles(wanted));
    }
  }

  /**
   * The wanted things' order, top first, once the missing ones are created (each new one lands at
   * the bottom, below the ones created before it).
   */
  private static <T> List<String> orderAfterCreation(
      List<T> live, Function<T, String> name, Map<String, T> matched, List<String> wanted) {
    Set<String> names = new HashSet<>(wanted);
    List<String> order = new ArrayList<>();
    for (T thing : live) {
      String n = name.apply(thing);
      if (names.contains(n) && thing.equals(matched.get(n))) {
        order.add(n);
      }
    }
    for (String n : wanted) {
      if (!matched.containsKey(n)) {
        order.add(n);
      }
    }
    return order;
  }

  /**
   * Reorders for each category (and for channels outside categories) whose blueprint channels would
   * not stand in blueprint order once moved and created: moved channels keep their place in the
   * server's channel list, new ones come last.
   */
  private static List<SetupChange> channelOrder(
      ServerBlueprint blueprint, LiveServer live, Map<String, LiveChannel> channels) {
    Map<String, ChannelSpec> specs = new HashMap<>();
    blueprint.channels().forEach(c -> specs.put(c.name(), c));
    List<ChannelSpec> order = new ArrayList<>();
    for (LiveChannel channel : live.channels()) {
      ChannelSpec spec = specs.get(channel.name());
      if (spec != null && channel.equals(channels.get(channel.name()))) {
        order.add(spec);
      }
    }
    for (ChannelSpec spec : blueprint.channels()) {
      if (!channels.containsKey(spec.name())) {
        order.add(spec);
      }
    }
    Map<String, ChannelKind> kinds = new HashMap<>();
    for (ChannelSpec spec : blueprint.channels()) {
      LiveChannel existing = channels.get(spec.name());
      boolean stays = existing != null && !existing.kind().convertibleTo(spec.kind());
      kinds.put(spec.name(), existing != null && stays ? existing.kind() : spec.kind());
    }
    List<@Nullable String> groups = new ArrayList<>();
    groups.add(null);
    blueprint.categories().forEach(c -> groups.add(c.name()));
    List<SetupChange> reorders = new ArrayList<>();
    for (String group : groups) {
      List<String> wanted = namesIn(blueprint.channels(), group, kinds);
      if (!wanted.equals(namesIn(order, group, kinds))) {
        reorders.add(new SetupChange.ReorderChannels(group, wanted));
      }
    }
    return reorders;
  }

  /**
   * The names of the channels in the category, in the given order; voice and stage channels (by the
   * kind they will have) after the others, as Discord lists them whatever their positions.
   */
  private static List<String> namesIn(
      List<ChannelSpec> channels, @Nullable String category, Map<String, ChannelKind> kinds) {
    List<String> in =
        channels.stream()
            .filter(c -> Objects.equals(c.category(), category))
            .map(ChannelSpec::name)
            .toList();
    List<String> names = new ArrayList<>();
    in.stream()
        .filter(n -> !kinds.getOrDefault(n, ChannelKind.TEXT).listedLast())
        .forEach(names::add);
    in.stream()
        .filter(n -> kinds.getOrDefault(n, ChannelKind.TEXT).listedLast())
        .forEach(names::add);
    return names;
  }

  private static void planOverwrites(
      SetupChange.Target target,
      List<Overwrite> wanted,
      List<Overwrite> existing,
      boolean prune,
      List<SetupChange> changes) {
    Map<String, Overwrite> current = new HashMap<>();
    existing.forEach(o -> current.put(o.role(), o));
    Set<String> mentioned = new HashSet<>();
    for (Overwrite overwrite : wanted) {
      mentioned.add(overwrite.role());
      Overwrite before = current.get(overwrite.role());
      if (!overwrite.equals(before)) {
        changes.add(new SetupChange.SetOverwrite(target, overwrite, Optional.ofNullable(before)));
      }
    }
    if (prune) {
      for (Overwrite overwrite : existing) {
        if (!mentioned.contains(overwrite.role())) {
          changes.add(new SetupChange.DeleteOverwrite(target, overwrite.role()));
        }
      }
    }
  }

  private static void planDeletions(
      ServerBlueprint blueprint,
      LiveServer live,
      Map<String, LiveRole> roles,
      Map<String, LiveCategory> categories,
      Map<String, LiveChannel> channels,
      List<SetupChange> changes) {
    Set<String> channelNames = new HashSet<>();
    blueprint.channels().forEach(c -> channelNames.add(c.name()));
    for (LiveChannel channel : live.channels()) {
      if (!channelNames.contains(channel.name()) || !channel.equals(channels.get(channel.name()))) {
        changes.add(new SetupChange.DeleteChannel(channel));
      }
    }
    Set<String> categoryNames = new HashSet<>();
    blueprint.categories().forEach(c -> categoryNames.add(c.name()));
    for (LiveCategory category : live.categories()) {
      if (!categoryNames.contains(category.name())
          || !category.equals(categories.get(category.name()))) {
        changes.add(new SetupChange.DeleteCategory(category));
      }
    }
    Set<String> roleNames = new HashSet<>();
    blueprint.roles().forEach(r -> roleNames.add(r.name()));
    for (LiveRole role : live.roles()) {
      boolean mentioned = roleNames.contains(role.name()) && role.equals(roles.get(role.name()));
      if (!mentioned && !role.managed()) {
        changes.add(new SetupChange.DeleteRole(role));
      }
    }
  }

  private static @Nullable String categoryName(LiveServer live, @Nullable Long categoryId) {
    if (categoryId == null) {
      return null;
    }
    for (LiveCategory category : live.categories()) {
      if (category.id() == categoryId) {
        return category.name();
      }
    }
    return null;
  }

  /**
   * The plan as {@code setup plan} prints it: one line per change, then a count; {@code Nothing to
   * change.} for an empty plan.
   */
  public static String describe(List<SetupChange> changes) {
    if (changes.isEmpty()) {
      return "Nothing to change.";
    }
    StringBuilder out = new StringBuilder();
    long deletions = 0;
    for (SetupChange change : changes) {
      out.append(change.describe()).append('\n');
      if (isDeletion(change)) {
        deletions++;
      }
    }
    out.append(changes.size()).append(changes.size() == 1 ? " change" : " changes");
    if (deletions > 0) {
      out.append(", ").append(deletions).append(deletions == 1 ? " deletion" : " deletions");
    }
    return out.append('.').toString();
  }

  /** True for the changes only a pruning plan holds. */
  public static boolean isDeletion(SetupChange change) {
    return change instanceof SetupChange.DeleteRole
        || change instanceof SetupChange.DeleteCategory
        || change instanceof SetupChange.DeleteChannel
        || change instanceof SetupChange.DeleteOverwrite;
  }

  /** For each name, the thing with the smallest id. */
  static <T> Map<String, T> oldestByName(
      List<T> things, Function<T, String> name, ToLongFunction<T> id) {
    Map<String, T> oldest = new HashMap<>();
    things.stream()
        .sorted(Comparator.comparingLong(id))
        .forEach(thing -> oldest.putIfAbsent(name.apply(thing), thing));
    return oldest;
  }
}
