package dev.confbot.adapter.discord;

import static dev.confbot.adapter.discord.Conference.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.jobs.InMemoryJobLedger;
import dev.confbot.core.model.RoleRef;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.FakeRole;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.entities.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Organizer roles configured by name are resolved to ids when the guild is loaded, through real JDA
 * against fake-discord: a role created later with the same name makes nobody an organizer, and a
 * name shared by several roles at start trusts none of them and is reported at start.
 */
class OrganizerRoleEndToEndTest {
  private final ExecutorService workers = Executors.newFixedThreadPool(1);

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  private JobBoardCommands jobBoard(Conference conference) {
    return new JobBoardCommands(
        new JobBoardCommands.Settings(
            conference.fake.guildId(), Set.of(new RoleRef("Organizers")), "programme", null),
        new InMemoryJobLedger(),
        Clock.systemUTC(),
        workers);
  }

  @Test
  void refusesAMemberHoldingASameNamedRoleCreatedAfterStart() {
    try (Conference conference = conferenceWithJobBoard()) {
      // given
      assertThat(conference.startBot()).isEmpty();
      FakeMember mallory = conference.fake.member("member0");
      // when: someone allowed to create roles makes another "Organizers" role and gives it
      FakeRole spoof = conference.fake.createRole("Organizers", 20, mallory);
      eventually("JDA sees the new role on the member", () -> holds(conference, mallory, spoof));
      // then
      assertThat(jobsPost(conference, mallory)).isEqualTo(OrganizerGuard.REFUSAL);
      assertThat(jobsPost(conference, conference.fake.member("olga")))
          .isEqualTo(JobBoardCommands.NOT_CONFIGURED);
    }
  }

  @Test
  void trustsNoneOfTwoRolesWithTheOrganizerNameAndReportsItAtStart() {
    try (Conference conference = conferenceWithJobBoard()) {
      // given: a second "Organizers" role exists before the bot starts
      FakeMember mallory = conference.fake.member("member0");
      FakeRole spoof = conference.fake.createRole("organizers", 20, mallory);
      // when
      List<String> problems = conference.startBot();
      // then
      assertThat(problems)
          .singleElement()
          .asString()
          .contains(
              "Organizer role name \"Organizers\" matches 2 roles",
              String.valueOf(spoof.id()),
              "configure the organizer role by id in organizers.roles");
      assertThat(jobsPost(conference, mallory)).isEqualTo(OrganizerGuard.REFUSAL);
      assertThat(jobsPost(conference, conference.fake.member("olga")))
          .isEqualTo(OrganizerGuard.REFUSAL);
    }
  }

  private Conference conferenceWithJobBoard() {
    Conference conference = new Conference(1, JobBoardCommands.commands(), List.of());
    conference.index.replaceAll(conference.tickets.fullSync());
    return conference.listen(jobBoard(conference));
  }

  private static boolean holds(Conference conference, FakeMember member, FakeRole role) {
    Member cached = conference.bot().guild().getMemberById(member.id());
    return cached != null && cached.getRoles().stream().anyMatch(r -> r.getIdLong() == role.id());
  }

  private static String jobsPost(Conference conference, FakeMember member) {
    FakeMessage answer =
        conference
            .fake
            .runSlashCommand(member, "jobs", Map.of("post", Map.of()), "en-US")
            .awaitAnswer(Conference.WAIT)
            .orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    return Objects.requireNonNull(answer.content());
  }
}
