package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.programme.ProgrammeService.Reload;
import org.junit.jupiter.api.Test;

/** The organizer's answers to {@code /schedule reload}, one per outcome of the programme. */
class ReloadAnswerTest {

  @Test
  void answersEveryOutcome() {
    assertThat(OrganizerScheduleCommands.reloadAnswer(new Reload.NoSource()))
        .isEqualTo("no schedule source is configured.");
    assertThat(OrganizerScheduleCommands.reloadAnswer(new Reload.Unchanged(3)))
        .isEqualTo("no change; 3 sessions.");
    assertThat(OrganizerScheduleCommands.reloadAnswer(new Reload.Changed(4)))
        .isEqualTo("the schedule changed; 4 sessions planned anew.");
    assertThat(OrganizerScheduleCommands.reloadAnswer(new Reload.HeldBackAccepted(2)))
        .isEqualTo("the held-back schedule was accepted; 2 sessions planned anew.");
  }
}
