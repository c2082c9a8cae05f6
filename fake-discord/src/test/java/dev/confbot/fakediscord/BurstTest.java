package dev.confbot.fakediscord;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.junit.jupiter.api.Test;

/** Many simultaneous modal submissions: every one dispatched, acknowledged and answered once. */
class BurstTest {
  private static final int MEMBERS = 100;

  @Test
  void answersEverySimultaneousSubmission() throws Exception {
    // given
    FakeGuild guild =
        FakeGuild.named("PyConf").role("Participants", 1, 0, 0).textChannel("registration");
    for (int i = 0; i < MEMBERS; i++) {
      guild.member("member" + i);
    }
    ExecutorService workers = Executors.newFixedThreadPool(4);
    try (FakeDiscord fake = FakeDiscord.start(guild)) {
      JDA jda =
          JdaFixture.connect(
              fake,
              new ListenerAdapter() {
                @Override
                public void onModalInteraction(ModalInteractionEvent event) {
                  event.deferReply(true).queue();
                  workers.execute(
                      () -> {
                        Guild g = requireNonNull(event.getGuild());
                        g.addRoleToMember(
                                requireNonNull(event.getMember()),
                                g.getRolesByName("Participants", false).get(0))
                            .flatMap(v -> event.getHook().editOriginal("Welcome"))
                            .queue();
                      });
                }
              });
      try {
        // when
        List<InteractionHandle> handles = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
          handles.add(
              fake.submitModal(
                  fake.member("member" + i), "register", Map.of("order", "AB3C7"), "en-US"));
        }
        // then
        for (InteractionHandle handle : handles) {
          assertThat(handle.awaitAnswer(Duration.ofSeconds(20)))
              .map(FakeMessage::content)
              .contains("Welcome");
          assertThat(handle.rejectedCallbacks()).isEmpty();
        }
        for (int i = 0; i < MEMBERS; i++) {
          assertThat(fake.roleNamesOf(fake.member("member" + i))).containsExactly("Participants");
        }
        assertThat(fake.requests("POST interactions/*/*/callback")).hasSize(MEMBERS);
      } finally {
        JdaFixture.shutdown(jda);
      }
    } finally {
      workers.shutdownNow();
    }
  }
}
