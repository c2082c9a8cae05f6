package dev.confbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.GatewayException;
import dev.confbot.core.setup.Colour;
import dev.confbot.core.setup.LiveChannel;
import dev.confbot.core.setup.RoleSpec;
import dev.confbot.core.setup.SetupChange;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How setup plan and setup apply print. */
class SetupOutputTest {
  private static final SetupChange CREATE_SPEAKERS =
      new SetupChange.CreateRole(new RoleSpec("Speakers", new Colour(0x3776AB), true, false));
  private static final SetupChange TOPIC =
      new SetupChange.UpdateTopic(
          new LiveChannel(5, "registration", null, "Old", List.of()), "Register here");
  private static final SetupChange DELETE_OLD =
      new SetupChange.DeleteChannel(new LiveChannel(6, "old", null, "", List.of()));

  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test
  void printsNothingToChangeForAnEmptyPlan() {
    // when
    SetupOutput.printPlan(out, List.of(), List.of());
    // then
    assertThat(text.toString()).isEqualTo("Nothing to change." + System.lineSeparator());
  }

  @Test
  void printsNotesOneLinePerChangeACountAndHowToApply() {
    // when
    SetupOutput.printPlan(out, List.of("a note"), List.of(CREATE_SPEAKERS, TOPIC, DELETE_OLD));
    // then
    assertThat(text.toString().lines())
        .containsExactly(
            "note: a note",
            "+ role Speakers (colour #3776AB, hoisted, not mentionable)",
            "~ channel #registration: topic \"Old\" → \"Register here\"",
            "- channel #old",
            "3 changes, 1 deletion.",
            "Run 'confbot setup apply --prune' to make these changes.");
  }

  @Test
  void appliesInOrderAndStopsAtTheFirstFailure() {
    // given
    List<SetupChange> applied = new ArrayList<>();
    // when
    SetupOutput.Applied result =
        SetupOutput.apply(
            out,
            List.of(),
            List.of(CREATE_SPEAKERS, TOPIC, DELETE_OLD),
            change -> {
              if (change == TOPIC) {
                throw new GatewayException("discord", "Discord refused: missing permissions", null);
              }
              applied.add(change);
            });
    // then
    assertThat(applied).containsExactly(CREATE_SPEAKERS);
    assertThat(result).isEqualTo(new SetupOutput.Applied(1, true, 1));
    assertThat(text.toString())
        .contains("+ role Speakers")
        .contains("! ~ channel #registration: topic")
        .contains("  failed: discord: Discord refused: missing permissions")
        .contains("Stopped: 1 of 3 changes made, 1 failed, 1 not attempted.");
  }

  @Test
  void appliesEverythingAndSaysSo() {
    // when
    SetupOutput.Applied result =
        SetupOutput.apply(out, List.of(), List.of(CREATE_SPEAKERS, TOPIC), change -> {});
    // then
    assertThat(result).isEqualTo(new SetupOutput.Applied(2, false, 0));
    assertThat(text.toString()).endsWith("Applied 2 changes." + System.lineSeparator());
  }
}
