package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.RoleRef;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An organizer command added through the extension point: hidden by default member permissions, and
 * refused by the bot itself to members without the organizer role (Discord's command permissions
 * can be overridden by server admins, and the fake does not enforce them at all).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizerCommandTest {
  private static final String ANSWER = "Members on the server: ";

  /** A tiny organizer command for the test: answers the member count. */
  static final class ParticipantsCommand extends ListenerAdapter {
    private final OrganizerGuard guard = new OrganizerGuard(Set.of(new RoleRef("Organizers")));

    @Override
    public void onGuildReady(GuildReadyEvent event) {
      guard.resolve(event.getGuild());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
      if (!"participants".equals(event.getName())) {
        return;
      }
      String answer =
          guard.allows(event.getMember())
              ? ANSWER + java.util.Objects.requireNonNull(event.getGuild()).getMemberCount()
              : OrganizerGuard.REFUSAL;
      event.reply(answer).setEphemeral(true).queue();
    }
  }

  private Conference conference;

  @BeforeAll
  void start() {
    conference =
        new Conference(
            1,
            List.of(SlashCommands.organizerCommand("participants", "Member counts")),
            List.of(new ParticipantsCommand()));
    conference.start();
  }

  @AfterAll
  void stop() {
    conference.close();
  }

  @Test
  void registersTheOrganizerCommandHiddenByDefault() {
    // then
    assertThat(conference.fake.commands()).containsKeys("register", "participants");
    assertThat(conference.fake.commands().get("participants"))
        .contains("\"default_member_permissions\":\"0\"");
    assertThat(conference.fake.commands().get("register"))
        .doesNotContain("\"default_member_permissions\":\"0\"");
  }

  @Test
  void refusesAMemberWithoutTheOrganizerRole() {
    // when
    InteractionHandle handle =
        conference.fake.runSlashCommand(
            conference.fake.member("member0"), "participants", Map.of(), "en-US");
    // then
    FakeMessage answer = handle.awaitAnswer(Conference.WAIT).orElseThrow();
    assertThat(answer.content()).isEqualTo(OrganizerGuard.REFUSAL);
    assertThat(answer.ephemeral()).isTrue();
  }

  @Test
  void answersAnOrganizer() {
    // when
    InteractionHandle handle =
        conference.fake.runSlashCommand(
            conference.fake.member("olga"), "participants", Map.of(), "en-US");
    // then
    FakeMessage answer = handle.awaitAnswer(Conference.WAIT).orElseThrow();
    assertThat(answer.content()).isEqualTo(ANSWER + conference.fake.members().size());
  }
}
