package dev.confbot.core.setup;

import static dev.confbot.core.setup.Blueprints.VIEW;
import static dev.confbot.core.setup.Blueprints.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Planning channels of other kinds than text: creation, conversion, conflicts, order, topics. */
class ChannelKindPlanningTest {
  private static final CategorySpec SOCIAL = new CategorySpec("Social", List.of());

  private static ServerBlueprint social(ChannelSpec... channels) {
    return new ServerBlueprint(
        List.of(new RoleSpec("Attendees", Colour.NONE, false, false)),
        List.of(SOCIAL),
        List.of(channels));
  }

  private static List<String> describe(List<SetupChange> changes) {
    return changes.stream().map(SetupChange::describe).toList();
  }

  @Test
  void createsEachKindAndNamesItInThePlan() {
    // given
    ServerBlueprint blueprint =
        social(
            new ChannelSpec("chat", ChannelKind.TEXT, "Social", "Talk", List.of()),
            new ChannelSpec("news", ChannelKind.ANNOUNCEMENT, "Social", "", List.of()),
            new ChannelSpec("questions", ChannelKind.FORUM, "Social", "Be kind", List.of()),
            new ChannelSpec("Hallway Track", ChannelKind.VOICE, "Social", "", List.of()),
            new ChannelSpec(
                "keynote", ChannelKind.STAGE, "Social", "", List.of(allow("Attendees", VIEW))));
    LiveServer live = LiveServer.empty();
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, false);
    LiveServer after = SetupSimulator.apply(live, plan);
    // then
    assertThat(describe(plan))
        .containsExactly(
            "+ role Attendees (colour none, not hoisted, not mentionable)",
            "+ category Social",
            "+ channel #chat in Social, topic \"Talk\"",
            "+ announcement channel #news in Social",
            "+ forum channel #questions in Social, topic \"Be kind\"",
            "+ voice channel #Hallway Track in Social",
            "+ stage channel #keynote in Social [Attendees: allow VIEW_CHANNEL]");
    assertThat(after.channels())
        .extracting(LiveChannel::kind)
        .containsExactly(
            ChannelKind.TEXT,
            ChannelKind.ANNOUNCEMENT,
            ChannelKind.FORUM,
            ChannelKind.VOICE,
            ChannelKind.STAGE);
    assertThat(SetupPlanner.plan(blueprint, after, true)).isEmpty();
    assertThat(SetupPlanner.conflicts(blueprint, after)).isEmpty();
  }

  @Test
  void convertsBetweenTextAndAnnouncementInPlace() {
    // given
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(),
            List.of(
                new LiveChannel(1, "news", ChannelKind.TEXT, null, "Old", List.of()),
                new LiveChannel(2, "chat", ChannelKind.ANNOUNCEMENT, null, "", List.of())));
    ServerBlueprint blueprint =
        new ServerBlueprint(
            List.of(),
            List.of(),
            List.of(
                new ChannelSpec("news", ChannelKind.ANNOUNCEMENT, null, "Read me", List.of()),
                new ChannelSpec("chat", ChannelKind.TEXT, null, "", List.of())));
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, true);
    LiveServer after = SetupSimulator.apply(live, plan);
    // then
    assertThat(describe(plan))
        .containsExactly(
            "~ channel #news: topic \"Old\" → \"Read me\"",
            "~ channel #news: text → announcement channel",
            "~ channel #chat: announcement → text channel");
    assertThat(after.channels())
        .extracting(LiveChannel::id, LiveChannel::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, ChannelKind.ANNOUNCEMENT),
            org.assertj.core.groups.Tuple.tuple(2L, ChannelKind.TEXT));
    assertThat(SetupPlanner.conflicts(blueprint, live)).isEmpty();
    assertThat(SetupPlanner.plan(blueprint, after, true)).isEmpty();
  }

  @Test
  void reportsKindsDiscordCannotConvertAndNeverRecreatesThem() {
    // given: a text channel where the blueprint wants a voice channel, a voice one for a forum
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(),
            List.of(
                new LiveChannel(1, "hallway", ChannelKind.TEXT, null, "Chat", List.of()),
                new LiveChannel(2, "questions", ChannelKind.VOICE, null, "", List.of())));
    ServerBlueprint blueprint =
        social(
            new ChannelSpec("hallway", ChannelKind.VOICE, "Social", "", List.of()),
            new ChannelSpec("questions", ChannelKind.FORUM, "Social", "Be kind", List.of()));
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, true);
    List<KindConflict> conflicts = SetupPlanner.conflicts(blueprint, live);
    LiveServer after = SetupSimulator.apply(live, plan);
    // then: moved like any channel, kind and topic left, nothing deleted or created
    assertThat(describe(plan))
        .containsExactly(
            "+ role Attendees (colour none, not hoisted, not mentionable)",
            "+ category Social",
            "~ channel #hallway: move from (no category) to Social",
            "~ channel #questions: move from (no category) to Social");
    assertThat(conflicts)
        .extracting(KindConflict::describe)
        .containsExactly(
            "#hallway is a text channel on the server but the blueprint wants a voice channel;"
                + " Discord cannot change that in place and setup never deletes it on its own:"
                + " rename or delete #hallway on Discord, then run 'confbot setup apply' again to"
                + " create it",
            "#questions is a voice channel on the server but the blueprint wants a forum"
                + " channel; Discord cannot change that in place and setup never deletes it on its"
                + " own: rename or delete #questions on Discord, then run 'confbot setup apply'"
                + " again to create it");
    assertThat(after.channels()).extracting(LiveChannel::id).containsExactly(1L, 2L);
    assertThat(SetupPlanner.plan(blueprint, after, true)).isEmpty();
    assertThat(SetupPlanner.conflicts(blueprint, after))
        .extracting(KindConflict::describe)
        .isEqualTo(conflicts.stream().map(KindConflict::describe).toList());
  }

  @Test
  void createsTheWantedKindOnceTheOrganizerRenamedTheOldChannel() {
    // given: the conflicting voice channel was renamed on Discord
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(),
            List.of(new LiveChannel(2, "questions-old", ChannelKind.VOICE, null, "", List.of())));
    ServerBlueprint blueprint =
        new ServerBlueprint(
            List.of(),
            List.of(),
            List.of(new ChannelSpec("questions", ChannelKind.FORUM, null, "", List.of())));
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, false);
    // then
    assertThat(describe(plan)).containsExactly("+ forum channel #questions");
  }

  @Test
  void expectsVoiceAndStageChannelsBelowTheOthersOfTheirCategory() {
    // given: Discord lists voice channels after text ones, whatever the positions
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(new LiveCategory(1, "Social", List.of())),
            List.of(
                new LiveChannel(3, "chat", ChannelKind.TEXT, 1L, "", List.of()),
                new LiveChannel(2, "Lounge", ChannelKind.VOICE, 1L, "", List.of()),
                new LiveChannel(4, "news", ChannelKind.TEXT, 1L, "", List.of())));
    ServerBlueprint blueprint =
        new ServerBlueprint(
            List.of(),
            List.of(SOCIAL),
            List.of(
                new ChannelSpec("Lounge", ChannelKind.VOICE, "Social", "", List.of()),
                new ChannelSpec("news", ChannelKind.TEXT, "Social", "", List.of()),
                new ChannelSpec("chat", ChannelKind.TEXT, "Social", "", List.of()),
                new ChannelSpec("questions", ChannelKind.FORUM, "Social", "", List.of())));
    // when
    List<SetupChange> plan = SetupPlanner.plan(blueprint, live, false);
    LiveServer after = SetupSimulator.apply(live, plan);
    // then: the voice channel need not move above the text ones, nor the new forum above it
    assertThat(describe(plan))
        .containsExactly(
            "+ forum channel #questions in Social",
            "~ channel order in Social: #news, #chat, #questions, #Lounge");
    assertThat(after.channels())
        .extracting(LiveChannel::name)
        .containsExactly("news", "chat", "questions", "Lounge");
    assertThat(SetupPlanner.plan(blueprint, after, false)).isEmpty();
  }

  @Test
  void deletesChannelsOfEveryKindOnlyWithPrune() {
    // given
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(),
            List.of(new LiveChannel(2, "General", ChannelKind.VOICE, null, "", List.of())));
    ServerBlueprint blueprint = new ServerBlueprint(List.of(), List.of(), List.of());
    // then
    assertThat(SetupPlanner.plan(blueprint, live, false)).isEmpty();
    assertThat(describe(SetupPlanner.plan(blueprint, live, true)))
        .containsExactly("- voice channel #General");
  }

  @Test
  void rejectsTopicsForVoiceAndStageAndChecksNamesByKind() {
    assertThatThrownBy(
            () -> new ChannelSpec("Lounge", ChannelKind.VOICE, null, "Come in", List.of()))
        .hasMessage("#Lounge is a voice channel, which has no topic on Discord; remove its topic");
    assertThatThrownBy(() -> new ChannelSpec("keynote", ChannelKind.STAGE, null, "x", List.of()))
        .hasMessageContaining("stage channel, which has no topic");
    assertThat(new ChannelSpec(" Hallway Track ", ChannelKind.VOICE, null, "", List.of()).name())
        .isEqualTo("Hallway Track");
    assertThatThrownBy(() -> new ChannelSpec("Q and A", ChannelKind.FORUM, null, "", List.of()))
        .hasMessageContaining("must be lower case without spaces");
    assertThatThrownBy(
            () ->
                new SetupChange.ChangeKind(
                    new LiveChannel(1, "x", ChannelKind.VOICE, null, "", List.of()),
                    ChannelKind.TEXT))
        .hasMessage("Discord cannot turn a voice channel into a text");
  }

  @Test
  void knowsWhichKindsConvertAndHaveTopics() {
    assertThat(ChannelKind.TEXT.convertibleTo(ChannelKind.ANNOUNCEMENT)).isTrue();
    assertThat(ChannelKind.ANNOUNCEMENT.convertibleTo(ChannelKind.TEXT)).isTrue();
    assertThat(ChannelKind.FORUM.convertibleTo(ChannelKind.TEXT)).isFalse();
    assertThat(ChannelKind.VOICE.convertibleTo(ChannelKind.STAGE)).isFalse();
    assertThat(ChannelKind.FORUM.hasTopic()).isTrue();
    assertThat(ChannelKind.VOICE.hasTopic()).isFalse();
    assertThat(ChannelKind.STAGE.label()).isEqualTo("stage");
  }
}
