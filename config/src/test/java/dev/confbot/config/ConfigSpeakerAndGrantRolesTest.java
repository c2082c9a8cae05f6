package dev.confbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confbot.core.model.RoleRef;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code registration.speaker_roles} and {@code organizers.grantable_roles}. */
class ConfigSpeakerAndGrantRolesTest {
  private static final String SCHEDULE =
      "[schedule]\nsource = \"https://pretalx.example.org/ep/schedule/export/schedule.json\"\n";

  ConfigFiles files;

  @BeforeEach
  void setUp(@TempDir Path directory) {
    files = new ConfigFiles(directory);
  }

  private List<ConfigProblem> problemsOf(String toml) {
    ConfigException thrown =
        catchThrowableOfType(ConfigException.class, () -> files.loadWith(toml, ConfigFiles.TOKENS));
    assertThat(thrown).as("expected the configuration to be rejected").isNotNull();
    return thrown.problems();
  }

  @Test
  void defaultsToNoSpeakerAndNoGrantableRoles() {
    ConfbotConfig config = files.load(ConfigFiles.MINIMAL);
    assertThat(config.registration().speakerRoles()).isEmpty();
    assertThat(config.organizers().grantableRoles()).isEmpty();
  }

  @Test
  void readsSpeakerRolesAndGrantableRoles() {
    // when
    ConfbotConfig config =
        files.load(
            ConfigFiles.MINIMAL
                + "[registration]\nspeaker_roles = [\"Speakers\", \"On-site\"]\n"
                + "[organizers]\nroles = [\"Organizers\"]\n"
                + "grantable_roles = [\"Volunteers\", \"Crew\"]\n"
                + SCHEDULE);
    // then
    assertThat(config.registration().speakerRoles())
        .containsExactly(new RoleRef("Speakers"), new RoleRef("On-site"));
    assertThat(config.organizers().grantableRoles())
        .containsExactly(new RoleRef("Volunteers"), new RoleRef("Crew"));
  }

  @Test
  void rejectsSpeakerRolesWithoutASchedule() {
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL + "[registration]\nspeaker_roles = [\"Speakers\"]\n");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("registration.speaker_roles");
              assertThat(p.message()).contains("no schedule is configured");
            });
  }

  @Test
  void rejectsAnOrganizerRoleADuplicateAndAWrongType() {
    List<ConfigProblem> problems =
        problemsOf(
            ConfigFiles.MINIMAL
                + "[organizers]\nroles = [\"Organizers\"]\n"
                + "grantable_roles = [\"Volunteers\", \"organizers\", \"volunteers\"]\n"
                + "[registration]\nspeaker_roles = 7.5\n"
                + SCHEDULE);
    assertThat(problems)
        .extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder(
            "organizers.grantable_roles[1]",
            "organizers.grantable_roles[2]",
            "registration.speaker_roles");
    assertThat(problems.stream().map(ConfigProblem::message).toList().toString())
        .contains("found the organizer role \"organizers\"")
        .contains("listed twice");
  }

  @Test
  void rejectsMoreGrantableRolesThanDiscordOffersChoices() {
    StringBuilder roles = new StringBuilder();
    for (int i = 0; i < 26; i++) {
      roles.append(i == 0 ? "" : ", ").append("\"Crew ").append(i).append('"');
    }
    List<ConfigProblem> problems =
        problemsOf(ConfigFiles.MINIMAL + "[organizers]\ngrantable_roles = [" + roles + "]\n");
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("at most 25").contains("found 26"));
  }
}
