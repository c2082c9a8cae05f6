package dev.confbot.adapter.discord;

import static dev.confbot.adapter.discord.Conference.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.registration.OrganizerGrants;
import dev.confbot.core.registration.SpeakerRoleSync;
import dev.confbot.core.registration.SpeakerRoles;
import dev.confbot.core.schedule.Room;
import dev.confbot.core.schedule.Schedule;
import dev.confbot.core.schedule.Session;
import dev.confbot.core.schedule.Speaker;
import dev.confbot.core.testing.TestData;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /grant} and {@code /revoke} of the configured volunteer and crew roles, and speakers of
 * the schedule getting the speaker role, through real JDA against fake-discord.
 */
class GrantAndSpeakerEndToEndTest {
  private static final List<RoleRef> GRANTABLE =
      List.of(new RoleRef("Volunteers"), new RoleRef("Crew"));
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

  private final ExecutorService workers = Executors.newFixedThreadPool(1);

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  @Test
  void anOrganizerGrantsAndRevokesAConfiguredRoleWithAnAuditLine() {
    try (Conference conference = grantConference()) {
      // given
      FakeMember olga = conference.fake.member("olga");
      FakeMember volunteer = conference.fake.member("member0");
      // when
      String granted = run(conference, olga, "grant", volunteer, "Crew");
      // then
      assertThat(granted).isEqualTo("Gave Crew to <@" + volunteer.id() + ">.");
      eventually(
          "the member holds Crew", () -> conference.fake.roleNamesOf(volunteer).contains("Crew"));
      eventually(
          "the audit line",
          () ->
              conference
                  .logLines()
                  .contains(
                      "🎟️ <@"
                          + olga.id()
                          + "> granted Crew to <@"
                          + volunteer.id()
                          + "> (/grant)"));
      // when: again, then taken away
      assertThat(run(conference, olga, "grant", volunteer, "Crew"))
          .isEqualTo("<@" + volunteer.id() + "> already has Crew; nothing changed.");
      String revoked = run(conference, olga, "revoke", volunteer, "Crew");
      // then
      assertThat(revoked).isEqualTo("Removed Crew from <@" + volunteer.id() + ">.");
      eventually("Crew is gone", () -> !conference.fake.roleNamesOf(volunteer).contains("Crew"));
      eventually(
          "the revoke audit line",
          () -> conference.logLines().stream().anyMatch(l -> l.contains("removed Crew from")));
    }
  }

  @Test
  void refusesARoleThatIsNotConfiguredAndAMemberWhoIsNoOrganizer() {
    try (Conference conference = grantConference()) {
      // given
      FakeMember olga = conference.fake.member("olga");
      FakeMember mallory = conference.fake.member("member0");
      // when: a role outside grantable_roles (an old client may send any value)
      String refused = run(conference, olga, "grant", mallory, "Organizers");
      String notOrganizer = run(conference, mallory, "grant", mallory, "Volunteers");
      // then
      assertThat(refused).contains("“Organizers” cannot be granted").contains("Volunteers, Crew");
      assertThat(notOrganizer).isEqualTo(OrganizerGuard.REFUSAL);
      assertThat(conference.fake.roleNamesOf(mallory)).doesNotContain("Organizers", "Volunteers");
      assertThat(conference.logLines()).noneMatch(l -> l.contains("(/grant)"));
    }
  }

  @Test
  void offersTheGrantableRolesAsChoices() {
    try (Conference conference = grantConference()) {
      String definition = conference.fake.commands().get("grant");
      assertThat(definition).contains("\"Volunteers\"").contains("\"Crew\"");
    }
  }

  @Test
  void aSpeakerRegisteringGetsTheSpeakerRoleAndARegisteredSpeakerGetsItOnAScheduleChange() {
    SpeakerRoles speakers = new SpeakerRoles(List.of(new RoleRef("Speakers")));
    try (Conference conference = new Conference(2)) {
      conference.withMapping(TestData.roleMapping().withSpeakerRoles(speakers)).start();
      SpeakerRoleSync sync =
          new SpeakerRoleSync(
              speakers,
              conference.index,
              conference.claims,
              new DiscordRoleGateway(conference.bot()::guild),
              new DiscordAuditSink(conference.bot()::guild, Conference.LOG),
              Set.of(OrderStatus.PAID));
      FakeMember paula = conference.fake.member("member0");
      FakeMember jose = conference.fake.member("member1");
      // given: José registered before anybody knew he speaks; Paula is in the first schedule
      assertThat(conference.register(jose, "DLSSW", "José Müller-Lüdenscheidt"))
          .doesNotContain("Speakers");
      sync.scheduleChanged(schedule(talk("ABC123", "Paula Larsen")));
      // when
      String answer = conference.register(paula, "TYJEL", "Paula Larsen");
      // then
      eventually(
          "Paula holds the speaker role",
          () -> conference.fake.roleNamesOf(paula).containsAll(Set.of("Attendees", "Speakers")));
      assertThat(answer).isNotBlank();
      assertThat(conference.fake.roleNamesOf(jose)).doesNotContain("Speakers");
      // when: the schedule gains José (spelled without accents in pretalx)
      SpeakerRoleSync.Report report =
          sync.scheduleChanged(
              schedule(
                  talk("ABC123", "Paula Larsen"), talk("DEF456", "Jose Mueller-Ludenscheidt")));
      // then
      assertThat(report.granted()).hasSize(1);
      eventually(
          "José holds the speaker role",
          () -> conference.fake.roleNamesOf(jose).contains("Speakers"));
      eventually(
          "the speaker audit line",
          () ->
              conference.logLines().stream()
                  .anyMatch(
                      l ->
                          l.startsWith("🎤 <@" + jose.id() + ">")
                              && l.contains("matched by name; roles granted: Speakers")));
    }
  }

  private Conference grantConference() {
    Conference conference = new Conference(1, GrantCommands.commands(GRANTABLE), List.of());
    conference.fake.createRole("Crew", 3);
    conference.index.replaceAll(conference.tickets.fullSync());
    conference.listen(
        new GrantCommands(
            new GrantCommands.Settings(
                conference.fake.guildId(), Set.of(new RoleRef("Organizers"))),
            new OrganizerGrants(
                GRANTABLE,
                new DiscordRoleGateway(() -> conference.bot().guild()),
                new DiscordAuditSink(() -> conference.bot().guild(), Conference.LOG)),
            workers));
    assertThat(conference.startBot()).isEmpty();
    return conference;
  }

  private static String run(
      Conference conference, FakeMember by, String command, FakeMember whom, String role) {
    FakeMessage answer =
        conference
            .fake
            .runSlashCommand(by, command, Map.of("member", whom, "role", role), "en-US")
            .awaitAnswer(Conference.WAIT)
            .orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    return Objects.requireNonNull(answer.content());
  }

  private static Schedule schedule(Session... sessions) {
    return new Schedule("1", PRAGUE, List.of(sessions));
  }

  private static Session talk(String code, String speaker) {
    return new Session(
        code,
        "Talk " + code,
        List.of(speaker),
        "",
        ZonedDateTime.of(2026, 7, 14, 10, 0, 0, 0, PRAGUE),
        Duration.ofMinutes(30),
        new Room("1", "Forum Hall"),
        null,
        "Talk",
        null,
        null,
        null,
        false,
        List.of(new Speaker(speaker, "")),
        "confirmed");
  }
}
