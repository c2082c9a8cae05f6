package dev.confbot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.Permissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot check --online} against WireMock (pretix and pretalx, with their recorded
 * payloads) and fake-discord (with real JDA).
 */
@WireMockTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckOnlineCommandTest {
  private static final String PRETIX_TOKEN = "pretix-team-token-0123456789";
  private static final String ITEMS = "/api/v1/organizers/pyconxx/events/2026/items/";
  private static final String SCHEDULE = "/pyconxx-2026/schedule/export/schedule.json";
  private static final String MAPPING =
      String.join(
          "\n",
          "\"Business\" = [\"Attendees\"]",
          "\"Personal\" = [\"Attendees\"]",
          "\"Student\" = [\"Attendees\"]",
          "\"Online\" = [\"Attendees\"]",
          "\"Speaker\" = [\"Attendees\"]",
          "\"Sponsor\" = [\"Sponsors\"]",
          "\"Volunteer\" = [\"Attendees\"]",
          "\"Tutorial day\" = [\"Attendees\"]",
          "\"109\" = [\"Attendees\"]");

  @SuppressWarnings("NullAway.Init") // set before all tests
  private FakeDiscord discord;

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path directory;

  @SuppressWarnings("NullAway.Init") // set before each test
  private String wiremock;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  void startDiscord() {
    discord =
        FakeDiscord.start(
            FakeGuild.named("PyConXX")
                .role("Staff", 200, 0, 0)
                .role("Organizers", 50, Permissions.MANAGE_GUILD, 0)
                .role("Attendees", 10, 0, 0)
                .role("Sponsors", 9, 0, 0)
                .textChannel("registration")
                .textChannel("registration-log")
                .textChannel("registration-help")
                .textChannel("programme-notifications")
                .member("olga", "Organizers"));
  }

  @AfterAll
  void stopDiscord() {
    discord.close();
  }

  @BeforeEach
  void stubPretixAndPretalx(@TempDir Path directory, WireMockRuntimeInfo wm) {
    this.directory = directory;
    wiremock = wm.getHttpBaseUrl();
    stubFor(get(urlPathEqualTo(ITEMS)).willReturn(aResponse().withStatus(401)));
    stubFor(
        get(urlPathEqualTo(ITEMS))
            .withHeader("Authorization", equalTo("Token " + PRETIX_TOKEN))
            .willReturn(okJson(resource("pretix-items.json"))));
    stubFor(get(urlPathEqualTo(SCHEDULE)).willReturn(okJson(resource("pretalx-schedule.json"))));
  }

  private static String resource(String name) {
    try (InputStream in = CheckOnlineCommandTest.class.getResourceAsStream("/online/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A configuration for the fakes, with extra [registration] lines and another mapping. */
  private Path config(String registration, String mapping, String event, String schedule)
      throws IOException {
    return Files.writeString(
        directory.resolve("config.toml"),
        String.join(
            "\n",
            "[discord]",
            "guild_id = " + discord.guildId(),
            "[registration]",
            registration,
            "[registration.roles.items]",
            mapping,
            "[pretix]",
            "base_url = \"" + wiremock + "/\"",
            "organizer = \"pyconxx\"",
            "event = \"" + event + "\"",
            "[schedule]",
            "source = \"" + wiremock + schedule + "\"",
            "time_zone = \"Europe/Prague\"",
            ""),
        StandardCharsets.UTF_8);
  }

  private Path config() throws IOException {
    return config("", MAPPING, "2026", SCHEDULE);
  }

  private int check(Path config) {
    return check(config, discord, discord.token(), PRETIX_TOKEN);
  }

  private int check(Path config, FakeDiscord fake, String discordToken, String pretixToken) {
    out = new StringWriter();
    err = new StringWriter();
    int exit =
        Main.commandLine(Map.of("DISCORD_BOT_TOKEN", discordToken, "PRETIX_TOKEN", pretixToken))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(
                "check",
                "--online",
                "--config",
                config.toString(),
                "--discord-rest-url",
                fake.baseUrl(),
                "--discord-gateway-url",
                fake.gatewayUrl());
    assertThat(out.toString() + err.toString())
        .doesNotContain(discordToken)
        .doesNotContain(pretixToken)
        .doesNotContain("\tat ");
    return exit;
  }

  /** The finding lines: those after "Contacting …" up to the summary. */
  private List<String> findings() {
    List<String> lines = out.toString().lines().toList();
    int from = lines.indexOf("Contacting pretix, pretalx and Discord…");
    assertThat(from).as(out.toString()).isNotNegative();
    return lines.subList(from + 1, lines.size() - 1);
  }

  private String summary() {
    List<String> lines = out.toString().lines().toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void reportsEverySystemOkAndExitsZero() throws IOException {
    // when
    int exit = check(config());
    // then
    assertThat(exit).as(out + "\n" + err).isZero();
    assertThat(out.toString()).startsWith("Configuration is valid.");
    assertThat(findings())
        .allMatch(line -> line.startsWith("ok "))
        .anyMatch(line -> line.startsWith("ok     pretix.event  token accepted; event \"2026\""))
        .anyMatch(line -> line.startsWith("ok     registration.roles  every mapping entry"))
        .anyMatch(line -> line.startsWith("ok     schedule.source  schedule readable: frab"))
        .anyMatch(
            line ->
                line.startsWith("ok     discord.guild_id  token accepted; the bot")
                    && line.contains("\"PyConXX\""));
    assertThat(summary()).isEqualTo("Online check: ok (pretix: ok, pretalx: ok, discord: ok).");
  }

  @Test
  void namesThePretixTokenWhenPretixRefusesItAndStillChecksTheOthers() throws IOException {
    // when
    int exit = check(config(), discord, discord.token(), "an-old-pretix-token");
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .anyMatch(line -> line.startsWith("error  PRETIX_TOKEN  pretix does not accept the API"))
        .anyMatch(line -> line.startsWith("ok     schedule.source"))
        .anyMatch(line -> line.startsWith("ok     discord.guild_id"));
    assertThat(summary()).startsWith("Online check: 1 error (pretix: 1 error, pretalx: ok,");
  }

  @Test
  void namesTheEventWhenPretixDoesNotKnowIt() throws IOException {
    // when
    int exit = check(config("", MAPPING, "2027", SCHEDULE));
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .contains(
            "error  pretix.event  pretix answers 404 for event \"2027\" of organizer \"pyconxx\":"
                + " check pretix.organizer and pretix.event against the slugs in the event's URL ("
                + wiremock
                + "/pyconxx/2027/)");
  }

  @Test
  void reportsAMappedIdPretixDoesNotHaveAndAnUnmappedItem() throws IOException {
    // given: "109" (the T-shirt) mapped as "999", a typo
    String mapping = MAPPING.replace("\"109\"", "\"999\"");
    // when
    int exit = check(config("", mapping, "2026", SCHEDULE));
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .anyMatch(
            line ->
                line.startsWith(
                    "error  registration.roles.items.\"999\"  pretix has no item 999 in this"
                        + " event: use one of the item ids 101, 102,"))
        .contains(
            "warn   registration.roles  pretix item \"Conference T-shirt\" (item 109) gives no"
                + " role: map it under [registration.roles.items] if its holders should get one");
  }

  @Test
  void unmappedItemsAloneAreWarningsAndExitZero() throws IOException {
    // given
    String mapping = MAPPING.replace("\"109\" = [\"Attendees\"]", "");
    // when
    int exit = check(config("", mapping, "2026", SCHEDULE));
    // then
    assertThat(exit).as(out.toString()).isZero();
    assertThat(summary()).startsWith("Online check: 1 warning (pretix: 1 warning,");
  }

  @Test
  void namesTheScheduleSourceWhenPretalxAnswers404() throws IOException {
    // when
    int exit = check(config("", MAPPING, "2026", "/pyconxx-2062/schedule/export/schedule.json"));
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .anyMatch(line -> line.startsWith("error  schedule.source  HTTP 404: no schedule at"))
        .anyMatch(line -> line.startsWith("ok     pretix.event"))
        .anyMatch(line -> line.startsWith("ok     discord.guild_id"));
  }

  @Test
  void namesTheDiscordTokenWhenDiscordRefusesIt() throws IOException {
    // when
    int exit = check(config(), discord, "not-the-bot-token", PRETIX_TOKEN);
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .anyMatch(
            line -> line.startsWith("error  DISCORD_BOT_TOKEN  Discord refuses the bot token"))
        .anyMatch(line -> line.startsWith("ok     pretix.event"));
  }

  @Test
  void namesTheMappingKeyOfAMissingRole() throws IOException {
    // when
    int exit =
        check(
            config(
                "",
                MAPPING.replace("\"Business\" = [\"Attendees\"]", "\"Business\" = [\"Ghosts\"]"),
                "2026",
                SCHEDULE));
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .contains(
            "error  registration.roles.items.\"Business\"  Role \"Ghosts\" from the ticket mapping"
                + " does not exist: create it or fix the mapping.");
  }

  @Test
  void namesTheKeyOfAMissingChannel() throws IOException {
    // when
    int exit = check(config("help_channel = \"help-desk\"", MAPPING, "2026", SCHEDULE));
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .contains(
            "error  registration.help_channel  The help channel \"help-desk\" does not exist:"
                + " create it or fix the configuration.");
  }

  @Test
  void namesTheMappingKeyOfARoleAboveTheBots() throws IOException {
    // when
    int exit =
        check(
            config(
                "",
                MAPPING.replace("\"Sponsor\" = [\"Sponsors\"]", "\"Sponsor\" = [\"Staff\"]"),
                "2026",
                SCHEDULE));
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(findings())
        .anyMatch(
            line ->
                line.startsWith(
                    "error  registration.roles.items.\"Sponsor\"  Role \"Staff\" sits above the"
                        + " bot's highest role"));
  }

  @Test
  void explainsADisallowedServerMembersIntent() throws IOException {
    // given
    try (FakeDiscord strict =
        FakeDiscord.builder(FakeGuild.named("PyConXX")).privilegedIntentsAllowed(false).start()) {
      // when
      int exit = check(config(), strict, strict.token(), PRETIX_TOKEN);
      // then
      assertThat(exit).isEqualTo(Main.INVALID);
      assertThat(findings())
          .anyMatch(
              line ->
                  line.startsWith(
                      "error  DISCORD_BOT_TOKEN  Discord refuses the privileged Server Members"
                          + " Intent (close code 4014)"))
          .anyMatch(line -> line.startsWith("ok     pretix.event"));
    }
  }
}
