package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.adapter.sqlite.SqliteModule;
import dev.confbot.adapter.sqlite.SqliteSettings;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.Permissions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot export members} through real JDA against fake-discord, with registrations from the
 * SQLite claim store of the data directory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportMembersCommandTest {
  private static final String HEADER = "id,name,nickname,roles,joined_at,registered\r\n";

  @SuppressWarnings("NullAway.Init") // set before all tests
  private FakeDiscord discord;

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path directory;

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path config;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeAll
  void startDiscord() throws IOException, InterruptedException {
    discord =
        FakeDiscord.start(
            FakeGuild.named("PyConXX")
                .role("Organizers", 50, Permissions.MANAGE_GUILD, 0xE67E22)
                .role("Attendees", 10, 0, 0)
                .role("On-site", 9, 0, 0)
                .textChannel("general")
                .member("olga", "Organizers")
                .member("ingrid", "Attendees", "On-site")
                .member("=cmd", "Attendees"));
    FakeMember ingrid = discord.member("ingrid");
    HttpResponse<String> nick =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            discord.baseUrl()
                                + "guilds/"
                                + discord.guildId()
                                + "/members/"
                                + ingrid.id()))
                    .header("Authorization", "Bot " + discord.token())
                    .header("Content-Type", "application/json")
                    .method(
                        "PATCH", HttpRequest.BodyPublishers.ofString("{\"nick\":\"Ingrid B.\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(nick.statusCode()).as(nick.body()).isBetween(200, 299);
  }

  @AfterAll
  void stopDiscord() {
    discord.close();
  }

  @BeforeEach
  void writeConfigAndClaims(@TempDir Path directory) throws IOException {
    this.directory = directory;
    config =
        Files.writeString(
            directory.resolve("config.toml"),
            String.join(
                "\n",
                "[discord]",
                "guild_id = " + discord.guildId(),
                "[registration.roles.items]",
                "\"Business\" = [\"Attendees\"]",
                "[pretix]",
                "base_url = \"http://127.0.0.1:9/\"",
                "organizer = \"pyconxx\"",
                "event = \"2026\"",
                ""),
            StandardCharsets.UTF_8);
    Injector injector =
        Guice.createInjector(
            new SqliteModule(),
            b -> b.bind(SqliteSettings.class).toInstance(SqliteSettings.in(dataDirectory())));
    SqliteDatabase database = injector.getInstance(SqliteDatabase.class);
    database.start();
    try {
      ClaimStore claims = injector.getInstance(ClaimStore.class);
      MemberId ingrid = new MemberId(discord.member("ingrid").id());
      Instant at = Instant.parse("2026-05-01T10:00:00Z");
      for (PositionKey position : List.of(key("MWM3A", 2), key("KCPXF", 1))) {
        claims.reserve(position, ingrid, at);
        claims.confirm(position, ingrid, at);
      }
      claims.reserve(key("T8CV7", 1), new MemberId(discord.member("olga").id()), at);
    } finally {
      database.close();
    }
  }

  private Path dataDirectory() {
    return directory.resolve("data");
  }

  private static PositionKey key(String order, int position) {
    return new PositionKey(new OrderCode(order), position);
  }

  private int exportVia(String token, String rest, String gateway, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    List<String> full =
        new ArrayList<>(
            List.of(
                "export",
                "members",
                "--config",
                config.toString(),
                "--discord-rest-url",
                rest,
                "--discord-gateway-url",
                gateway));
    full.addAll(List.of(args));
    return Main.commandLine(Map.of("DISCORD_BOT_TOKEN", token, "PRETIX_TOKEN", "p"))
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(full.toArray(String[]::new));
  }

  private int export(String... args) {
    return exportVia(discord.token(), discord.baseUrl(), discord.gatewayUrl(), args);
  }

  @Test
  void writesEveryMemberWithRolesNicknameAndRegisteredPositions() throws IOException {
    // given
    Path file = directory.resolve("members.csv");
    FakeMember ingrid = discord.member("ingrid");
    FakeMember olga = discord.member("olga");
    long people = discord.members().stream().filter(m -> !m.bot()).count();
    // when
    int exit = export("--out", file.toString());
    // then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString())
        .startsWith("Wrote " + people + " members to " + file)
        .contains("personal data");
    String csv = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(csv).startsWith(HEADER);
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize((int) people + 1);
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(ingrid.id() + ",ingrid,Ingrid B.,Attendees; On-site,")
                    .endsWith(",KCPXF-1; MWM3A-2"))
        .anySatisfy(
            line -> assertThat(line).startsWith(olga.id() + ",olga,,Organizers,").endsWith("Z,"))
        .anySatisfy(line -> assertThat(line).contains(",'=cmd,"))
        .noneSatisfy(line -> assertThat(line).contains(Long.toString(discord.bot().id())));
    assertThat(directory).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void writesTheSameCsvToStandardOutput() {
    // when
    int exit = export("--out", "-");
    // then
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith(HEADER).contains(",KCPXF-1; MWM3A-2\r\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void refusesToReplaceAnExistingFileWithoutForce() throws IOException {
    // given
    Path file = Files.writeString(directory.resolve("members.csv"), "keep me");
    // when
    int refused = export("--out", file.toString());
    String refusal = err.toString();
    String kept = Files.readString(file);
    int forced = export("--out", file.toString(), "--force");
    // then
    assertThat(refused).isEqualTo(Main.INVALID);
    assertThat(refusal).contains(file + " exists").contains("--force");
    assertThat(kept).isEqualTo("keep me");
    assertThat(forced).as(err.toString()).isZero();
    assertThat(Files.readString(file)).startsWith(HEADER);
  }

  @Test
  void explainsAnInvalidConfiguration() throws IOException {
    // given
    Files.writeString(config, "[discord]\nguild_id = \"not a number\"\n");
    Path file = directory.resolve("members.csv");
    // when
    int exit = export("--out", file.toString());
    // then
    assertThat(exit).isEqualTo(Main.INVALID);
    assertThat(err.toString()).contains("is not valid").contains("discord.guild_id");
    assertThat(file).doesNotExist();
  }

  @Test
  void explainsThatTheServerMembersIntentIsOff() {
    // given
    Path file = directory.resolve("members.csv");
    try (FakeDiscord strict =
        FakeDiscord.builder(FakeGuild.named("PyConXX").member("olga"))
            .privilegedIntentsAllowed(false)
            .start()) {
      // when
      int exit =
          exportVia(
              strict.token(), strict.baseUrl(), strict.gatewayUrl(), "--out", file.toString());
      // then
      assertThat(exit).isEqualTo(Main.UNEXPECTED_ERROR);
      assertThat(err.toString())
          .startsWith(
              "confbot: could not read the members from Discord: Discord refused the privileged"
                  + " Server Members Intent: switch on \"Server Members Intent\"");
      assertThat(err.toString().lines()).hasSize(1);
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void explainsThatDiscordCannotBeReached() {
    // given
    Path file = directory.resolve("members.csv");
    // when
    int exit =
        exportVia(
            discord.token(),
            "http://127.0.0.1:9/api/v10/",
            "ws://127.0.0.1:9/",
            "--out",
            file.toString());
    // then
    assertThat(exit).isEqualTo(Main.UNEXPECTED_ERROR);
    assertThat(err.toString())
        .startsWith(
            "confbot: could not read the members from Discord: could not reach Discord at"
                + " http://127.0.0.1:9/api/v10/ (")
        .doesNotContain("\tat ")
        .doesNotContain("Exception:");
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(file).doesNotExist();
  }
}
