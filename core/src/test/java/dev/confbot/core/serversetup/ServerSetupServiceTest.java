package dev.confbot.core.serversetup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.setup.Colour;
import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.LiveRole;
import dev.confbot.core.setup.LiveServer;
import dev.confbot.core.setup.ServerBlueprint;
import dev.confbot.core.setup.SetupChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pruning plan keeps because the configuration uses it. */
class ServerSetupServiceTest {
  private static final SetupChange DELETE_OLD =
      new SetupChange.DeleteChannel(new LiveChannel(6, "old", null, "", List.of()));

  @Test
  void pruningKeepsTheChannelsAndRolesTheConfigurationUses() {
    // given
    SetupChange deleteJobBoard =
        new SetupChange.DeleteChannel(new LiveChannel(7, "job-board", null, "", List.of()));
    SetupChange deleteAttendees =
        new SetupChange.DeleteRole(new LiveRole(8, "Attendees", Colour.NONE, false, false, false));
    List<String> notes = new ArrayList<>();
    // when
    List<SetupChange> kept =
        ServerSetupService.keepUsed(
            List.of(DELETE_OLD, deleteJobBoard, deleteAttendees),
            new ConfigurationUses(
                Map.of("job-board", "job_board.channel"),
                Map.of(),
                Map.of("Attendees", "registration.roles.items"),
                Map.of()),
            notes);
    // then
    assertThat(kept).containsExactly(DELETE_OLD);
    assertThat(notes)
        .containsExactly(
            "kept #job-board: used by job_board.channel",
            "kept role Attendees: used by registration.roles.items");
  }

  @Test
  void pruningKeepsTheChannelsAndRolesTheConfigurationGivesById() {
    // given
    SetupChange deleteDesk =
        new SetupChange.DeleteChannel(new LiveChannel(7, "ticket-desk", null, "", List.of()));
    SetupChange deleteStaff =
        new SetupChange.DeleteRole(new LiveRole(8, "Staff", Colour.NONE, false, false, false));
    List<String> notes = new ArrayList<>();
    // when
    List<SetupChange> kept =
        ServerSetupService.keepUsed(
            List.of(DELETE_OLD, deleteDesk, deleteStaff),
            new ConfigurationUses(
                Map.of(),
                Map.of(7L, "registration.channel"),
                Map.of(),
                Map.of(8L, "organizers.roles")),
            notes);
    // then
    assertThat(kept).containsExactly(DELETE_OLD);
    assertThat(notes)
        .containsExactly(
            "kept #ticket-desk: used by registration.channel",
            "kept role Staff: used by organizers.roles");
  }

  @Test
  void plansFromTheServerAsItIsWithTheMappingNotesFirst() {
    // given a server with two channels the empty blueprint does not name, one of them used
    LiveServer live =
        new LiveServer(
            List.of(),
            List.of(),
            List.of(
                new LiveChannel(6, "old", null, "", List.of()),
                new LiveChannel(7, "job-board", null, "", List.of())));
    List<SetupChange> applied = new ArrayList<>();
    ServerSetupService setup =
        new ServerSetupService(
            new dev.confbot.core.port.ServerSetup() {
              @Override
              public LiveServer snapshot() {
                return live;
              }

              @Override
              public void apply(SetupChange change) {
                applied.add(change);
              }
            });
    ServerBlueprint empty = new ServerBlueprint(List.of(), List.of(), List.of());
    ConfigurationUses uses =
        new ConfigurationUses(
            Map.of("job-board", "job_board.channel"), Map.of(), Map.of(), Map.of());
    // when
    ServerSetupService.Plan pruning =
        setup.plan(empty, List.of("added role Attendees"), setup.snapshot(), true, uses);
    ServerSetupService.Plan keeping = setup.plan(empty, List.of(), setup.snapshot(), false, uses);
    pruning.changes().forEach(setup::apply);
    // then
    assertThat(pruning.notes())
        .containsExactly("added role Attendees", "kept #job-board: used by job_board.channel");
    assertThat(pruning.changes()).containsExactly(DELETE_OLD);
    assertThat(applied).containsExactly(DELETE_OLD);
    assertThat(keeping.changes()).isEmpty();
  }
}
