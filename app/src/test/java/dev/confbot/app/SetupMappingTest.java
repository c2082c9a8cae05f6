package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.setup.ChannelKind;
import dev.confbot.core.setup.ChannelSpec;
import dev.confbot.core.setup.Colour;
import dev.confbot.core.setup.DiscordPermission;
import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.LiveRole;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.Overwrite;
import dev.confbot.core.setup.RoleSpec;
import dev.confbot.core.setup.ServerBlueprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The [setup] configuration → core blueprint mapping, on {@code setup/setup.toml}. */
class SetupMappingTest {
  private static final long GUILD = 1120774557394014208L;

  @TempDir
  @SuppressWarnings("NullAway.Init") // injected by JUnit
  Path directory;

  private ConfbotConfig config(String extra) throws IOException {
    String text;
    try (InputStream in =
        Objects.requireNonNull(getClass().getResourceAsStream("/setup/setup.toml"))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file =
        Files.writeString(
            directory.resolve("config.toml"),
            text.replace("GUILD_ID", String.valueOf(GUILD)) + extra,
            StandardCharsets.UTF_8);
    return new ConfigLoader(Map.of("DISCORD_BOT_TOKEN", "t", "PRETIX_TOKEN", "p"))
        .load(file)
        .config();
  }

  private static SetupMapping.Result.Mapped mapped(SetupMapping.Result result) {
    assertThat(result).isInstanceOf(SetupMapping.Result.Mapped.class);
    return (SetupMapping.Result.Mapped) result;
  }

  private static ChannelSpec channel(ServerBlueprint blueprint, String name) {
    return blueprint.channels().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void mapsRolesCategoriesChannelsAndPermissionNames() throws IOException {
    // when
    ServerBlueprint blueprint =
        mapped(SetupMapping.blueprint(config(""), LiveServer.empty())).blueprint();
    // then
    assertThat(blueprint.roles())
        .startsWith(
            new RoleSpec("Organizers", new Colour(0xF1C40F), true, true),
            new RoleSpec("Speakers", new Colour(0x3776AB), true, false),
            new RoleSpec("Attendees", Colour.NONE, false, false));
    ChannelSpec registration = channel(blueprint, "registration");
    assertThat(registration.category()).isEqualTo("Registration");
    assertThat(registration.topic()).isEqualTo("Register your ticket here");
    assertThat(blueprint.effectiveOverwrites(registration))
        .containsExactly(
            new Overwrite(Overwrite.EVERYONE, Set.of(), Set.of(DiscordPermission.SEND_MESSAGES)));
    assertThat(blueprint.effectiveOverwrites(channel(blueprint, "registration-help")))
        .containsExactly(
            new Overwrite(Overwrite.EVERYONE, Set.of(DiscordPermission.VIEW_CHANNEL), Set.of()));
  }

  @Test
  void mapsEveryChannelType() throws IOException {
    // when
    SetupMapping.Result.Mapped result =
        mapped(SetupMapping.blueprint(config(""), LiveServer.empty()));
    // then
    assertThat(result.blueprint().channels())
        .extracting(ChannelSpec::name, ChannelSpec::kind)
        .contains(
            tuple("north-hall", ChannelKind.TEXT),
            tuple("hallway", ChannelKind.VOICE),
            tuple("questions", ChannelKind.FORUM),
            tuple("news", ChannelKind.ANNOUNCEMENT),
            tuple("Keynote Stage", ChannelKind.STAGE));
    assertThat(channel(result.blueprint(), "questions").topic()).isEqualTo("One post per talk");
    assertThat(result.notes()).noneMatch(n -> n.contains("hallway"));
  }

  @Test
  void rejectsATopicOnAVoiceChannelWithItsKey() throws IOException {
    // given
    ConfbotConfig config =
        config(
            "\n[[setup.categories.channels]]\nname = \"Lounge\"\ntype = \"voice\"\n"
                + "topic = \"Come in\"\n");
    // when
    SetupMapping.Result result = SetupMapping.blueprint(config, LiveServer.empty());
    // then
    assertThat(result).isInstanceOf(SetupMapping.Result.Invalid.class);
    assertThat(((SetupMapping.Result.Invalid) result).problems())
        .containsExactly(
            "setup.categories[1].channels[5]: #Lounge is a voice channel, which has no topic on"
                + " Discord; remove its topic");
  }

  @Test
  void addsUsedChannelsAndRolesOnlyWhenTheServerLacksThem() throws IOException {
    // given
    ConfbotConfig config = config("\n[organizers]\nroles = [\"Organizers\", \"Programme Team\"]\n");
    LiveServer live =
        new LiveServer(
            List.of(new LiveRole(7, "Programme Team", new Colour(0x123456), false, false, false)),
            List.of(),
            List.of(new LiveChannel(9, "programme-notifications", null, "Talks", List.of())));
    // when
    SetupMapping.Result.Mapped onEmpty = mapped(SetupMapping.blueprint(config, LiveServer.empty()));
    SetupMapping.Result.Mapped onLive = mapped(SetupMapping.blueprint(config, live));
    // then
    assertThat(onEmpty.blueprint().roles())
        .contains(new RoleSpec("Programme Team", Colour.NONE, false, false));
    assertThat(channel(onEmpty.blueprint(), "programme-notifications").category()).isNull();
    assertThat(onEmpty.notes())
        .contains(
            "#job-board is missing and used by job_board.channel: it is created",
            "role Programme Team is missing and used by organizers.roles: it is created");
    assertThat(onLive.blueprint().roles())
        .extracting(RoleSpec::name)
        .doesNotContain("Programme Team");
    assertThat(onLive.blueprint().channels())
        .extracting(ChannelSpec::name)
        .doesNotContain("programme-notifications")
        .contains("job-board");
  }

  @Test
  void resolvesRoleIdsAgainstTheServer() throws IOException {
    // given
    ConfbotConfig config =
        config(
            "\n[[setup.categories.overwrites]]\nrole = \"222222222222222222\"\n"
                + "allow = [\"VIEW_CHANNEL\"]\n");
    LiveServer live =
        new LiveServer(
            List.of(
                new LiveRole(222222222222222222L, "Speakers", Colour.NONE, false, false, false)),
            List.of(),
            List.of());
    // when
    SetupMapping.Result known = SetupMapping.blueprint(config, live);
    SetupMapping.Result unknown = SetupMapping.blueprint(config, LiveServer.empty());
    // then
    assertThat(mapped(known).blueprint().categories().get(1).overwrites())
        .containsExactly(
            new Overwrite("Speakers", Set.of(DiscordPermission.VIEW_CHANNEL), Set.of()));
    assertThat(unknown)
        .isEqualTo(
            new SetupMapping.Result.Invalid(
                List.of(
                    "setup.categories[1].overwrites[0].role: no role with id 222222222222222222"
                        + " on the server")));
  }

  @Test
  void reportsRolesTheBlueprintDoesNotDefine() throws IOException {
    // given
    ConfbotConfig config =
        config("\n[[setup.categories.overwrites]]\nrole = \"Volunteers\"\nallow = [\"SPEAK\"]\n");
    // when
    SetupMapping.Result result = SetupMapping.blueprint(config, LiveServer.empty());
    // then
    assertThat(result).isInstanceOf(SetupMapping.Result.Invalid.class);
    assertThat(((SetupMapping.Result.Invalid) result).problems())
        .singleElement()
        .asString()
        .contains("category Programme has an overwrite for the role \"Volunteers\"");
  }

  @Test
  void readsPermissionNamesInDiscordAndJdaSpelling() {
    // then
    assertThat(SetupMapping.permission("MESSAGE_SEND")).contains(DiscordPermission.SEND_MESSAGES);
    assertThat(SetupMapping.permission("send_messages")).contains(DiscordPermission.SEND_MESSAGES);
    assertThat(SetupMapping.permission("MESSAGE_HISTORY"))
        .contains(DiscordPermission.READ_MESSAGE_HISTORY);
    assertThat(SetupMapping.permission("VOICE_CONNECT")).contains(DiscordPermission.CONNECT);
    assertThat(SetupMapping.permission("FLY_AWAY")).isEmpty();
  }

  @Test
  void readsThePermissionsNewerThanSendPolls() {
    // then
    assertThat(SetupMapping.permission("PIN_MESSAGES")).contains(DiscordPermission.PIN_MESSAGES);
    assertThat(SetupMapping.permission("BYPASS_SLOWMODE"))
        .contains(DiscordPermission.BYPASS_SLOWMODE);
    assertThat(SetupMapping.permission("SET_VOICE_CHANNEL_STATUS"))
        .contains(DiscordPermission.SET_VOICE_CHANNEL_STATUS);
    assertThat(SetupMapping.permission("VOICE_SET_STATUS"))
        .contains(DiscordPermission.SET_VOICE_CHANNEL_STATUS);
  }

  @Test
  void givesEveryPermissionTheOffsetJdaGivesIt() {
    for (DiscordPermission permission : DiscordPermission.values()) {
      // when
      Permission jda = Permission.getFromOffset(permission.offset());
      // then
      assertThat(jda).as(permission.name()).isNotEqualTo(Permission.UNKNOWN);
    }
  }
}
