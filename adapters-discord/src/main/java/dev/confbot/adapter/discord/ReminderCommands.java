package dev.confbot.adapter.discord;

import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.remind.ReminderService;
import dev.confbot.core.remind.SessionChoice;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attendee commands {@code /remind session:<title>} (subscribe to a session's reminder; the
 * option autocompletes upcoming session titles) and {@code /reminders [remove:<title>]} (list the
 * member's reminders; with {@code remove}, which autocompletes the member's own reminders, remove
 * one first). Answers are ephemeral and in the member's locale; the command is deferred at once and
 * answered from the worker, and autocomplete is answered from the worker too, so JDA's event thread
 * never blocks. What happens is {@link ReminderService}'s.
 */
public final class ReminderCommands extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(ReminderCommands.class);

  static final String REMIND = "remind";
  static final String REMINDERS = "reminders";
  static final String SESSION = "session";
  static final String REMOVE = "remove";

  private final Supplier<ReminderService> service;
  private final Texts texts;
  private final DeferredWork work;
  private final CommandRouter router;

  /**
   * Reminder commands; register {@link #commands()} with the bot and this object as a listener.
   *
   * @param service the reminder use cases (looked up per interaction)
   * @param texts for the "busy" and "failed" answers
   * @param workers bounded executor the answers and suggestions are computed on
   */
  public ReminderCommands(Supplier<ReminderService> service, Texts texts, ExecutorService workers) {
    this.service = service;
    this.texts = texts;
    this.work = new DeferredWork(workers);
    this.router =
        CommandRouter.anyGuild()
            .member(REMIND, this::remindOrList)
            .member(REMINDERS, this::remindOrList)
            .build();
  }

  /** {@code /remind} and {@code /reminders}, guild only, with autocompleted options. */
  public static List<CommandData> commands() {
    return List.of(
        Commands.slash(REMIND, "Get a direct message before a session starts")
            .addOptions(
                new OptionData(OptionType.STRING, SESSION, "The session's title", true, true))
            .setContexts(InteractionContextType.GUILD),
        Commands.slash(REMINDERS, "Your session reminders")
            .addOptions(
                new OptionData(
                    OptionType.STRING, REMOVE, "Remove the reminder for this session", false, true))
            .setContexts(InteractionContextType.GUILD));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    String name = event.getName();
    if (!REMIND.equals(name) && !REMINDERS.equals(name)) {
      return;
    }
    String typed = event.getFocusedOption().getValue();
    Locale locale = event.getUserLocale().toLocale();
    MemberId member = new MemberId(event.getUser().getIdLong());
    work.execute(
        "/" + name + " suggestions",
        () -> {
          List<SessionChoice> choices;
          try {
            choices =
                REMIND.equals(name)
                    ? service.get().suggest(typed, locale)
                    : service.get().suggestOwn(member, typed, locale);
          } catch (RuntimeException e) {
            log.warn("/{} suggestions failed: {}", name, e.toString());
            choices = List.of();
          }
          event
              .replyChoices(
                  choices.stream().map(c -> new Command.Choice(c.name(), c.value())).toList())
              .queue(ok -> {}, e -> log.debug("suggestions not delivered: {}", e.toString()));
        },
        () -> event.replyChoices(List.of()).queue(ok -> {}, err -> {}));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    router.route(event);
  }

  private void remindOrList(SlashCommandInteractionEvent event) {
    String name = event.getName();
    Optional<String> session =
        Optional.ofNullable(event.getOption(REMIND.equals(name) ? SESSION : REMOVE))
            .map(OptionMapping::getAsString)
            .map(String::strip)
            .filter(s -> !s.isEmpty());
    Locale locale = event.getUserLocale().toLocale();
    MemberId member = new MemberId(event.getUser().getIdLong());
    InteractionHook hook = DeferredWork.deferReply(event);
    work.answer(
        hook,
        name,
        DeferredWork.Answers.member(texts, locale),
        () -> answer(name, member, session, locale));
  }

  private String answer(String name, MemberId member, Optional<String> session, Locale locale) {
    ReminderService reminders = service.get();
    if (REMIND.equals(name)) {
      return reminders.remind(member, session.orElse(""), locale);
    }
    return session.isPresent()
        ? reminders.remove(member, session.get(), locale)
        : reminders.list(member, locale);
  }
}
