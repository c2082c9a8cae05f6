package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confbot.config.SetupBlueprint.ChannelKind;
import dev.confbot.config.SetupBlueprint.PermissionOverwrite;
import dev.confbot.config.SetupBlueprint.RoleBlueprint;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.RoleRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSectionsTest {
  private static final RoleRef ATTENDEES = new RoleRef("Attendees");
  private static final RoleRef ON_SITE = new RoleRef("On-site");

  Path directory;
  ConfigFiles files;

  @BeforeEach
  void setUp(@TempDir Path directory) {
    this.directory = directory;
    files = new ConfigFiles(directory);
  }

  @Test
  void readsTheTicketRoleMappingByNameWithVariations() {
    // when
    ConfbotConfig config =
        files.load(ConfigFiles.MINIMAL + ConfigFiles.resource("ticket-roles.toml"));

    // then
    RoleMappingConfig roles = config.registration().roles();
    assertThat(roles.items()).hasSize(8);
    assertThat(roles.items())
        .containsEntry("Speaker", List.of(ATTENDEES, ON_SITE, new RoleRef("Speakers")))
        .containsEntry("Tutorial day", List.of(new RoleRef("Tutorials")));
    assertThat(roles.variations())
        .containsEntry("Volunteer – On-site", List.of(ON_SITE))
        .containsEntry("Volunteer – Remote", List.of(new RoleRef("Online")));
  }

  @Test
  void readsTheLegacyJsonMappingWithExactRoleIds() {
    // given
    files.copyResource("ticket_to_roles_legacy.json", "mapping/legacy.json");

    // when
    LoadedConfig loaded =
        files.loadWith(
            ConfigFiles.MINIMAL
                + "[registration.roles]\nlegacy_json = \"mapping/legacy.json\"\n"
                + "[registration.roles.items]\n\"Online\" = [\"Online\", 1122452618829107220]\n",
            ConfigFiles.TOKENS);

    // then
    RoleMappingConfig roles = loaded.config().registration().roles();
    assertThat(roles.items())
        .containsOnlyKeys("Business", "Personal", "Student", "Online", "Speaker", "Sponsor");
    assertThat(roles.items())
        .containsEntry(
            "Speaker",
            List.of(
                new RoleRef("1120774936655568896"),
                new RoleRef("1122452618829107220"),
                new RoleRef("1120776091393593426")))
        .as("items in the TOML replace legacy entries of the same name")
        .containsEntry(
            "Online", List.of(new RoleRef("Online"), new RoleRef("1122452618829107220")));
    assertThat(new RoleRef("1120774936655568896").isId()).isTrue();
    assertThat(loaded.files()).contains(directory.resolve("mapping/legacy.json"));
  }

  @Test
  void reportsMissingAndMalformedLegacyJson() {
    // given
    files.write("bad.json", "{\"Business\": [1, \"x\", true]}");

    // when
    ConfigException missing =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                files.load(
                    ConfigFiles.MINIMAL + "[registration.roles]\nlegacy_json = \"nope.json\"\n"));
    ConfigException malformed =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                files.load(
                    ConfigFiles.MINIMAL + "[registration.roles]\nlegacy_json = \"bad.json\"\n"));

    // then
    assertThat(missing.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("registration.roles.legacy_json");
              assertThat(p.message()).contains("does not exist");
            });
    assertThat(malformed.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("$.Business[2]"));
  }

  @Test
  void readsExtraRolesPerOrderWithCanonicalCodes() {
    // when
    ConfbotConfig config =
        files.load(
            ConfigFiles.MINIMAL
                + "[registration.extra_roles]\n\"#xj7q2\" = [\"Sponsors\"]\nABC12 = \"Speakers\"\n");

    // then
    assertThat(config.registration().extraRoles())
        .containsEntry(new OrderCode("XJ7Q2"), List.of(new RoleRef("Sponsors")))
        .containsEntry(new OrderCode("ABC12"), List.of(new RoleRef("Speakers")));
  }

  @Test
  void readsLivestreamsPerRoomAndDay() {
    // when
    ConfbotConfig config =
        files.load(ConfigFiles.MINIMAL + ConfigFiles.resource("livestreams.toml"));

    // then
    LivestreamsConfig livestreams = config.livestreams();
    assertThat(livestreams.byRoom()).hasSize(8);
    assertThat(livestreams.linkCount()).isEqualTo(24);
    assertThat(livestreams.urlFor("North Hall", LocalDate.of(2023, 7, 20)))
        .hasValue("https://stream.example.org/north-hall/day2");
    assertThat(livestreams.urlFor("North Hall", LocalDate.of(2023, 7, 22))).isEmpty();
    assertThat(livestreams.urlFor("Nowhere", LocalDate.of(2023, 7, 20))).isEmpty();
  }

  @Test
  void readsTheSetupBlueprint() {
    // given
    String toml =
        ConfigFiles.MINIMAL
            + "[[setup.roles]]\nname = \"Organizers\"\ncolour = \"#F1C40F\"\nhoist = true\n"
            + "[[setup.roles]]\nname = \"Attendees\"\n"
            + "[[setup.categories]]\nname = \"Info\"\n"
            + "[[setup.categories.overwrites]]\nrole = \"@everyone\"\nallow = [\"VIEW_CHANNEL\"]\n"
            + "[[setup.categories.channels]]\nname = \"announcements\"\ntype = \"announcement\"\n"
            + "topic = \"News\"\n"
            + "[[setup.categories.channels.overwrites]]\nrole = \"@everyone\"\n"
            + "deny = [\"MESSAGE_SEND\"]\n"
            + "[[setup.categories.channels]]\nname = \"hallway\"\ntype = \"voice\"\n";

    // when
    SetupBlueprint setup = files.load(toml).setup();

    // then
    assertThat(setup.roles())
        .containsExactly(
            new RoleBlueprint("Organizers", 0xF1C40F, true, false),
            new RoleBlueprint("Attendees", null, false, false));
    assertThat(setup.categories()).hasSize(1);
    SetupBlueprint.CategoryBlueprint info = setup.categories().get(0);
    assertThat(info.overwrites())
        .containsExactly(
            new PermissionOverwrite(new RoleRef("@everyone"), List.of("VIEW_CHANNEL"), List.of()));
    assertThat(info.channels())
        .extracting(c -> c.kind())
        .containsExactly(ChannelKind.ANNOUNCEMENT, ChannelKind.VOICE);
    assertThat(info.channels().get(0).topic()).isEqualTo("News");
    assertThat(info.channels().get(0).overwrites().get(0).deny()).containsExactly("MESSAGE_SEND");
    assertThat(setup.channelCount()).isEqualTo(2);
  }

  @Test
  void readsAttendeeLanguageAndTextOverrides() {
    // when
    AttendeeConfig attendee =
        files
            .load(
                ConfigFiles.MINIMAL
                    + "[attendee]\ndefault_language = \"de\"\nreminder_lead = \"15m\"\n"
                    + "[attendee.texts.de]\n\"registration.registered\" = \"Willkommen!\"\n")
            .attendee();

    // then
    assertThat(attendee.defaultLanguage()).isEqualTo(Locale.GERMAN);
    assertThat(attendee.override("de", "registration.registered")).hasValue("Willkommen!");
    assertThat(attendee.override("fr", "registration.registered")).isEmpty();
    assertThat(attendee.reminderLead()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void rejectsReminderLeadsThatAreNotPositiveOrLongerThanADay() {
    // when / then
    assertThatThrownBy(
            () -> files.load(ConfigFiles.MINIMAL + "[attendee]\nreminder_lead = \"25h\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("attendee.reminder_lead: must be at most \"24h\"");
    assertThatThrownBy(
            () -> files.load(ConfigFiles.MINIMAL + "[attendee]\nreminder_lead = \"0m\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("attendee.reminder_lead");
  }

  @Test
  void rejectsTextOverridesWithUnknownKeysOrPlaceholders() {
    // when / then
    assertThatThrownBy(
            () ->
                files.load(
                    ConfigFiles.MINIMAL
                        + "[attendee.texts.fr]\n\"registration.nope\" = \"x\"\n"
                        + "\"registration.order_not_found\" = \"Commande {code} inconnue\"\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("attendee.texts.fr.\"registration.nope\": unknown text key")
        .hasMessageContaining("unknown placeholder {code}");
  }

  @Test
  void readsRuntimeSettingsAndTheSimulatedClock() {
    // when
    RuntimeConfig runtime =
        files
            .load(
                ConfigFiles.MINIMAL
                    + "[runtime]\nhttp_port = 8080\nlog_format = \"json\"\n"
                    + "[runtime.simulated_clock]\nstart = 2023-07-19T08:55:00+02:00\nspeed = 60\n")
            .runtime();

    // then
    assertThat(runtime.port()).hasValue(8080);
    assertThat(runtime.logFormat()).isEqualTo(RuntimeConfig.LogFormat.JSON);
    assertThat(runtime.clock())
        .hasValue(new RuntimeConfig.SimulatedClock(Instant.parse("2023-07-19T06:55:00Z"), 60.0));
  }

  @Test
  void readsChannelsByNameOrIdAndOrganizerRoles() {
    // when
    ConfbotConfig config =
        files.load(
            ConfigFiles.MINIMAL
                + "[registration]\nchannel = \"#welcome\"\nlog_channel = 1120774557394014999\n"
                + "[organizers]\nroles = [\"Board\", 1120774557394014777]\n");

    // then
    assertThat(config.registration().channel().value()).isEqualTo("welcome");
    assertThat(config.registration().channel().isId()).isFalse();
    assertThat(config.registration().logChannel().isId()).isTrue();
    assertThat(config.registration().logChannel().toString()).isEqualTo("1120774557394014999");
    assertThat(config.organizers().roles())
        .containsExactly(new RoleRef("Board"), new RoleRef("1120774557394014777"));
  }
}
