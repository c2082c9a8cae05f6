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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confbot tickets lookup} on the bundled sample orders (the pretix fixtures of a fictional
 * event): every outcome a single lookup can reach, its exit code and its JSON.
 */
class TicketsLookupCommandTest {
  private static final String PRETIX_DIR = Path.of("src/main/resources/demo/pretix").toString();
  private static final Map<String, String> SECRETS =
      Map.of("DISCORD_BOT_TOKEN", "dummy-discord", "PRETIX_TOKEN", "dummy-pretix");

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path directory;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @SuppressWarnings("NullAway.Init") // set before each test
  private Path config;

  @BeforeEach
  void writeConfig(@TempDir Path directory) throws IOException {
    this.directory = directory;
    config =
        Files.writeString(
            directory.resolve("config.toml"),
            String.join(
                "\n",
                "[discord]",
                "guild_id = 1120774557394014208",
                "[registration.roles.items]",
                "\"Business\" = [\"Attendees\", \"On-site\"]",
                "\"Personal\" = [\"Attendees\", \"On-site\"]",
                "\"Student\" = [\"Attendees\", \"On-site\"]",
                "\"Online\" = [\"Attendees\", \"Online\"]",
                "\"Speaker\" = [\"Attendees\", \"On-site\", \"Speakers\"]",
                "\"Sponsor\" = [\"Attendees\", \"On-site\", \"Sponsors\"]",
                "\"Volunteer\" = [\"Attendees\", \"Volunteers\"]",
                "\"Tutorial day\" = [\"Tutorials\"]",
                "[registration.roles.variations]",
                "\"Volunteer – On-site\" = [\"On-site\"]",
                "\"Volunteer – Remote\" = [\"Online\"]",
                "[pretix]",
                "base_url = \"http://127.0.0.1:9/\"",
                "organizer = \"pyconxx\"",
                "event = \"2026\"",
                "[runtime]",
                "data_dir = \"data\"",
                ""),
            StandardCharsets.UTF_8);
  }

  private int lookup(String... args) {
    String[] full = new String[args.length + 2];
    full[0] = "tickets";
    full[1] = "lookup";
    System.arraycopy(args, 0, full, 2, args.length);
    return Main.commandLine(SECRETS)
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(full);
  }

  private int lookupInDir(String code, String name, String... more) {
    String[] args = new String[more.length + 6];
    args[0] = code;
    args[1] = name;
    args[2] = "--config";
    args[3] = config.toString();
    args[4] = "--pretix-dir";
    args[5] = PRETIX_DIR;
    System.arraycopy(more, 0, args, 6, more.length);
    return lookup(args);
  }

