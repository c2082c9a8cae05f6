package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.confbot.core.check.Finding;
import dev.confbot.core.check.Severity;
import dev.confbot.core.model.RoleRef;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.Permissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The online check logs in with real JDA against fake-discord and names each key to fix. */
class DiscordGuildCheckTest {
  private static final Duration READY = Duration.ofSeconds(30);
  private static final long BOT_PERMISSIONS =
      Permissions.MANAGE_ROLES
          | Permissions.VIEW_CHANNEL
          | Permissions.SEND_MESSAGES
          | Permissions.EMBED_LINKS;
  private static final DiscordGuildCheck.Expectations EXPECTED =
      new DiscordGuildCheck.Expectations(
          new GuildSetup(
              "registration",
              Map.of("registration log channel", "registration-log"),
              Set.of(new RoleRef("Attendees"), new RoleRef("Ghosts")),
              false),
          Map.of(
              new RoleRef("Attendees"), "registration.roles.items.\"Business\"",
              new RoleRef("Ghosts"), "registration.roles.items.\"Phantom\""),
          Map.of(
              GuildSetup.REGISTRATION_CHANNEL,
              "registration.channel",
              "registration log channel",
              "registration.log_channel"),
          List.of(new RoleRef("Organizers")));

  private static List<Finding> check(FakeDiscord fake, String token, long guildId) {
    return DiscordGuildCheck.check(
        new DiscordSettings(token, guildId, fake.baseUrl(), fake.gatewayUrl(), false),
        READY,
        EXPECTED);
  }

  @Test
  void namesTheKeyOfEveryMissingOrUnreachableRoleAndChannel() {
    // given: "Attendees" above the bot's role, "Ghosts", #registration-log and the organizer
    // role missing
    FakeGuild guild =
        FakeGuild.named("Broken")
            .role("Attendees", 200, 0, 0)
            .botRole("confbot", 100, BOT_PERMISSIONS)
            .textChannel("registration");
    try (FakeDiscord fake = FakeDiscord.start(guild)) {
      // when
      List<Finding> findings = check(fake, fake.token(), fake.guildId());
      // then
      assertThat(findings.get(0).severity()).isEqualTo(Severity.OK);
      assertThat(findings.get(0).message()).contains("is a member of \"Broken\"");
      assertThat(findings.subList(1, findings.size()))
          .allMatch(f -> f.severity() == Severity.ERROR)
          .extracting(Finding::key, f -> f.message().substring(0, 20))
          .containsExactlyInAnyOrder(
              tuple("registration.roles.items.\"Business\"", "Role \"Attendees\" sit"),
              tuple("registration.roles.items.\"Phantom\"", "Role \"Ghosts\" from t"),
              tuple("registration.log_channel", "The registration log"),
              tuple("organizers.roles", "Organizer role \"Orga"));
      assertThat(findings).noneMatch(f -> f.line().contains(fake.token()));
    }
  }

  @Test
  void namesTheTokenWhenDiscordRefusesIt() {
    try (FakeDiscord fake = FakeDiscord.start(FakeGuild.named("PyConXX"))) {
      // when
      List<Finding> findings = check(fake, "not-the-token", fake.guildId());
      // then
      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.key()).isEqualTo("DISCORD_BOT_TOKEN");
                assertThat(f.message()).contains("refuses the bot token");
              });
    }
  }

  @Test
  void namesTheGuildIdWhenTheBotIsNotAMember() {
    try (FakeDiscord fake = FakeDiscord.start(FakeGuild.named("PyConXX"))) {
      // when
      List<Finding> findings = check(fake, fake.token(), fake.guildId() + 1);
      // then
      assertThat(findings).singleElement().extracting(Finding::key).isEqualTo("discord.guild_id");
    }
  }

  @Test
  void explainsTheDisallowedMembersIntent() {
    try (FakeDiscord fake =
        FakeDiscord.builder(FakeGuild.named("PyConXX")).privilegedIntentsAllowed(false).start()) {
      // when
      List<Finding> findings = check(fake, fake.token(), fake.guildId());
      // then
      assertThat(findings)
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.key()).isEqualTo("DISCORD_BOT_TOKEN");
                assertThat(f.message()).contains("4014").contains("Server Members Intent");
              });
    }
  }
}
