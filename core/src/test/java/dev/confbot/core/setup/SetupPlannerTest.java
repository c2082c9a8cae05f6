package dev.confbot.core.setup;

import static dev.confbot.core.setup.Blueprints.SEND;
import static dev.confbot.core.setup.Blueprints.VIEW;
import static dev.confbot.core.setup.Blueprints.allow;
import static dev.confbot.core.setup.Blueprints.deny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SetupPlannerTest {
  private static final ServerBlueprint BLUEPRINT = Blueprints.conference();

  private static List<String> describe(List<SetupChange> changes) {
    return changes.stream().map(SetupChange::describe).collect(Collectors.toList());
  }

  /** A server set up by hand last year: some roles, one category, stray channels. */
  private static LiveServer lastYear() {
    return new LiveServer(
        List.of(
            new LiveRole(10, "confbot", Colour.NONE, false, false, true),
            new LiveRole(11, "Attendees", Colour.parse("#3B82F6"), false, false, false),
            new LiveRole(12, "Organizers", Colour.parse("#E11D48"), false, true, false),
            new LiveRole(13, "Old Volunteers", Colour.parse("#777777"), false, false, false)),
        List.of(new LiveCategory(20, "Info", List.of(deny(Overwrite.EVERYONE, SEND)))),
        List.of(
            new LiveChannel(30, "general", null, "", List.of()),
            new LiveChannel(31, "help", null, "Help!", List.of(allow("Old Volunteers", SEND))),
            new LiveChannel(
                32,
                "registration",
                20L,
                "Register with your ticket: press the button",
                List.of(deny(Overwrite.EVERYONE, SEND)))));
  }

  @Test
  void createsEverythingOnAnEmptyServerRolesFirst() {
    // when
    List<SetupChange> plan = SetupPlanner.plan(BLUEPRINT, LiveServer.empty(), false);
    // then
    assertThat(describe(plan))
        .containsExactly(
            "+ role Organizers (colour #E11D48, hoisted, mentionable)",
            "+ role Speakers (colour #F59E0B, hoisted, not mentionable)",
            "+ role Sponsors (colour #10B981, hoisted, not mentionable)",
            "+ role Attendees (colour #3B82F6, not hoisted, not mentionable)",
            "+ role On-site (colour none, not hoisted, not mentionable)",
            "+ category Info [@everyone: deny SEND_MESSAGES]",
            "+ category Conference",
            "+ category Organizers [@everyone: deny VIEW_CHANNEL; Organizers: allow VIEW_CHANNEL]",
            "+ channel #registration in Info, topic \"Register with your ticket: press the button\""
                + " [@everyone: deny SEND_MESSAGES]",
            "+ channel #help in Info, topic \"Ask the organizers\" [@everyone: deny SEND_MESSAGES;"
                + " Attendees: allow SEND_MESSAGES]",
            "+ channel #announcements in Conference",
            "+ channel #room-1 in Conference, topic \"Main hall\"",
            "+ channel #registration-log in Organizers [@everyone: deny VIEW_CHANNEL; Organizers:"
                + " allow VIEW_CHANNEL]");
  }

  @Test
  void changesOnlyWhatDiffersAndDeletesNothingWithoutPrune() {
    // when
    List<SetupChange> plan = SetupPlanner.plan(BLUEPRINT, lastYear(), false);
    // then
    assertThat(describe(plan))
        .containsExactly(
            "+ role Speakers (colour #F59E0B, hoisted, not mentionable)",
            "+ role Sponsors (colour #10B981, hoisted, not mentionable)",
            "+ role On-site (colour none, not hoisted, not mentionable)",
            "~ role Organizers: hoisted",
            "~ role order (top first): Organizers, Speakers, Sponsors, Attendees, On-site",
            "+ category Conference",
            "+ category Organizers [@everyone: deny VIEW_CHANNEL; Organizers: allow VIEW_CHANNEL]",
            "+ channel #announcements in Conference",
            "+ channel #room-1 in Conference, topic \"Main hall\"",
            "+ channel #registration-log in Organizers [@everyone: deny VIEW_CHANNEL; Organizers:"
                + " allow VIEW_CHANNEL]",
            "~ channel #help: move from (no category) to Info",
            "~ channel order in Info: #registration, #help",
            "~ channel #help: topic \"Help!\" → \"Ask the organizers\"",
            "~ channel #help: @everyone: deny SEND_MESSAGES",
            "~ channel #help: Attendees: allow SEND_MESSAGES");
    assertThat(plan).noneMatch(SetupPlannerTest::isDeletion);
  }

  @Test
  void describesAWholePlanWithItsCounts() {
    // given
    List<SetupChange> plan = SetupPlanner.plan(BLUEPRINT, lastYear(), true);
    // when
    String text = SetupPlanner.describe(plan);
    // then
    assertThat(text)
        .startsWith("+ role Speakers (colour #F59E0B, hoisted, not mentionable)\n")
        .endsWith("- role Old Volunteers\n18 changes, 3 deletions.");
    assertThat(SetupPlanner.describe(List.of())).isEqualTo("Nothing to change.");
    assertThat(SetupPlanner.describe(plan.subList(0, 1))).endsWith("\n1 change.");
  }

  @Test
  void describesEveryKindOfRoleUpdate() {
    // given
    LiveRole before = new LiveRole(1, "Staff", Colour.NONE, true, true, false);
    RoleSpec after = new RoleSpec("Staff", Colour.parse("#123456"), false, false);
    // then
    assertThat(new SetupChange.UpdateRole(before, after).describe())
        .isEqualTo("~ role Staff: colour none → #123456, not hoisted, not mentionable");
  }

  @Test
  void prunesWhatTheBlueprintDoesNotMentionButNeverManagedRoles() {
    // when
    List<SetupChange> plan = SetupPlanner.plan(BLUEPRINT, lastYear(), true);
    // then
    assertThat(describe(plan.stream().filter(SetupPlannerTest::isDeletion).toList()))
        .containsExactly(
            "- channel #help: overwrite for Old Volunteers",
            "- channel #general",
            "- role Old Volunteers");
  }

  @Test
  void showsTheFormerOverwriteWhenReplacingIt() {
    // given
    LiveServer live =
        SetupSimulator.apply(
            LiveServer.empty(), SetupPlanner.plan(BLUEPRINT, LiveServer.empty(), false));
    LiveCategory info = live.categories().get(0);
    LiveServer changed =
        new LiveServer(
            live.roles(),
            List.of(
                new LiveCategory(
                    info.id(), "Info", List.of(new Overwrite(Overwrite.EVERYONE, VIEW, SEND)))),
            live.channels().stream().filter(c -> !c.name().equals("registration-log")).toList());
    // when
    List<SetupChange> plan = SetupPlanner.plan(BLUEPRINT, changed, false);
    // then
    assertThat(describe(plan))
        .startsWith(
            "+ category Conference",
            "+ category Organizers [@everyone: deny VIEW_CHANNEL; Organizers: allow VIEW_CHANNEL]",
            "~ category Info: @everyone: deny SEND_MESSAGES (was allow VIEW_CHANNEL; deny"
                + " SEND_MESSAGES)");
  }

  @Test
  void secondPlanAfterApplyingIsEmptyWithAndWithoutPrune() {
    for (boolean prune : new boolean[] {false, true}) {
      // given
      LiveServer applied =
          SetupSimulator.apply(lastYear(), SetupPlanner.plan(BLUEPRINT, lastYear(), prune));
      // when
      List<SetupChange> again = SetupPlanner.plan(BLUEPRINT, applied, prune);
      // then
      assertThat(again).as("prune=%s", prune).isEmpty();
    }
  }

  @Test
  void matchesTheOldestOfSeveralThingsWithTheSameName() {
    // given: two "help" channels and two "Attendees" roles
    LiveServer live =
        new LiveServer(
            List.of(
                new LiveRole(41, "Attendees", Colour.NONE, false, false, false),
                new LiveRole(40, "Attendees", Colour.parse("#3B82F6"), false, false, false)),
            List.of(),
            List.of(
                new LiveChannel(51, "help", null, "", List.of()),
                new LiveChannel(50, "help", null, "Ask here", List.of())));
    ServerBlueprint blueprint =
        new ServerBlueprint(
            List.of(new RoleSpec("Attendees", Colour.parse("#3B82F6"), false, false)),
            List.of(),
            List.of(new ChannelSpec("help", null, "Ask here", List.of())));
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, true);
    // then
    assertThat(plan)
        .containsExactly(
            new SetupChange.DeleteChannel(live.channels().get(0)),
            new SetupChange.DeleteRole(live.roles().get(0)));
  }

  @Test
  void reordersRolesWithinTheirOwnPositionsOnly() {
    // given: the bot's role sits between the two blueprint roles
    LiveServer live =
        new LiveServer(
            List.of(
                new LiveRole(1, "Attendees", Colour.NONE, false, false, false),
                new LiveRole(2, "confbot", Colour.NONE, false, false, true),
                new LiveRole(3, "Speakers", Colour.NONE, false, false, false)),
            List.of(),
            List.of());
    ServerBlueprint blueprint =
        new ServerBlueprint(
            List.of(
                new RoleSpec("Speakers", Colour.NONE, false, false),
                new RoleSpec("Attendees", Colour.NONE, false, false)),
            List.of(),
            List.of());
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, true);
    LiveServer after = SetupSimulator.apply(live, plan);
    // then
    assertThat(plan)
        .containsExactly(new SetupChange.ReorderRoles(List.of("Speakers", "Attendees")));
    assertThat(after.roles())
        .extracting(LiveRole::name)
        .containsExactly("Speakers", "confbot", "Attendees");
  }

  @Test
  void ordersCategoriesAndChannelsAsTheBlueprintLists() {
    // given: categories and channels in the wrong order
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(new LiveCategory(2, "B", List.of()), new LiveCategory(1, "A", List.of())),
            List.of(
                new LiveChannel(5, "later", 1L, "", List.of()),
                new LiveChannel(4, "other", 1L, "", List.of()),
                new LiveChannel(3, "first", 1L, "", List.of())));
    ServerBlueprint blueprint =
        new ServerBlueprint(
            List.of(),
            List.of(new CategorySpec("A", List.of()), new CategorySpec("B", List.of())),
            List.of(
                new ChannelSpec("first", "A", "", List.of()),
                new ChannelSpec("later", "A", "", List.of())));
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, false);
    LiveServer after = SetupSimulator.apply(live, plan);
    // then
    assertThat(describe(plan))
        .containsExactly("~ category order: A, B", "~ channel order in A: #first, #later");
    assertThat(after.categories()).extracting(LiveCategory::name).containsExactly("A", "B");
    assertThat(after.channels())
        .extracting(LiveChannel::name)
        .containsExactly("first", "other", "later");
    assertThat(SetupPlanner.plan(blueprint, after, false)).isEmpty();
  }

  @Test
  void deletingACategoryKeepsItsChannelsOutsideCategories() {
    // given
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(new LiveCategory(1, "Archive", List.of())),
            List.of(new LiveChannel(2, "help", 1L, "", List.of())));
    ServerBlueprint blueprint =
        new ServerBlueprint(
            List.of(), List.of(), List.of(new ChannelSpec("help", null, "", List.of())));
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, true);
    // then
    assertThat(describe(plan))
        .containsExactly(
            "~ channel #help: move from Archive to (no category)", "- category Archive");
    assertThat(SetupPlanner.plan(blueprint, SetupSimulator.apply(live, plan), true)).isEmpty();
  }

  @Test
  void channelOverwritesReplaceTheirCategorysForTheSameRole() {
    // given
    ChannelSpec help = BLUEPRINT.channels().get(1);
    ChannelSpec staff =
        new ChannelSpec("staff", "Organizers", "", List.of(allow(Overwrite.EVERYONE, VIEW)));
    // then
    assertThat(BLUEPRINT.effectiveOverwrites(help))
        .containsExactly(deny(Overwrite.EVERYONE, SEND), allow("Attendees", SEND));
    assertThat(BLUEPRINT.effectiveOverwrites(staff))
        .containsExactly(allow(Overwrite.EVERYONE, VIEW), allow("Organizers", VIEW));
  }

  @Test
  void rejectsBlueprintsThatCannotBeApplied() {
    RoleSpec attendees = new RoleSpec("Attendees", Colour.NONE, false, false);
    assertThatThrownBy(
            () -> new ServerBlueprint(List.of(attendees, attendees), List.of(), List.of()))
        .hasMessage("the blueprint defines the role \"Attendees\" twice");
    assertThatThrownBy(
            () ->
                new ServerBlueprint(
                    List.of(), List.of(), List.of(new ChannelSpec("help", "Info", "", List.of()))))
        .hasMessage("channel #help is in category \"Info\", which the blueprint does not define");
    assertThatThrownBy(
            () ->
                new ServerBlueprint(
                    List.of(),
                    List.of(new CategorySpec("Info", List.of(allow("Staff", VIEW)))),
                    List.of()))
        .hasMessage(
            "category Info has an overwrite for the role \"Staff\", which the blueprint does not"
                + " define (add it to the roles)");
    assertThatThrownBy(() -> new ChannelSpec("Help Desk", null, "", List.of()))
        .hasMessageContaining("must be lower case without spaces")
        .hasMessageContaining("\"help-desk\"");
    assertThatThrownBy(() -> new RoleSpec("@everyone", Colour.NONE, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Overwrite("Staff", VIEW, VIEW))
        .hasMessage("overwrite for Staff both allows and denies VIEW_CHANNEL");
    assertThatThrownBy(
            () -> new ChannelSpec("help", null, "", List.of(allow("A", VIEW), deny("A", SEND))))
        .hasMessage("channel #help has more than one overwrite for the role A");
  }

  @Test
  void parsesColoursAndPermissions() {
    assertThat(Colour.parse("#3b82f6").hex()).isEqualTo("#3B82F6");
    assertThat(Colour.parse("10B981").rgb()).isEqualTo(0x10B981);
    assertThatThrownBy(() -> Colour.parse("blue")).hasMessageContaining("#3B82F6");
    assertThat(DiscordPermission.parse(" send_messages "))
        .isEqualTo(DiscordPermission.SEND_MESSAGES);
    assertThat(DiscordPermission.SEND_MESSAGES.offset()).isEqualTo(11);
    assertThat(DiscordPermission.VIEW_CHANNEL.offset()).isEqualTo(10);
    assertThatThrownBy(() -> DiscordPermission.parse("MESSAGE_SEND"))
        .hasMessageStartingWith("unknown Discord permission \"MESSAGE_SEND\"; use one of");
  }

  private static boolean isDeletion(SetupChange change) {
    return SetupPlanner.isDeletion(change);
  }
}
