package dev.confbot.fakediscord;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Autocomplete round trips with real JDA: focused option in, choices (callback 8) out. */
class AutocompleteTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<String> SESSIONS =
      List.of("Keynote: Python at 35", "Async in practice", "Packaging keynote follow-up");

  private final FakeDiscord fake =
      FakeDiscord.start(FakeGuild.named("PyConf").textChannel("general").member("alice"));
  private @Nullable JDA jda;

  @AfterEach
  void stop() throws InterruptedException {
    if (jda != null) {
      JdaFixture.shutdown(jda);
    }
    fake.close();
  }

  @Test
  void botSuggestsChoicesForTheFocusedOptionOfASubcommand() throws InterruptedException {
    // given
    CompletableFuture<String> seen = new CompletableFuture<>();
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onCommandAutoCompleteInteraction(
                  CommandAutoCompleteInteractionEvent event) {
                String typed = event.getFocusedOption().getValue();
                seen.complete(
                    event.getFullCommandName()
                        + " "
                        + event.getFocusedOption().getName()
                        + "="
                        + typed
                        + " when="
                        + requireNonNull(event.getOption("when")).getAsString()
                        + " "
                        + event.getUserLocale().getLocale());
                List<Command.Choice> choices = new ArrayList<>();
                for (String title : SESSIONS) {
                  if (title.toLowerCase(java.util.Locale.ROOT).contains(typed)) {
                    choices.add(new Command.Choice(title, "code-" + choices.size()));
                  }
                }
                event.replyChoices(choices).queue();
              }
            });
    requireNonNull(jda.getGuildById(fake.guildId()))
        .updateCommands()
        .addCommands(
            Commands.slash("remind", "Reminders")
                .addSubcommands(
                    new SubcommandData("add", "Remind me of a session")
                        .addOptions(
                            new OptionData(OptionType.STRING, "session", "Session", true, true),
                            new OptionData(OptionType.STRING, "when", "When", false))))
        .complete();
    // when
    InteractionHandle handle =
        fake.autocomplete(
            fake.member("alice"),
            "remind",
            Map.of("add", Map.of("session", "keynote", "when", "10m")),
            "session",
            "de");
    // then
    assertThat(handle.type()).isEqualTo(4);
    assertThat(handle.awaitChoices(WAIT).orElseThrow())
        .containsExactly(
            new FakeChoice("Keynote: Python at 35", "code-0"),
            new FakeChoice("Packaging keynote follow-up", "code-1"));
    assertThat(handle.callbackType()).contains(8);
    assertThat(handle.choices()).isPresent();
    assertThat(seen.join()).isEqualTo("remind add session=keynote when=10m de");
    assertThat(fake.commands().get("remind")).contains("\"autocomplete\":true");
    assertThat(fake.messages("general")).isEmpty();
  }

  @Test
  void integerChoicesAreReadAsDecimalText() throws InterruptedException {
    // given
    jda =
        JdaFixture.connect(
            fake,
            new ListenerAdapter() {
              @Override
              public void onCommandAutoCompleteInteraction(
                  CommandAutoCompleteInteractionEvent event) {
                event
                    .replyChoices(new Command.Choice("5 minutes", 5), new Command.Choice("1 h", 60))
                    .queue();
              }
            });
    requireNonNull(jda.getGuildById(fake.guildId()))
        .upsertCommand(
            Commands.slash("snooze", "Snooze")
                .addOptions(new OptionData(OptionType.INTEGER, "minutes", "Minutes", true, true)))
        .complete();
    // when
    InteractionHandle handle =
        fake.autocomplete(
            fake.member("alice"), "snooze", Map.of("minutes", "5"), "minutes", "en-US");
    // then
    assertThat(handle.awaitChoices(WAIT).orElseThrow())
        .containsExactly(new FakeChoice("5 minutes", "5"), new FakeChoice("1 h", "60"));
  }
}
