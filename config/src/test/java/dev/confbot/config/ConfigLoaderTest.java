package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confbot.config.RegistrationConfig.OnCancel;
import dev.confbot.config.RuntimeConfig.LogFormat;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.RoleRef;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  Path directory;
  ConfigFiles files;

  @BeforeEach
  void setUp(@TempDir Path directory) {
    this.directory = directory;
    files = new ConfigFiles(directory);
  }

  @Test
  void minimalFileGetsEveryDefault() {
    // when
    ConfbotConfig config = files.load(ConfigFiles.MINIMAL);

    // then
    assertThat(config.discord().guildId()).isEqualTo(1120774557394014208L);
    assertThat(config.discord().token().reveal()).isEqualTo("discord-token-value");
    assertThat(config.discord().messageContentIntent()).isFalse();
    RegistrationConfig registration = config.registration();
    assertThat(registration.channel()).isEqualTo(new ChannelRef("registration"));
    assertThat(registration.logChannel()).isEqualTo(new ChannelRef("registration-log"));
    assertThat(registration.helpChannel()).isEqualTo(new ChannelRef("registration-help"));
    assertThat(registration.allowedOrderStates()).containsExactly(OrderStatus.PAID);
    assertThat(registration.setNickname()).isFalse();
    assertThat(registration.failedAttempts())
        .isEqualTo(new FailedAttemptLimit(5, Duration.ofMinutes(10)));
    assertThat(registration.onCancel()).isEqualTo(OnCancel.REVOKE);
    assertThat(registration.roles().size()).isZero();
    assertThat(registration.extraRoles()).isEmpty();
    PretixConfig pretix = config.pretix();
    assertThat(pretix.baseUrl()).isEqualTo(URI.create("https://pretix.eu/"));
    assertThat(pretix.eventApiUrl())
        .isEqualTo(URI.create("https://pretix.eu/api/v1/organizers/pyconxx/events/2026/"));
    assertThat(pretix.token().reveal()).isEqualTo("pretix-token-value");
    assertThat(pretix.syncInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(pretix.requestsPerMinute()).isEqualTo(360);
    assertThat(pretix.pageConcurrency()).isEqualTo(4);
    ScheduleConfig schedule = config.schedule();
    assertThat(schedule.location()).isEmpty();
    assertThat(schedule.token()).isNull();
    assertThat(schedule.refreshInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(schedule.timeZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(schedule.conferenceDays()).isEmpty();
    NotificationsConfig notifications = config.notifications();
    assertThat(notifications.mainChannel()).isEqualTo(new ChannelRef("programme-notifications"));
    assertThat(notifications.mainLeadTime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(notifications.roomLeadTime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(notifications.lateGrace()).isEqualTo(Duration.ofMinutes(2));
    assertThat(notifications.skippedSessionTypes()).containsExactly("Break", "Lunch");
    assertThat(notifications.roomChannels()).isEmpty();
    assertThat(notifications.mainWebhook()).isNull();
    assertThat(notifications.roomTopics()).isFalse();
    assertThat(notifications.scheduleUpdatesChannel()).isNull();
    assertThat(notifications.sessionUrlTemplate()).isNull();
    assertThat(config.livestreams().byRoom()).isEmpty();
    assertThat(config.organizers().roles()).containsExactly(new RoleRef("Organizers"));
    assertThat(config.jobBoard().channel()).isEqualTo(new ChannelRef("job-board"));
    assertThat(config.jobBoard().csvFile()).isEmpty();
    assertThat(config.setup().roles()).isEmpty();
    assertThat(config.attendee().defaultLanguage()).isEqualTo(Locale.ENGLISH);
    assertThat(config.attendee().reminderLead()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.runtime().dataDir()).isEqualTo(directory.resolve("data"));
    assertThat(config.runtime().port()).isEmpty();
    assertThat(config.runtime().logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(config.runtime().clock()).isEmpty();
  }

  @Test
  void localFileMergesTablesRecursivelyAndReplacesValuesAndArrays() {
    // given
    files.write(
        "config.local.toml",
        "[pretix]\nevent = \"2026-rehearsal\"\n\n"
            + "[notifications]\nskipped_session_types = [\"Keynote\"]\n\n"
            + "[notifications.room_channels]\n\"Club B\" = \"club-b-test\"\n");
    String main =
        ConfigFiles.MINIMAL
            + "sync_interval = \"30s\"\n\n"
            + "[notifications]\nskipped_session_types = [\"Break\", \"Lunch\"]\n"
            + "main_channel = \"programme\"\n\n"
            + "[notifications.room_channels]\n\"Club A\" = \"club-a\"\n\"Club B\" = \"club-b\"\n";

    // when
    LoadedConfig loaded = files.loadWith(main, ConfigFiles.TOKENS);

    // then
    ConfbotConfig config = loaded.config();
    assertThat(config.pretix().event()).isEqualTo("2026-rehearsal");
    assertThat(config.pretix().organizer()).isEqualTo("pyconxx");
    assertThat(config.pretix().syncInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.notifications().skippedSessionTypes()).containsExactly("Keynote");
    assertThat(config.notifications().mainChannel()).isEqualTo(new ChannelRef("programme"));
    assertThat(config.notifications().roomChannels())
        .containsExactly(
            Map.entry("Club A", new ChannelRef("club-a")),
            Map.entry("Club B", new ChannelRef("club-b-test")));
    assertThat(loaded.files())
        .containsExactly(directory.resolve("config.toml"), directory.resolve("config.local.toml"));
  }

  @Test
  void localFileMayReplaceATableWithAValue() {
    // given
    Map<String, Object> base = Map.of("a", Map.of("b", 1L), "c", List.of(1L, 2L));
    Map<String, Object> overlay = Map.of("a", "flat", "c", List.of(3L));

    // when
    Map<String, Object> merged = TomlFiles.merge(base, overlay);

    // then
    assertThat(merged).containsEntry("a", "flat").containsEntry("c", List.of(3L));
  }

  @Test
  void chosenFileUsesItsOwnLocalSibling() {
    // given
    files.write("rehearsal.toml", ConfigFiles.MINIMAL);
    files.write("rehearsal.local.toml", "[pretix]\nevent = \"from-local\"\n");
    files.write("config.local.toml", "[pretix]\nevent = \"wrong-sibling\"\n");

    // when
    ConfbotConfig config =
        new ConfigLoader(ConfigFiles.TOKENS).load(directory.resolve("rehearsal.toml")).config();

    // then
    assertThat(config.pretix().event()).isEqualTo("from-local");
    assertThat(ConfigLoader.localSibling(Path.of("x", "conf")))
        .isEqualTo(Path.of("x", "conf.local.toml"));
  }

  @Test
  void readsSecretsFileAndLetsTheEnvironmentWin() {
    // given
    files.write(
        ".secrets",
        "# tokens\nexport DISCORD_BOT_TOKEN=\"from-file\"\nPRETIX_TOKEN='pretix-from-file'\n");

    // when
    LoadedConfig loaded =
        files.loadWith(ConfigFiles.MINIMAL, Map.of("PRETIX_TOKEN", "pretix-from-env"));

    // then
    assertThat(loaded.config().discord().token().reveal()).isEqualTo("from-file");
    assertThat(loaded.config().pretix().token().reveal()).isEqualTo("pretix-from-env");
    assertThat(loaded.secrets())
        .containsExactly(
            new SecretSource("DISCORD_BOT_TOKEN", SecretSource.Origin.SECRETS_FILE),
            new SecretSource("PRETIX_TOKEN", SecretSource.Origin.ENVIRONMENT));
    assertThat(loaded.files()).contains(directory.resolve(".secrets"));
  }

  @Test
  void resolvesSecretReferencesInStrings() {
    // given
    Map<String, String> environment = new HashMap<>(ConfigFiles.TOKENS);
    environment.put("STREAM_HOST", "stream.example.org");
    environment.put("HOOK", "https://discord.com/api/webhooks/1/abc");
    environment.put("PRETALX_TOKEN", "pretalx-token");
    String toml =
        ConfigFiles.MINIMAL
            + "[notifications]\nmain_webhook = \"${HOOK}\"\n"
            + "[livestreams.\"North Hall\"]\n\"2026-07-15\" = \"https://${STREAM_HOST}/nh/1\"\n";

    // when
    LoadedConfig loaded = files.loadWith(toml, environment);

    // then
    ConfbotConfig config = loaded.config();
    assertThat(config.livestreams().urlFor("North Hall", java.time.LocalDate.of(2026, 7, 15)))
        .hasValue("https://stream.example.org/nh/1");
    assertThat(config.notifications().mainWebhook())
        .isEqualTo(new Secret("https://discord.com/api/webhooks/1/abc"));
    assertThat(config.schedule().token()).isEqualTo(new Secret("pretalx-token"));
    assertThat(loaded.secrets()).extracting(SecretSource::name).contains("HOOK", "STREAM_HOST");
  }

  @Test
  void tokensNeverAppearInToStrings() {
    // when
    ConfbotConfig config = files.load(ConfigFiles.MINIMAL);

    // then
    assertThat(config.toString())
        .doesNotContain("discord-token-value")
        .doesNotContain("pretix-token-value")
        .contains("***");
    assertThat(new Secret("value").toString()).isEqualTo("***");
  }

  @Test
  void relativePathsResolveAgainstTheConfigurationDirectory() {
    // given
    files.write("jobs/offers.csv", "company,title,link,text\n");
    files.write("schedule.json", "{}");
    String toml =
        ConfigFiles.MINIMAL
            + "[runtime]\ndata_dir = \"state\"\n"
            + "[job_board]\ncsv = \"jobs/offers.csv\"\n"
            + "[schedule]\nsource = \"schedule.json\"\n";

    // when
    ConfbotConfig config = files.load(toml);

    // then
    assertThat(config.runtime().dataDir()).isEqualTo(directory.resolve("state"));
    assertThat(config.jobBoard().csvFile()).hasValue(directory.resolve("jobs/offers.csv"));
    assertThat(config.schedule().location())
        .hasValue(new ScheduleLocation.File(directory.resolve("schedule.json")));
  }

  @Test
  void environmentOverridesDataDirectoryAndHttpPort() {
    // given: what the container image sets
    Map<String, String> environment = new HashMap<>(ConfigFiles.TOKENS);
    environment.put("CONFBOT_DATA_DIR", "/data");
    environment.put("CONFBOT_HTTP_PORT", "8080");

    // when
    ConfbotConfig config =
        files
            .loadWith(
                ConfigFiles.MINIMAL + "[runtime]\ndata_dir = \"state\"\nhttp_port = 9000\n",
                environment)
            .config();

    // then
    assertThat(config.runtime().dataDir()).isEqualTo(Path.of("/data"));
    assertThat(config.runtime().port()).hasValue(8080);
  }

  @Test
  void badHttpPortInTheEnvironmentNamesTheVariable() {
    // given
    Map<String, String> environment = new HashMap<>(ConfigFiles.TOKENS);
    environment.put("CONFBOT_HTTP_PORT", "80a");

    // when
    ConfigException thrown =
        catchThrowableOfType(
            ConfigException.class, () -> files.loadWith(ConfigFiles.MINIMAL, environment));

    // then
    assertThat(thrown.problems())
        .containsExactly(
            new ConfigProblem(
                "environment variable CONFBOT_HTTP_PORT",
                "expected an integer from 1 to 65535, found \"80a\""));
  }

  @Test
  void aCommandMayDeclareTokensItDoesNotNeed() {
    // when: only the pretix token is set, and the command does not need the Discord one
    ConfbotConfig config =
        new ConfigLoader(Map.of("PRETIX_TOKEN", "pretix-token-value"))
            .notNeeding(java.util.Set.of(ConfigLoader.DISCORD_TOKEN))
            .load(files.write("config.toml", ConfigFiles.MINIMAL))
            .config();

    // then
    assertThat(config.discord().token().isSet()).isFalse();
    assertThat(config.pretix().token().reveal()).isEqualTo("pretix-token-value");
    IllegalStateException revealed =
        catchThrowableOfType(IllegalStateException.class, () -> config.discord().token().reveal());
    assertThat(revealed).hasMessageContaining("secret DISCORD_BOT_TOKEN is not set");
  }

  @Test
  void tokensNotDeclaredAsUnneededAreStillRequired() {
    // when
    ConfigException thrown =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                new ConfigLoader(Map.of())
                    .notNeeding(java.util.Set.of(ConfigLoader.DISCORD_TOKEN))
                    .load(files.write("config.toml", ConfigFiles.MINIMAL)));

    // then
    assertThat(thrown.problems()).extracting(ConfigProblem::path).containsExactly("pretix.token");
  }

  @Test
  void referencedFilesMustExist() {
    // when
    ConfigException thrown =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                files.load(
                    ConfigFiles.MINIMAL
                        + "[job_board]\ncsv = \"jobs.csv\"\n[schedule]\nsource = \"s.json\"\n"));

    // then
    assertThat(thrown.problems())
        .containsExactly(
            new ConfigProblem(
                "schedule.source", "file " + directory.resolve("s.json") + " does not exist"),
            new ConfigProblem(
                "job_board.csv", "file " + directory.resolve("jobs.csv") + " does not exist"));
  }

  @Test
  void scheduleSourceMayBeAUrl() {
    // when
    ConfbotConfig config =
        files.load(
            ConfigFiles.MINIMAL
                + "[schedule]\nsource = \"https://pretalx.com/ep/schedule/export/schedule.json\"\n"
                + "time_zone = \"Europe/Prague\"\nconference_days = [2026-07-15, \"2026-07-16\"]\n");

    // then
    assertThat(config.schedule().location())
        .hasValue(
            new ScheduleLocation.Url(
                URI.create("https://pretalx.com/ep/schedule/export/schedule.json")));
    assertThat(config.schedule().timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Prague"));
    assertThat(config.schedule().conferenceDays())
        .containsExactly(java.time.LocalDate.of(2026, 7, 15), java.time.LocalDate.of(2026, 7, 16));
  }

  @Test
  void missingFileIsAProblemAndSecretsAreStillChecked() {
    // given
    files.write(".secrets", "NOT A SECRET LINE\n");

    // when
    ConfigException thrown =
        catchThrowableOfType(
            ConfigException.class,
            () -> new ConfigLoader(Map.of()).load(directory.resolve("config.toml")));

    // then
    assertThat(thrown.problems()).hasSize(2);
    assertThat(thrown.problems().get(0).path()).endsWith("config.toml");
    assertThat(thrown.problems().get(0).message()).contains("not found");
    assertThat(thrown.problems().get(1).path()).endsWith(".secrets:1");
  }
}
