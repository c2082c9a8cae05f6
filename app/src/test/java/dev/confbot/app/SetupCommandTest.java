package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.fakediscord.FakeChannel;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeOverwrite;
import dev.confbot.fakediscord.FakeRole;
import dev.confbot.fakediscord.Fault;
import dev.confbot.fakediscord.Permissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot setup plan|apply} end to end: real JDA against fake-discord, the blueprint of
 * {@code setup/setup.toml}, and the fake's state checked after each run.
 */
class SetupCommandTest {
  private static final long SETUP_BOT =
      Permissions.MANAGE_ROLES
          | Permissions.MANAGE_CHANNELS
          | Permissions.VIEW_CHANNEL
          | Permissions.SEND_MESSAGES;

  @TempDir
  @SuppressWarnings("NullAway.Init") // injected by JUnit
  Path directory;

  private @Nullable FakeDiscord discord;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    if (discord != null) {
      discord.close();
    }
  }

  private FakeDiscord start(FakeGuild guild) {
    discord = FakeDiscord.start(guild);
    return discord;
  }

  private Path config(FakeDiscord fake, String extra) throws IOException {
    String text;
    try (InputStream in =
        Objects.requireNonNull(getClass().getResourceAsStream("/setup/setup.toml"))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.writeString(
        directory.resolve("config.toml"),
        text.replace("GUILD_ID", String.valueOf(fake.guildId())) + extra,
        StandardCharsets.UTF_8);
  }

  private int setup(FakeDiscord fake, Path config, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> full = new ArrayList<>(List.of("setup"));
    full.addAll(List.of(args));
    full.addAll(
        List.of(
            "--config",
            config.toString(),
            "--discord-rest-url",
            fake.baseUrl(),
            "--discord-gateway-url",
            fake.gatewayUrl()));
    return Main.commandLine(Map.of("DISCORD_BOT_TOKEN", fake.token(), "PRETIX_TOKEN", "p"))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(full.toArray(String[]::new));
  }

  /** Discord's order: higher position first, the older role first on a tie. */
  private static boolean outranks(FakeRole a, FakeRole b) {
    return a.position() != b.position() ? a.position() > b.position() : a.id() < b.id();
  }

  private static FakeGuild emptyGuild() {
    return FakeGuild.named("PyConXX").botRole("confbot", 100, SETUP_BOT);
  }

  @Test
  void planOnAnEmptyServerListsEverythingAndChangesNothing() throws IOException {
    // given
    FakeDiscord fake = start(emptyGuild());
    Path config = config(fake, "");
    int rolesBefore = fake.roles().size();
    // when
    int exit = setup(fake, config, "plan");
    // then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("+ role Organizers (colour #F1C40F, hoisted, mentionable)")
        .contains("+ role Speakers (colour #3776AB, hoisted, not mentionable)")
        .contains("+ role Attendees (colour none, not hoisted, not mentionable)")
        .contains("+ category Registration [@everyone: allow VIEW_CHANNEL]")
        .contains(
            "+ channel #registration in Registration, topic \"Register your ticket here\""
                + " [@everyone: deny SEND_MESSAGES]")
        .contains(
            "+ channel #registration-log in Registration [@everyone: deny VIEW_CHANNEL;"
                + " Organizers: allow VIEW_CHANNEL]")
        .contains("+ channel #north-hall in Programme, topic \"Talks in the North Hall\"")
        .contains("+ channel #programme-notifications")
        .contains(
            "note: #programme-notifications is missing and used by notifications.main_channel")
        .contains("+ voice channel #hallway in Programme")
        .contains("+ forum channel #questions in Programme, topic \"One post per talk\"")
        .contains("+ announcement channel #news in Programme")
        .contains("+ stage channel #Keynote Stage in Programme")
        .doesNotContain("skipped")
        .contains("Run 'confbot setup apply' to make these changes.");
    assertThat(fake.roles()).hasSize(rolesBefore);
    assertThat(fake.channels()).isEmpty();
  }

  @Test
  void applyBuildsTheServerAndASecondApplyChangesNothing() throws IOException {
    // given
    FakeDiscord fake = start(emptyGuild());
    Path config = config(fake, "");
    // when
    int exit = setup(fake, config, "apply");
    String report = out.toString();
    // then
    assertThat(exit).as(err + report).isZero();
    assertThat(report).contains("+ role Organizers").contains("Applied ");
    FakeRole organizers = fake.role("Organizers");
    FakeRole speakers = fake.role("Speakers");
    FakeRole attendees = fake.role("Attendees");
    assertThat(organizers.color()).isEqualTo(0xF1C40F);
    assertThat(organizers.hoist()).isTrue();
    assertThat(organizers.mentionable()).isTrue();
    assertThat(speakers.color()).isEqualTo(0x3776AB);
    assertThat(speakers.mentionable()).isFalse();
    assertThat(attendees.color()).isZero();
    assertThat(outranks(organizers, speakers)).isTrue();
    assertThat(outranks(speakers, attendees)).isTrue();
    assertThat(outranks(fake.role("confbot"), organizers)).isTrue();

    FakeChannel registration = fake.channel("registration");
    FakeChannel log = fake.channel("registration-log");
    assertThat(fake.channel("Registration").type()).isEqualTo(4);
    assertThat(fake.parentOf(registration)).map(FakeChannel::name).contains("Registration");
    assertThat(fake.parentOf(fake.channel("north-hall")))
        .map(FakeChannel::name)
        .contains("Programme");
    assertThat(fake.parentOf(fake.channel("job-board"))).isEmpty();
    assertThat(registration.topic()).isEqualTo("Register your ticket here");
    long botAccess =
        Permissions.VIEW_CHANNEL
            | Permissions.SEND_MESSAGES
            | Permissions.EMBED_LINKS
            | Permissions.ATTACH_FILES
            | Permissions.READ_MESSAGE_HISTORY;
    FakeOverwrite botKeepsAccess =
        new FakeOverwrite(fake.role("confbot").id(), false, botAccess, 0);
    assertThat(fake.overwrites(registration))
        .containsExactlyInAnyOrder(
            new FakeOverwrite(fake.guildId(), false, 0, Permissions.SEND_MESSAGES), botKeepsAccess);
    assertThat(fake.overwrites(log))
        .containsExactlyInAnyOrder(
            new FakeOverwrite(fake.guildId(), false, 0, Permissions.VIEW_CHANNEL),
            new FakeOverwrite(organizers.id(), false, Permissions.VIEW_CHANNEL, 0),
            botKeepsAccess);
    assertThat(fake.overwrites(fake.channel("registration-help")))
        .containsExactly(new FakeOverwrite(fake.guildId(), false, Permissions.VIEW_CHANNEL, 0));
    assertThat(fake.positionOf(registration))
        .isLessThan(fake.positionOf(fake.channel("registration-help")));
    assertThat(fake.positionOf(fake.channel("Registration")))
        .isLessThan(fake.positionOf(fake.channel("Programme")));
    assertThat(fake.channel("north-hall").type()).isZero();
    assertThat(fake.channel("hallway").type()).isEqualTo(2);
    assertThat(fake.channel("questions").type()).isEqualTo(15);
    assertThat(fake.channel("questions").topic()).isEqualTo("One post per talk");
    assertThat(fake.channel("news").type()).isEqualTo(5);
    assertThat(fake.channel("Keynote Stage").type()).isEqualTo(13);
    for (String name : List.of("hallway", "questions", "news", "Keynote Stage")) {
      assertThat(fake.parentOf(fake.channel(name))).map(FakeChannel::name).contains("Programme");
    }
    int rolesAfter = fake.roles().size();
    int channelsAfter = fake.channels().size();

    // when
    fake.clearRequests();
    int again = setup(fake, config, "apply");
    String second = out.toString();
    int plan = setup(fake, config, "plan");
    // then
    assertThat(again).as(err.toString()).isZero();
    assertThat(second).contains("Nothing to change.").doesNotContain("Applied");
    assertThat(plan).isZero();
    assertThat(out.toString()).contains("Nothing to change.").doesNotContain("Run 'confbot");
    assertThat(fake.roles()).hasSize(rolesAfter);
    assertThat(fake.channels()).hasSize(channelsAfter);
    assertThat(fake.requests())
        .noneMatch(r -> r.method().equals("POST") || r.method().equals("PATCH"))
        .noneMatch(r -> r.method().equals("PUT") || r.method().equals("DELETE"));
  }

  @Test
  void deletesWhatTheBlueprintDoesNotMentionOnlyWithPrune() throws IOException {
    // given
    FakeDiscord fake =
        start(
            emptyGuild()
                .role("Legacy", 2, 0, 0x123456)
                .textChannel("old-stuff", "from 2019")
                .textChannel("job-board"));
    Path config = config(fake, "");
    // when
    int apply = setup(fake, config, "apply");
    // then
    assertThat(apply).as(err.toString()).isZero();
    assertThat(fake.roles()).extracting(FakeRole::name).contains("Legacy");
    assertThat(fake.channels()).extracting(FakeChannel::name).contains("old-stuff", "job-board");

    // when
    int plan = setup(fake, config, "plan", "--prune");
    String pruning = out.toString();
    int prune = setup(fake, config, "apply", "--prune");
    // then
    assertThat(plan).isZero();
    assertThat(pruning)
        .contains("- role Legacy")
        .contains("- channel #old-stuff")
        .doesNotContain("- channel #job-board")
        .doesNotContain("- role confbot")
        .contains("note: kept #job-board: used by job_board.channel")
        .contains("Run 'confbot setup apply --prune'");
    assertThat(prune).as(err + out.toString()).isZero();
    assertThat(fake.roles())
        .extracting(FakeRole::name)
        .doesNotContain("Legacy")
        .contains("@everyone", "confbot", "Organizers");
    assertThat(fake.channels())
        .extracting(FakeChannel::name)
        .doesNotContain("old-stuff")
        .contains("job-board", "registration");
    assertThat(setup(fake, config, "plan", "--prune")).isZero();
    assertThat(out.toString()).contains("Nothing to change.");
  }

  @Test
  void pruneKeepsChannelsAndRolesTheConfigurationGivesById() throws IOException {
    // given: the registration channel, an organizer role and a ticket role exist and are
    // configured by id only, outside [setup]
    FakeDiscord fake =
        start(
            emptyGuild()
                .textChannel("ticket-desk", "")
                .role("Staff", 3, 0, 0)
                .role("Sponsor", 2, 0, 0)
                .role("Legacy", 1, 0, 0));
    long desk = fake.channel("ticket-desk").id();
    long staff = fake.role("Staff").id();
    long sponsor = fake.role("Sponsor").id();
    Path config =
        config(
            fake,
            "\n[organizers]\nroles = [\""
                + staff
                + "\"]\n\n[registration]\nchannel = \""
                + desk
                + "\"\n");
    Files.writeString(
        config,
        Files.readString(config)
            .replace("\"Business\" = [\"Attendees\"]", "\"Business\" = [\"" + sponsor + "\"]"));
    // when
    int prune = setup(fake, config, "apply", "--prune");
    String applied = out.toString();
    // then
    assertThat(prune).as(err + applied).isZero();
    assertThat(applied)
        .contains("note: kept #ticket-desk: used by registration.channel")
        .contains("note: kept role Staff: used by organizers.roles")
        .contains("note: kept role Sponsor: used by registration.roles.items")
        .contains("- role Legacy")
        .doesNotContain("- channel #ticket-desk")
        .doesNotContain("- role Staff")
        .doesNotContain("- role Sponsor");
    assertThat(fake.channels()).extracting(FakeChannel::id).contains(desk);
    assertThat(fake.roles()).extracting(FakeRole::id).contains(staff, sponsor);
    assertThat(fake.roles()).extracting(FakeRole::name).doesNotContain("Legacy");
  }

  @Test
  void keepsOverwriteBitsSetupDoesNotKnowWhenItChangesTheOverwrite() throws Exception {
    // given: after a first apply, someone adds MANAGE_MESSAGES and two bits newer than setup to
    // the Organizers overwrite of #registration-log
    long newer = 1L << 47;
    long newest = 1L << 53;
    FakeDiscord fake =
        start(
            FakeGuild.named("PyConXX")
                .botRole("confbot", 100, SETUP_BOT | Permissions.MANAGE_MESSAGES | newer | newest));
    Path config = config(fake, "");
    assertThat(setup(fake, config, "apply")).as(err.toString()).isZero();
    FakeChannel log = fake.channel("registration-log");
    long organizers = fake.role("Organizers").id();
    putOverwrite(
        fake,
        log,
        organizers,
        Permissions.VIEW_CHANNEL | Permissions.MANAGE_MESSAGES | newer,
        newest);
    // when
    int apply = setup(fake, config, "apply");
    // then: MANAGE_MESSAGES is taken away, the unknown bits stay
    assertThat(apply).as(err + out.toString()).isZero();
    assertThat(out.toString()).contains("Organizers").contains("MANAGE_MESSAGES");
    assertThat(fake.overwrites(fake.channel("registration-log")))
        .contains(new FakeOverwrite(organizers, false, Permissions.VIEW_CHANNEL | newer, newest));
  }

  /** Sets a role overwrite behind confbot's back, as a moderator in the Discord client would. */
  private static void putOverwrite(
      FakeDiscord fake, FakeChannel channel, long role, long allow, long deny) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            fake.baseUrl() + "channels/" + channel.id() + "/permissions/" + role))
                    .header("Authorization", "Bot " + fake.token())
                    .header("Content-Type", "application/json")
                    .PUT(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"type\":0,\"allow\":\"" + allow + "\",\"deny\":\"" + deny + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  @Test
  void updatesWhatDiffersAndLeavesTheRest() throws IOException {
    // given: Speakers exists in the wrong colour, #registration with an old topic
    FakeDiscord fake =
        start(emptyGuild().role("Speakers", 5, 0, 0xFF0000).textChannel("registration", "Old"));
    Path config = config(fake, "");
    // when
    int plan = setup(fake, config, "plan");
    String planned = out.toString();
    int apply = setup(fake, config, "apply");
    // then
    assertThat(plan).isZero();
    assertThat(planned)
        .contains("~ role Speakers: colour #FF0000 → #3776AB, hoisted")
        .contains("~ channel #registration: move from (no category) to Registration")
        .contains("~ channel #registration: topic \"Old\" → \"Register your ticket here\"");
    assertThat(apply).as(err + out.toString()).isZero();
    assertThat(fake.role("Speakers").color()).isEqualTo(0x3776AB);
    assertThat(fake.channel("registration").topic()).isEqualTo("Register your ticket here");
    assertThat(fake.parentOf(fake.channel("registration")))
        .map(FakeChannel::name)
        .contains("Registration");
    assertThat(setup(fake, config, "plan")).isZero();
    assertThat(out.toString()).contains("Nothing to change.");
  }

  @Test
  void putsExistingRolesAndChannelsInBlueprintOrder() throws IOException {
    // given: the roles and the registration channels exist in the wrong order
    FakeDiscord fake =
        start(
            emptyGuild()
                .role("Attendees", 4, 0, 0)
                .role("Speakers", 3, 0, 0x3776AB)
                .role("Organizers", 2, 0, 0xF1C40F)
                .category("Registration")
                .channelIn("Registration", "registration-log", 0)
                .channelIn("Registration", "registration-help", 0)
                .channelIn("Registration", "registration", 0));
    Path config = config(fake, "");
    // when
    int plan = setup(fake, config, "plan");
    String planned = out.toString();
    int apply = setup(fake, config, "apply");
    // then
    assertThat(plan).isZero();
    assertThat(planned)
        .contains("~ role order (top first): Organizers, Speakers, Attendees")
        .contains(
            "~ channel order in Registration: #registration, #registration-help,"
                + " #registration-log");
    assertThat(apply).as(err + out.toString()).isZero();
    assertThat(outranks(fake.role("Organizers"), fake.role("Speakers"))).isTrue();
    assertThat(outranks(fake.role("Speakers"), fake.role("Attendees"))).isTrue();
    assertThat(fake.positionOf(fake.channel("registration")))
        .isLessThan(fake.positionOf(fake.channel("registration-help")));
    assertThat(fake.positionOf(fake.channel("registration-help")))
        .isLessThan(fake.positionOf(fake.channel("registration-log")));
    assertThat(setup(fake, config, "plan")).isZero();
    assertThat(out.toString()).contains("Nothing to change.");
  }

  @Test
  void leavesAChannelOfAnotherKindAndTellsTheOrganizer() throws IOException {
    // given: #hallway exists as a text channel, the blueprint wants a voice channel
    FakeDiscord fake = start(emptyGuild().textChannel("hallway", "Chat"));
    Path config = config(fake, "");
    String conflict =
        "note: #hallway is a text channel on the server but the blueprint wants a voice channel;"
            + " Discord cannot change that in place and setup never deletes it on its own: rename"
            + " or delete #hallway on Discord, then run 'confbot setup apply' again";
    long id = fake.channel("hallway").id();
    // when
    int apply = setup(fake, config, "apply", "--prune");
    String applied = out.toString();
    // then: moved into its category, still the same text channel
    assertThat(apply).as(err + applied).isZero();
    assertThat(applied).contains(conflict).doesNotContain("- channel #hallway");
    FakeChannel hallway = fake.channel("hallway");
    assertThat(hallway.id()).isEqualTo(id);
    assertThat(hallway.type()).isZero();
    assertThat(hallway.topic()).isEqualTo("Chat");
    assertThat(fake.parentOf(hallway)).map(FakeChannel::name).contains("Programme");

    // when
    int plan = setup(fake, config, "plan", "--prune");
    // then
    assertThat(plan).isZero();
    assertThat(out.toString()).contains(conflict).contains("Nothing to change.");
  }

  @Test
  void turnsATextChannelIntoAnAnnouncementChannelOnACommunityServer() throws IOException {
    // given: #news is a text channel; the server has the NEWS feature
    FakeDiscord fake = start(emptyGuild().feature("NEWS").textChannel("news", ""));
    Path config = config(fake, "");
    long id = fake.channel("news").id();
    // when
    int apply = setup(fake, config, "apply");
    String applied = out.toString();
    // then
    assertThat(apply).as(err + applied).isZero();
    assertThat(applied).contains("~ channel #news: text → announcement channel");
    assertThat(fake.channel("news").id()).isEqualTo(id);
    assertThat(fake.channel("news").type()).isEqualTo(5);
    assertThat(fake.parentOf(fake.channel("news"))).map(FakeChannel::name).contains("Programme");

    // when
    int again = setup(fake, config, "apply");
    // then
    assertThat(again).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Nothing to change.");
  }

  @Test
  void explainsThatAnnouncementChannelsNeedCommunity() throws IOException {
    // given: #news is a text channel; the fake server lacks the Community (NEWS) feature
    FakeDiscord fake = start(emptyGuild().textChannel("news", ""));
    Path config = config(fake, "");
    // when
    int plan = setup(fake, config, "plan");
    String planned = out.toString();
    int apply = setup(fake, config, "apply");
    // then
    assertThat(plan).isZero();
    assertThat(planned).contains("~ channel #news: text → announcement channel");
    assertThat(apply).isEqualTo(1);
    assertThat(out.toString())
        .contains("! ~ channel #news: text → announcement channel")
        .contains("announcement channels need the server's Community feature")
        .contains("Enable Community")
        .doesNotContain("Exception");
    assertThat(fake.channel("news").type()).isZero();
    assertThat(fake.channel("hallway").type()).isEqualTo(2);
  }

  @Test
  void explainsAMissingPermissionAndExitsOne() throws IOException {
    // given: the bot may manage channels but not roles
    FakeDiscord fake =
        start(
            FakeGuild.named("PyConXX")
                .botRole("confbot", 100, Permissions.MANAGE_CHANNELS | Permissions.VIEW_CHANNEL));
    Path config = config(fake, "");
    // when
    int exit = setup(fake, config, "apply");
    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("! + role Organizers")
        .contains("the bot lacks the Manage Roles permission")
        .contains("Stopped: 0 of ")
        .doesNotContain("Exception");
    assertThat(fake.roles()).extracting(FakeRole::name).containsExactly("@everyone", "confbot");
  }

  @Test
  void explainsARoleAboveTheBotsOwn() throws IOException {
    // given: Organizers exists above the bot's role, not hoisted
    FakeDiscord fake = start(emptyGuild().role("Organizers", 200, 0, 0xF1C40F));
    Path config = config(fake, "");
    // when
    int exit = setup(fake, config, "apply");
    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("! ~ role Organizers: hoisted, mentionable")
        .contains("is not below the bot's highest role")
        .contains("Server Settings → Roles");
    assertThat(fake.role("Organizers").hoist()).isFalse();
  }

  @Test
  void reportsWhatDiscordRefusesAndExitsOne() throws IOException {
    // given
    FakeDiscord fake = start(emptyGuild());
    Path config = config(fake, "");
    fake.failNext("POST guilds/*/channels", Fault.error(403, 50013, "Missing Permissions"));
    // when
    int exit = setup(fake, config, "apply");
    // then
    assertThat(exit).isEqualTo(1);
    assertThat(out.toString())
        .contains("! + category Registration")
        .contains("Discord refused: missing permissions")
        .contains("not attempted");
    assertThat(fake.roles()).extracting(FakeRole::name).contains("Organizers");
  }

  @Test
  void rejectsAnUnknownPermissionWithItsKeyAndExitsTwo() throws IOException {
    // given
    FakeDiscord fake = start(emptyGuild());
    Path config =
        config(
            fake,
            "\n[[setup.categories.overwrites]]\nrole = \"Speakers\"\nallow = [\"FLY_AWAY\"]\n");
    // when
    int exit = setup(fake, config, "apply");
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(err.toString())
        .contains("setup.categories[1].overwrites[0].allow: unknown permission \"FLY_AWAY\"")
        .contains("Nothing was changed");
    assertThat(fake.roles()).extracting(FakeRole::name).containsExactly("@everyone", "confbot");
  }
}
