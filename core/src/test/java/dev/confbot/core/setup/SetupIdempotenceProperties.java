package dev.confbot.core.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random blueprints against random servers (overlapping names, duplicates, managed roles, stray
 * overwrites, channels of every kind, also of another kind than the blueprint's). jqwik drives the
 * seed; a failure reports it for replay.
 */
class SetupIdempotenceProperties {
  private static final List<String> ROLES =
      List.of("Organizers", "Speakers", "Sponsors", "Attendees", "Volunteers", "Old");
  private static final List<String> CATEGORIES = List.of("Info", "Conference", "Rooms", "Staff");
  private static final List<String> CHANNELS =
      List.of("registration", "help", "announcements", "room-1", "room-2", "log");
  private static final List<String> TOPICS = List.of("", "Welcome", "Ask here");
  private static final List<ChannelKind> KINDS = List.of(ChannelKind.values());
  private static final List<Colour> COLOURS =
      List.of(Colour.NONE, new Colour(0xE11D48), new Colour(0x3B82F6));
  private static final List<DiscordPermission> PERMISSIONS =
      List.of(
          DiscordPermission.VIEW_CHANNEL,
          DiscordPermission.SEND_MESSAGES,
          DiscordPermission.ADD_REACTIONS,
          DiscordPermission.EMBED_LINKS);

  @Property(tries = 400)
  void planningAgainAfterApplyingChangesNothing(@ForAll long seed, @ForAll boolean prune) {
    // given
    Random random = new Random(seed);
    ServerBlueprint blueprint = blueprint(random);
    LiveServer live = live(random);
    // when
    LiveServer applied = SetupSimulator.apply(live, SetupPlanner.plan(blueprint, live, prune));
    // then
    assertThat(SetupPlanner.plan(blueprint, applied, prune)).isEmpty();
    assertThat(SetupPlanner.plan(blueprint, applied, false)).isEmpty();
  }

  @Property(tries = 400)
  void leavesOnlyKindsDiscordCannotConvertDifferent(@ForAll long seed, @ForAll boolean prune) {
    // given
    Random random = new Random(seed);
    ServerBlueprint blueprint = blueprint(random);
    LiveServer live = live(random);
    List<String> conflicts = conflicts(blueprint, live);
    // when
    LiveServer applied = SetupSimulator.apply(live, SetupPlanner.plan(blueprint, live, prune));
    // then
    assertThat(conflicts(blueprint, applied)).isEqualTo(conflicts);
    for (ChannelSpec spec : blueprint.channels()) {
      LiveChannel channel =
          applied.channels().stream()
              .filter(c -> c.name().equals(spec.name()))
              .min(Comparator.comparingLong(LiveChannel::id))
              .orElseThrow();
      boolean conflict = conflicts.contains(channel.id() + " " + spec.kind());
      assertThat(channel.kind() == spec.kind()).isNotEqualTo(conflict);
    }
  }

  @Property(tries = 400)
  void neverDeletesWithoutPrune(@ForAll long seed) {
    // given
    Random random = new Random(seed);
    ServerBlueprint blueprint = blueprint(random);
    LiveServer live = live(random);
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, false);
    LiveServer applied = SetupSimulator.apply(live, plan);
    // then
    assertThat(plan)
        .noneMatch(
            c ->
                c instanceof SetupChange.DeleteRole
                    || c instanceof SetupChange.DeleteCategory
                    || c instanceof SetupChange.DeleteChannel
                    || c instanceof SetupChange.DeleteOverwrite);
    assertThat(applied.roles().size()).isGreaterThanOrEqualTo(live.roles().size());
    assertThat(applied.channels().size()).isGreaterThanOrEqualTo(live.channels().size());
    for (LiveChannel channel : live.channels()) {
      LiveChannel after =
          applied.channels().stream().filter(c -> c.id() == channel.id()).findFirst().orElseThrow();
      Set<String> rolesBefore =
          channel.overwrites().stream().map(Overwrite::role).collect(Collectors.toSet());
      assertThat(after.overwrites().stream().map(Overwrite::role)).containsAll(rolesBefore);
    }
  }

  @Property(tries = 200)
  void prunedServerHoldsOnlyWhatTheBlueprintMentionsAndManagedRoles(@ForAll long seed) {
    // given
    Random random = new Random(seed);
    ServerBlueprint blueprint = blueprint(random);
    LiveServer live = live(random);
    // when
    LiveServer applied = SetupSimulator.apply(live, SetupPlanner.plan(blueprint, live, true));
    // then
    assertThat(applied.channels().stream().map(LiveChannel::name))
        .containsExactlyInAnyOrderElementsOf(
            blueprint.channels().stream().map(ChannelSpec::name).toList());
    assertThat(applied.roles().stream().filter(r -> !r.managed()).map(LiveRole::name))
        .containsExactlyInAnyOrderElementsOf(
            blueprint.roles().stream().map(RoleSpec::name).toList());
  }

  /** The conflicts as "channel id, wanted kind". */
  private static List<String> conflicts(ServerBlueprint blueprint, LiveServer live) {
    return SetupPlanner.conflicts(blueprint, live).stream()
        .map(c -> c.channel().id() + " " + c.wanted())
        .toList();
  }

  private static ServerBlueprint blueprint(Random random) {
    List<String> roleNames = pick(random, ROLES);
    List<RoleSpec> roles = new ArrayList<>();
    for (String name : roleNames) {
      roles.add(
          new RoleSpec(name, one(random, COLOURS), random.nextBoolean(), random.nextBoolean()));
    }
    List<String> overwriteRoles = new ArrayList<>(roleNames);
    overwriteRoles.add(Overwrite.EVERYONE);
    List<String> categoryNames = pick(random, CATEGORIES);
    List<CategorySpec> categories = new ArrayList<>();
    for (String name : categoryNames) {
      categories.add(new CategorySpec(name, overwrites(random, overwriteRoles)));
    }
    List<ChannelSpec> channels = new ArrayList<>();
    for (String name : pick(random, CHANNELS)) {
      String category =
          categoryNames.isEmpty() || random.nextInt(4) == 0 ? null : one(random, categoryNames);
      ChannelKind kind = one(random, KINDS);
      String topic = kind.hasTopic() ? one(random, TOPICS) : "";
      channels.add(
          new ChannelSpec(name, kind, category, topic, overwrites(random, overwriteRoles)));
    }
    return new ServerBlueprint(roles, categories, channels);
  }

  private static LiveServer live(Random random) {
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 40; id++) {
      ids.add(id);
    }
    Collections.shuffle(ids, random);
    int next = 0;
    List<String> overwriteRoles = new ArrayList<>(ROLES);
    overwriteRoles.add(Overwrite.EVERYONE);
    overwriteRoles.add("Ghost");
    List<LiveRole> roles = new ArrayList<>();
    for (int i = random.nextInt(8); i > 0; i--) {
      boolean managed = random.nextInt(6) == 0;
      roles.add(
          new LiveRole(
              ids.get(next++),
              managed ? "confbot" : one(random, ROLES),
              one(random, COLOURS),
              random.nextBoolean(),
              random.nextBoolean(),
              managed));
    }
    List<LiveCategory> categories = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      categories.add(
          new LiveCategory(
              ids.get(next++), one(random, CATEGORIES), overwrites(random, overwriteRoles)));
    }
    List<LiveChannel> channels = new ArrayList<>();
    for (int i = random.nextInt(8); i > 0; i--) {
      Long category =
          categories.isEmpty() || random.nextInt(3) == 0 ? null : one(random, categories).id();
      String name = random.nextInt(5) == 0 ? "general" : one(random, CHANNELS);
      ChannelKind kind = random.nextBoolean() ? ChannelKind.TEXT : one(random, KINDS);
      channels.add(
          new LiveChannel(
              ids.get(next++),
              name,
              kind,
              category,
              kind.hasTopic() ? one(random, TOPICS) : "",
              overwrites(random, overwriteRoles)));
    }
    return new LiveServer(roles, categories, channels);
  }

  private static List<Overwrite> overwrites(Random random, List<String> roles) {
    List<Overwrite> overwrites = new ArrayList<>();
    for (String role : pick(random, roles)) {
      if (random.nextInt(3) > 0) {
        continue;
      }
      Set<DiscordPermission> allow = EnumSet.noneOf(DiscordPermission.class);
      Set<DiscordPermission> deny = EnumSet.noneOf(DiscordPermission.class);
      for (DiscordPermission permission : PERMISSIONS) {
        int choice = random.nextInt(3);
        if (choice == 1) {
          allow.add(permission);
        } else if (choice == 2) {
          deny.add(permission);
        }
      }
      overwrites.add(new Overwrite(role, allow, deny));
    }
    return overwrites;
  }

  /** A random subset in random order. */
  private static <T> List<T> pick(Random random, List<T> from) {
    List<T> copy = new ArrayList<>(from);
    Collections.shuffle(copy, random);
    Set<T> seen = new HashSet<>();
    List<T> picked = new ArrayList<>();
    for (T t : copy.subList(0, random.nextInt(copy.size() + 1))) {
      if (seen.add(t)) {
        picked.add(t);
      }
    }
    return picked;
  }

  private static <T> T one(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