  @Test
  void registersASpeakerWithTheUnionOfItemAndAddOnRoles() {
    // when
    int exit = lookupInDir("#hxyct-1", "guido VAN rossum", "--json");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString().strip())
        .startsWith("{\"outcome\":\"REGISTERED\",\"order\":\"HXYCT\",\"position\":1,")
        .contains("\"roles\":[\"Attendees\",\"On-site\",\"Speakers\",\"Tutorials\"]");
    assertThat(err.toString()).isEmpty();
  }

  /** A pretalx REST schedule (expanded) with one confirmed talk by the given speaker. */
  private Path scheduleWith(String speaker, String email) throws IOException {
    String emailJson = email.isEmpty() ? "null" : "\"" + email + "\"";
    return Files.writeString(
        directory.resolve("schedule.json"),
        "{\"id\": 1, \"version\": \"1\", \"slots\": [{\"id\": 1, \"room\": {\"id\": 7,"
            + " \"name\": {\"en\": \"Forum Hall\"}}, \"start\": \"2026-07-14T10:00:00+02:00\","
            + " \"end\": \"2026-07-14T10:30:00+02:00\", \"submission\": {\"code\": \"ABC123\","
            + " \"title\": \"Fjords and functions\", \"state\": \"confirmed\", \"speakers\":"
            + " [{\"code\": \"SPK1\", \"name\": \""
            + speaker
            + "\", \"email\": "
            + emailJson
            + "}]}}]}",
        StandardCharsets.UTF_8);
  }

  private void addSpeakerRoles(Path schedule) throws IOException {
    Files.writeString(
        config,
        Files.readString(config)
                .replace(
                    "[registration.roles.items]",
                    "[registration]\nspeaker_roles = [\"Speakers\"]\n[registration.roles.items]")
            + "[schedule]\nsource = \""
            + schedule.toString().replace("\\", "/")
            + "\"\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void showsTheSpeakerRoleAndWhyForASpeakerOfTheSchedule() throws IOException {
    // given: pretalx spells the name without the Nordic letters
    addSpeakerRoles(scheduleWith("Pal Overgard", ""));
    // when
    int exit = lookupInDir("MWM3A", "Pål Overgard");
    // then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Roles:     Attendees, On-site, Speakers")
        .contains("Speaker:   speaker of “Fjords and functions” (ABC123), matched by name");
  }

  @Test
  void matchesASpeakerByTheOrdersEmailInJson() throws IOException {
    // given
    addSpeakerRoles(scheduleWith("P. Ø.", "MWM3A@example.org"));
    // when
    int exit = lookupInDir("MWM3A", "Pål Overgard", "--json");
    // then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("\"Speakers\"")
        .contains("\"speaker\":\"speaker of “Fjords and functions” (ABC123), matched by e-mail\"");
  }

  @Test
  void givesNoSpeakerRoleToSomebodyElse() throws IOException {
    addSpeakerRoles(scheduleWith("Ada Lovelace", "ada@example.org"));
    int exit = lookupInDir("MWM3A", "Pål Overgard");
    assertThat(exit).isZero();
    assertThat(out.toString()).doesNotContain("Speaker:").doesNotContain("Speakers");
  }

  @Test
  void printsTheMatchedPositionAndRolesAsText() {
    // when
    int exit = lookupInDir("MWM3A", "Pål Overgard");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("Outcome:   REGISTERED")
        .contains("Matched:   order MWM3A, position 2")
        .contains("Roles:     Attendees, On-site")
        .contains("Attendee would read:")
        .contains("Log line:")
        .doesNotContain("MWM3A-2 ");
  }

  @Test
  void refusesEachKindOfUnusableTicketWithItsOwnOutcome() {
    assertOutcome(lookupInDir("DLSSW", "Someone Else", "--json"), "NAME_MISMATCH");
    assertOutcome(lookupInDir("ABCDE", "Nobody Known", "--json"), "ORDER_NOT_FOUND");
    assertOutcome(lookupInDir("FAM9F", "Nils Notpaid", "--json"), "ORDER_NOT_PAID");
    assertOutcome(lookupInDir("HACQW", "Erin Expired", "--json"), "ORDER_NOT_PAID");
    assertOutcome(lookupInDir("SRQDS", "Carl Cancelled", "--json"), "ORDER_CANCELED");
    assertOutcome(lookupInDir("KLFJJ-2", "Paul Partial", "--json"), "ORDER_CANCELED");
    assertOutcome(lookupInDir("V0JT3", "Tina Testmode", "--json"), "TEST_MODE");
    assertOutcome(lookupInDir("!!", "Someone", "--json"), "INVALID_CODE");
    // every key is there, null when the outcome has no such thing
    assertThat(out.toString())
        .contains("{\"outcome\":\"ORDER_NOT_FOUND\",\"order\":\"ABCDE\",\"position\":null,")
        .contains("{\"outcome\":\"INVALID_CODE\",\"order\":null,\"position\":null,");
  }

  @Test
  void reportsTicketsWithoutMappedRolesUsingTheLegacyJsonMapping() {
    // given: the earlier bots' mapping has no entry for volunteers
    String legacy = Path.of("src/test/resources/ticket_to_roles_legacy.json").toString();

    // when
    int exit =
        lookup(
            "X9FNJ",
            "Vera Volunteer",
            "--pretix-dir",
            PRETIX_DIR,
            "--roles-json",
            legacy,
            "--json");

    // then
    assertOutcome(exit, "NO_ROLES_MAPPED");
    assertThat(
            lookup("HXYCT", "Guido van Rossum", "--pretix-dir", PRETIX_DIR, "--roles-json", legacy))
        .isZero();
    assertThat(out.toString())
        .contains("1120774936655568896, 1120776091393593426, 1122452618829107220");
  }

  @Test
  void answersFromTheClaimsTheBotHoldsWithoutChangingThem() {
    // given: member 42 holds DLSSW-1 in the bot's store
    SqliteSettings sqlite = holdInStore("DLSSW", 42);

    // when
    int sameMember = lookupInDir("DLSSW", "José Müller-Lüdenscheidt", "--member", "42", "--json");
    int otherMember = lookupInDir("DLSSW", "Jose Mueller Luedenscheidt", "--member", "7", "--json");

    // then
    assertThat(sameMember).isEqualTo(1);
    assertThat(otherMember).isEqualTo(1);
    assertThat(out.toString())
        .contains("\"outcome\":\"ALREADY_REGISTERED\"")
        .contains("\"outcome\":\"CLAIMED_BY_OTHER\"");
    Injector reopened =
        Guice.createInjector(
            new SqliteModule(), binder -> binder.bind(SqliteSettings.class).toInstance(sqlite));
    try (SqliteDatabase database = reopened.getInstance(SqliteDatabase.class)) {
      assertThat(reopened.getInstance(ClaimStore.class).all())
          .singleElement()
          .satisfies(claim -> assertThat(claim.member()).isEqualTo(new MemberId(42)));
    }
  }

  /** Member {@code member} holds position 1 of {@code order} in the bot's store. */
  private SqliteSettings holdInStore(String order, long member) {
    SqliteSettings sqlite = SqliteSettings.in(directory.resolve("data"));
    Injector injector =
        Guice.createInjector(
            new SqliteModule(), binder -> binder.bind(SqliteSettings.class).toInstance(sqlite));
    PositionKey position = new PositionKey(new OrderCode(order), 1);
    try (SqliteDatabase database = injector.getInstance(SqliteDatabase.class)) {
      database.start();
      ClaimStore claims = injector.getInstance(ClaimStore.class);
      claims.reserve(position, new MemberId(member), Instant.parse("2026-07-15T08:00:00Z"));
      claims.confirm(position, new MemberId(member), Instant.parse("2026-07-15T08:00:01Z"));
    }
    return sqlite;
  }

  @Test
  void handlesACancelledClaimedTicketAsTheConfiguredBotWould() throws IOException {
    // given: member 42 holds SRQDS-1, which pretix has cancelled since
    holdInStore("SRQDS", 42);

    // when: on_cancel is left at its default (revoke), then set to alert in config.local.toml
    int revoke = lookupInDir("SRQDS", "Carl Cancelled", "--member", "42");
    String revoked = out.toString();
    out.getBuffer().setLength(0);
    Files.writeString(
        directory.resolve("config.local.toml"),
        "[registration]\non_cancel = \"alert\"\n",
        StandardCharsets.UTF_8);
    int alert = lookupInDir("SRQDS", "Carl Cancelled", "--member", "42");

    // then
    assertThat(revoke).isEqualTo(1);
    assertThat(alert).isEqualTo(1);
    assertThat(revoked)
        .contains("Outcome:   ORDER_CANCELED")
        .contains("Log line:  🚫 ticket SR…-1 of <@42> was cancelled; claim released");
    assertThat(out.toString())
        .contains("Log line:  ⚠️ ticket SR…-1 of <@42> was cancelled; roles kept");
  }

  @Test
  void showsTheMessageInTheBotsConfiguredLanguage() throws IOException {
    // given
    Files.writeString(
        directory.resolve("config.local.toml"),
        "[attendee]\ndefault_language = \"de\"\n",
        StandardCharsets.UTF_8);

    // when
    int exit = lookupInDir("MWM3A", "Pål Overgard");

    // then
    assertThat(exit).isZero();
    assertThat(out.toString()).contains("Attendee would read:\n  Du bist mit deinem Ticket");
  }

  @Test
  void saysTicketsAreUnavailableWhenPretixCannotBeReached() {
    // when: the configured pretix (a closed port) is asked directly
    int exit = lookup("DLSSW", "José Müller-Lüdenscheidt", "--config", config.toString(), "--json");

    // then
    assertOutcome(exit, "TICKETS_UNAVAILABLE");
    assertThat(out.toString()).doesNotContain("dummy-pretix");
  }

  @Test
  void invalidConfigurationOrMissingTicketSourceExitsTwo() throws IOException {
    // given
    Path broken = Files.writeString(directory.resolve("broken.toml"), "[pretix]\nevent = 12\n");

    // when
    int invalid = lookup("DLSSW", "x", "--config", broken.toString());
    int noSource = lookup("DLSSW", "x");

    // then
    assertThat(invalid).isEqualTo(2);
    assertThat(noSource).isEqualTo(2);
    assertThat(err.toString())
        .contains("is not valid")
        .contains("needs a pretix to ask")
        .doesNotContain("Exception");
  }

  private void assertOutcome(int exit, String outcome) {
    assertThat(exit).as(out.toString()).isEqualTo(1);
    String last = out.toString().strip().lines().reduce((a, b) -> b).orElse("");
    assertThat(last)
        .contains("\"outcome\":\"" + outcome + "\"")
        .contains("\"message\":\"")
        .contains("\"speaker\":null");
  }
}
