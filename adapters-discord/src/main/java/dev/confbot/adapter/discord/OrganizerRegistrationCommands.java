package dev.confbot.adapter.discord;

import java.util.Objects;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /registration lookup|release|resync} and the Release / Cancel buttons of a release
 * question; what they do is {@link RegistrationAdminActions}'.
 */
final class OrganizerRegistrationCommands {
  private final RegistrationAdminActions actions;
  private final OrganizerGuard guard;
  private final DeferredWork work;

  OrganizerRegistrationCommands(
      RegistrationAdminActions actions, OrganizerGuard guard, DeferredWork work) {
    this.actions = actions;
    this.guard = guard;
    this.work = work;
  }

  static CommandData command() {
    String query = "Order code (XJ7Q2 or XJ7Q2-1) or member (mention or id)";
    return SlashCommands.organizerCommand("registration", "Registration actions")
        .addSubcommands(
            new SubcommandData("lookup", "Who holds an order's tickets, or a member's tickets")
                .addOption(OptionType.STRING, "query", query, true),
            new SubcommandData("release", "Free a claimed ticket (asks for confirmation)")
                .addOption(OptionType.STRING, "query", query, true),
            new SubcommandData("resync", "Load every order from pretix now"));
  }

  void addRoutes(CommandRouter.Builder router) {
    router
        .organizer(
            "registration lookup",
            event -> {
              Guild guild = Objects.requireNonNull(event.getGuild());
              String query = query(event);
              work.answer(
                  DeferredWork.deferReply(event),
                  "registration lookup",
                  DeferredWork.Answers.organizer(),
                  () -> actions.lookup(guild, query));
            })
        .organizer(
            "registration release",
            event -> {
              Guild guild = Objects.requireNonNull(event.getGuild());
              String query = query(event);
              long organizer = event.getUser().getIdLong();
              InteractionHook hook = DeferredWork.deferReply(event);
              work.run(
                  hook,
                  "registration release",
                  DeferredWork.Answers.organizer(),
                  () -> actions.askRelease(guild, organizer, query, hook));
            })
        .organizer(
            "registration resync",
            event ->
                work.answer(
                    DeferredWork.deferReply(event),
                    "registration resync",
                    DeferredWork.Answers.organizer(),
                    actions::resync));
  }

  /** Answers a Release or Cancel button; false when the button is not a release button. */
  boolean button(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    boolean release = id.startsWith(OrganizerCommands.RELEASE_BUTTON);
    boolean cancel = id.startsWith(OrganizerCommands.CANCEL_BUTTON);
    if (!(release || cancel)) {
      return false;
    }
    String rest =
        id.substring(
            (release ? OrganizerCommands.RELEASE_BUTTON : OrganizerCommands.CANCEL_BUTTON)
                .length());
    int colon = rest.indexOf(':');
    String invoker = colon < 0 ? rest : rest.substring(0, colon);
    String target = colon < 0 ? "" : rest.substring(colon + 1);
    boolean organizer = guard.allows(event.getMember());
    if (!organizer || !invoker.equals(event.getUser().getId())) {
      event
          .reply(
              organizer
                  ? "Only the organizer who asked for this release can confirm or cancel it."
                  : OrganizerGuard.REFUSAL)
          .setEphemeral(true)
          .queue(ok -> {}, DeferredWork::notDelivered);
      return true;
    }
    if (cancel) {
      event
          .editMessage("Release cancelled; nothing changed.")
          .setComponents()
          .queue(ok -> {}, DeferredWork::notDelivered);
      return true;
    }
    Guild guild = Objects.requireNonNull(event.getGuild());
    long organizerId = event.getUser().getIdLong();
    InteractionHook hook = DeferredWork.deferEdit(event);
    work.run(
        hook,
        "registration release",
        DeferredWork.Answers.organizer(),
        () ->
            hook.editOriginal(Replies.cut(actions.release(guild, organizerId, target)))
                .setComponents()
                .queue(ok -> {}, DeferredWork::notDelivered));
    return true;
  }

  private static String query(SlashCommandInteractionEvent event) {
    OptionMapping option = event.getOption("query");
    return option == null ? "" : option.getAsString();
  }
}
