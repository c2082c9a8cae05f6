package dev.confbot.core.setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Applies a plan to a snapshot in memory, the way Discord would: for {@code setup plan --preview},
 * the demo's stand-in server, and the idempotence tests. New things get ids above every existing
 * id, in plan order; a new role, category or channel lands at the bottom (a moved channel keeps its
 * place in the channel list); deleting a category leaves its channels outside categories; deleting
 * a role removes its overwrites.
 */
public final class SetupSimulator {

  private SetupSimulator() {}

  /** The server after the changes, in order. */
  public static LiveServer apply(LiveServer live, List<SetupChange> changes) {
    State state = new State(live);
    for (SetupChange change : changes) {
      state.apply(change);
    }
    return new LiveServer(state.roles, state.categories, state.channels);
  }

  private static final class State {
    final List<LiveRole> roles;
    final List<LiveCategory> categories;
    final List<LiveChannel> channels;
    long nextId;

    State(LiveServer live) {
      roles = new ArrayList<>(live.roles());
      categories = new ArrayList<>(live.categories());
      channels = new ArrayList<>(live.channels());
      nextId =
          Stream.of(
                      live.roles().stream().mapToLong(LiveRole::id),
                      live.categories().stream().mapToLong(LiveCategory::id),
                      live.channels().stream().mapToLong(LiveChannel::id))
                  .flatMapToLong(s -> s)
                  .max()
                  .orElse(1_000L)
              + 1;
    }

    void apply(SetupChange change) {
      if (change instanceof SetupChange.CreateRole createRole) {
        RoleSpec role = createRole.role();
        roles.add(
            new LiveRole(
                nextId++, role.name(), role.colour(), role.hoist(), role.mentionable(), false));
      } else if (change instanceof SetupChange.UpdateRole update) {
        RoleSpec spec = update.after();
        replace(
            roles,
            r -> r.id() == update.before().id(),
            r ->
                new LiveRole(
                    r.id(),
                    r.name(),
                    spec.colour(),
                    spec.hoist(),
                    spec.mentionable(),
                    r.managed()));
      } else if (change instanceof SetupChange.ReorderRoles reorderRoles) {
        reorder(roles, reorderRoles.topFirst(), LiveRole::name, LiveRole::id);
      } else if (change instanceof SetupChange.ReorderCategories reorderCategories) {
        reorder(categories, reorderCategories.topFirst(), LiveCategory::name, LiveCategory::id);
      } else if (change instanceof SetupChange.ReorderChannels reorderChannels) {
        reorder(channels, reorderChannels.topFirst(), LiveChannel::name, LiveChannel::id);
      } else if (change instanceof SetupChange.CreateCategory createCategory) {
        CategorySpec spec = createCategory.category();
        categories.add(new LiveCategory(nextId++, spec.name(), spec.overwrites()));
      } else if (change instanceof SetupChange.CreateChannel create) {
        channels.add(
            new LiveChannel(
                nextId++,
                create.name(),
                create.kind(),
                categoryId(create.category()),
                create.topic(),
                create.overwrites()));
      } else if (change instanceof SetupChange.MoveChannel move) {
        Long to = categoryId(move.toCategory());
        replace(channels, c -> c.id() == move.channel().id(), c -> c.with(c.kind(), to, c.topic()));
      } else if (change instanceof SetupChange.ChangeKind kind) {
        replace(
            channels,
            c -> c.id() == kind.channel().id(),
            c -> c.with(kind.kind(), c.categoryId(), c.topic()));
      } else if (change instanceof SetupChange.UpdateTopic topic) {
        replace(
            channels,
            c -> c.id() == topic.channel().id(),
            c -> c.with(c.kind(), c.categoryId(), topic.topic()));
      } else if (change instanceof SetupChange.SetOverwrite set) {
        editOverwrites(set.target(), set.overwrite().role(), set.overwrite());
      } else if (change instanceof SetupChange.DeleteOverwrite delete) {
        editOverwrites(delete.target(), delete.role(), null);
      } else if (change instanceof SetupChange.DeleteChannel deleteChannel) {
        long id = deleteChannel.channel().id();
        channels.removeIf(c -> c.id() == id);
      } else if (change instanceof SetupChange.DeleteCategory deleteCategory) {
        long id = deleteCategory.category().id();
        categories.removeIf(c -> c.id() == id);
        replace(
            channels,
            c -> Objects.equals(c.categoryId(), id),
            c -> c.with(c.kind(), null, c.topic()));
      } else if (change instanceof SetupChange.DeleteRole deleteRole) {
        LiveRole role = deleteRole.role();
        roles.removeIf(r -> r.id() == role.id());
        if (roles.stream().noneMatch(r -> r.name().equals(role.name()))) {
          removeOverwritesOf(role.name());
        }
      } else {
        throw new AssertionError(change);
      }
    }

    /** Moves the oldest thing of each name into the slots those things hold, in the given order. */
    private static <T> void reorder(
        List<T> things, List<String> topFirst, Function<T, String> name, ToLongFunction<T> id) {
      Map<String, T> oldest = SetupPlanner.oldestByName(things, name, id);
      List<T> moving = new ArrayList<>();
      for (String n : topFirst) {
        T thing = oldest.get(n);
        if (thing != null) {
          moving.add(thing);
        }
      }
      int[] slots =
          IntStream.range(0, things.size()).filter(i -> moving.contains(things.get(i))).toArray();
      for (int i = 0; i < slots.length; i++) {
        things.set(slots[i], moving.get(i));
      }
    }

    private @Nullable Long categoryId(@Nullable String name) {
      if (name == null) {
        return null;
      }
      return categories.stream()
          .filter(c -> c.name().equals(name))
          .min(Comparator.comparingLong(LiveCategory::id))
          .map(LiveCategory::id)
          .orElseThrow(() -> new IllegalStateException("no category " + name + " to put it in"));
    }

    private void editOverwrites(SetupChange.Target target, String role, @Nullable Overwrite value) {
      if (target.category()) {
        replace(
            categories,
            c -> c.id() == target.id(),
            c -> new LiveCategory(c.id(), c.name(), edited(c.overwrites(), role, value)));
      } else {
        replace(
            channels,
            c -> c.id() == target.id(),
            c -> c.withOverwrites(edited(c.overwrites(), role, value)));
      }
    }

    private void removeOverwritesOf(String role) {
      replace(
          categories,
          c -> true,
          c -> new LiveCategory(c.id(), c.name(), edited(c.overwrites(), role, null)));
      replace(channels, c -> true, c -> c.withOverwrites(edited(c.overwrites(), role, null)));
    }

    private static List<Overwrite> edited(
        List<Overwrite> overwrites, String role, @Nullable Overwrite value) {
      List<Overwrite> result = new ArrayList<>();
      boolean replaced = false;
      for (Overwrite overwrite : overwrites) {
        if (!overwrite.role().equals(role)) {
          result.add(overwrite);
        } else if (value != null) {
          result.add(value);
          replaced = true;
        }
      }
      if (value != null && !replaced) {
        result.add(value);
      }
      return result;
    }

    private static <T> void replace(
        List<T> list,
        java.util.function.Predicate<T> which,
        java.util.function.UnaryOperator<T> how) {
      list.replaceAll(t -> which.test(t) ? how.apply(t) : t);
    }
  }
}
