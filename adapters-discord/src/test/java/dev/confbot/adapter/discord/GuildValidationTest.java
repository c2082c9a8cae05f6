package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.RoleRef;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.Permissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The start-up check names every problem of a badly set-up server with its fix. */
class GuildValidationTest {

  private static final Registrar NOBODY =
      new Registrar() {
        @Override
        public CompletionStage<String> register(
            long memberId, String orderCode, String fullName, Locale locale, Executor continueOn) {
          throw new AssertionError("no registration expected");
        }

        @Override
        public void memberJoined(long memberId) {}
      };

  @Test
  void namesEachProblemWithItsFix() {
    // given: the bot's role is below "Attendees", lacks Manage Nicknames, a role and a channel
    // are missing
    FakeGuild guild =
        FakeGuild.named("Broken")
            .role("Attendees", 200, 0, 0)
            .botRole(
                "confbot",
                100,
                Permissions.MANAGE_ROLES
                    | Permissions.VIEW_CHANNEL
                    | Permissions.SEND_MESSAGES
                    | Permissions.EMBED_LINKS
                    | Permissions.READ_MESSAGE_HISTORY)
            .textChannel("registration");
    try (FakeDiscord fake = FakeDiscord.start(guild)) {
      DiscordBot bot =
          new DiscordBot(
              new DiscordSettings(
                  fake.token(), fake.guildId(), fake.baseUrl(), fake.gatewayUrl(), false),
              new GuildSetup(
                  "registration",
                  Map.of("log channel", "registration-log"),
                  Set.of(new RoleRef("Attendees"), new RoleRef("Ghosts")),
                  true),
              List.of(),
              List.of());
      try {
        // when
        List<String> problems = bot.start(NOBODY);
        // then
        assertThat(problems)
            .hasSize(4)
            .anyMatch(p -> p.contains("lacks Manage Nicknames"))
            .anyMatch(p -> p.contains("\"Attendees\" sits above the bot's highest role"))
            .anyMatch(p -> p.contains("\"Ghosts\"") && p.contains("does not exist"))
            .anyMatch(p -> p.contains("log channel \"registration-log\" does not exist"));
        assertThat(fake.messages("registration"))
            .singleElement()
            .satisfies(
                m ->
                    assertThat(m.content())
                        .isEqualTo(Texts.bundled().defaults().get(TextKeys.ONLINE)));
      } finally {
        bot.stop();
      }
    }
  }

  @Test
  void asksForManageChannelsWhereRoomTopicsAreKept() {
    // when: room topics on for #north-hall, announcement channel #south-hall (and a channel that
    // does not exist)
    List<String> problems = topicProblems(0L);
    // then: the missing channel is not a topic problem; both halls need Manage Channels
    assertThat(problems).hasSize(2);
    assertThat(problems)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains(
                        "#north-hall", "Manage Channels", "notifications.room_topics = false"))
        .anySatisfy(p -> assertThat(p).contains("#south-hall", "Manage Channels"));
  }

  @Test
  void acceptsRoomTopicsWhenTheBotMayManageChannels() {
    assertThat(topicProblems(Permissions.MANAGE_CHANNELS)).isEmpty();
  }

  private static List<String> topicProblems(long extraPermissions) {
    FakeGuild guild =
        FakeGuild.named("Topics")
            .botRole(
                "confbot",
                100,
                Permissions.MANAGE_ROLES
                    | Permissions.VIEW_CHANNEL
                    | Permissions.SEND_MESSAGES
                    | Permissions.EMBED_LINKS
                    | Permissions.READ_MESSAGE_HISTORY
                    | extraPermissions)
            .textChannel("registration")
            .textChannel("north-hall")
            .category("rooms")
            .channelIn("rooms", "south-hall", 5);
    try (FakeDiscord fake = FakeDiscord.start(guild)) {
      DiscordBot bot =
          new DiscordBot(
              new DiscordSettings(
                  fake.token(), fake.guildId(), fake.baseUrl(), fake.gatewayUrl(), false),
              new GuildSetup(
                  "registration",
                  Map.of(),
                  Set.of(),
                  false,
                  Set.of("north-hall", "south-hall", "nowhere")),
              List.of(),
              List.of());
      try {
        return bot.start(NOBODY);
      } finally {
        bot.stop();
      }
    }
  }
}
