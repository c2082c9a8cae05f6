package dev.confbot.adapter.discord;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.PersonalData.Category;
import dev.confbot.core.port.PersonalData.Counts;
import dev.confbot.core.privacy.ForgetResult;
import dev.confbot.core.privacy.ForgetService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy commands: {@code /forget-me} for every member (deletes what confbot keeps about them
 * and removes their ticket roles, after a confirmation button; answers in the member's language)
 * and the organizer command {@code /forget member:@someone} (the same for another member, after a
 * confirmation button, checked by {@link OrganizerGuard}; answers in English like the other
 * organizer commands). What happens is {@link ForgetService}'s.
 *
 * <p>Both are acknowledged at once (ephemeral, deferred) and run on the bounded executor; buttons
 * carry the id of the member who asked, and only that member can confirm or cancel.
 */
public final class PrivacyCommands extends OrganizerListener {
  private static final Logger log = LoggerFactory.getLogger(PrivacyCommands.class);

  static final String FORGET = "forget";
  static final String FORGET_ME = "forget-me";
  static final String MEMBER = "member";

  /** {@code confbot:forget:<organizer>:<member>}. */
  static final String FORGET_BUTTON = "confbot:forget:";

  /** {@code confbot:forget-cancel:<organizer>}. */
  static final String FORGET_CANCEL = "confbot:forget-cancel:";

  /** {@code confbot:forget-me:<member>}. */
  static final String FORGET_ME_BUTTON = "confbot:forget-me:";

  /** {@code confbot:forget-me-cancel:<member>}. */
  static final String FORGET_ME_CANCEL = "confbot:forget-me-cancel:";

  /**
   * @param guildId commands from other guilds are ignored
   * @param organizerRoles roles whose holders may use {@code /forget}
   */
  public record Settings(long guildId, Set<RoleRef> organizerRoles) {
    public Settings {
      organizerRoles = Set.copyOf(organizerRoles);
    }
  }

  private final Supplier<ForgetService> service;
  private final Texts texts;
  private final DeferredWork work;
  private final CommandRouter router;

  /**
   * Privacy commands; register {@link #commands()} with the bot and this object as a listener.
   *
   * @param settings guild and organizer roles
   * @param service the forget use case (looked up per interaction)
   * @param texts the member's answers in their language
   * @param workers bounded executor the work runs on
   */
  public PrivacyCommands(
      Settings settings, Supplier<ForgetService> service, Texts texts, ExecutorService workers) {
    super(settings.guildId(), settings.organizerRoles());
    this.service = service;
    this.texts = texts;
    this.work = new DeferredWork(workers);
    this.router =
        routes().organizer(FORGET, this::forgetMember).member(FORGET_ME, this::forgetMe).build();
  }

  /** {@code /forget-me} (everyone) and {@code /forget} (organizers, hidden by default). */
  public static List<CommandData> commands() {
    return List.of(
        Commands.slash(FORGET_ME, "Delete what the bot keeps about you (and your ticket roles)")
            .setContexts(InteractionContextType.GUILD),
        SlashCommands.organizerCommand(
                FORGET, "Delete what the bot keeps about a member and remove their ticket roles")
            .addOption(
                OptionType.USER, MEMBER, "The member (mention, or paste their user id)", true));
  }

  private void forgetMember(SlashCommandInteractionEvent event) {
    Guild guild = Objects.requireNonNull(event.getGuild());
    long asking = event.getUser().getIdLong();
    OptionMapping option = event.getOption(MEMBER);
    if (option == null) {
      event.reply("Name the member to forget.").setEphemeral(true).queue(ok -> {}, e -> {});
      return;
    }
    MemberId member = new MemberId(option.getAsUser().getIdLong());
    InteractionHook hook = DeferredWork.deferReply(event);
    work.run(
        hook,
        FORGET,
        DeferredWork.Answers.organizer(),
        () -> askForget(guild, asking, member, hook));
  }

  private void forgetMe(SlashCommandInteractionEvent event) {
    Guild guild = Objects.requireNonNull(event.getGuild());
    Locale locale = event.getUserLocale().toLocale();
    MemberId member = new MemberId(event.getUser().getIdLong());
    InteractionHook hook = DeferredWork.deferReply(event);
    work.run(
        hook,
        FORGET_ME,
        DeferredWork.Answers.member(texts, locale),
        () -> askForgetMe(guild, member, locale, hook));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    String id = event.getComponentId();
    if (!id.startsWith("confbot:forget") || !isOurGuild(event.getGuild())) {
      return;
    }
    Guild guild = Objects.requireNonNull(event.getGuild());
    Locale locale = event.getUserLocale().toLocale();
    long clicking = event.getUser().getIdLong();
    if (id.startsWith(FORGET_ME_BUTTON) || id.startsWith(FORGET_ME_CANCEL)) {
      boolean confirm = id.startsWith(FORGET_ME_BUTTON);
      String owner = id.substring((confirm ? FORGET_ME_BUTTON : FORGET_ME_CANCEL).length());
      TextBundle bundle = texts.forLocale(locale);
      if (!owner.equals(String.valueOf(clicking))) {
        event
            .reply(bundle.get(TextKeys.FORGET_ME_NOT_YOURS))
            .setEphemeral(true)
            .queue(ok -> {}, this::notDelivered);
        return;
      }
      if (!confirm) {
        event
            .editMessage(bundle.get(TextKeys.FORGET_ME_CANCELLED))
            .setComponents()
            .queue(ok -> {}, this::notDelivered);
        return;
      }
      InteractionHook hook = DeferredWork.deferEdit(event);
      MemberId member = new MemberId(clicking);
      work.run(
          hook,
          FORGET_ME,
          DeferredWork.Answers.member(texts, locale),
          () ->
              hook.editOriginal(Replies.cut(forgetMe(guild, member, bundle)))
                  .setComponents()
                  .queue(ok -> {}, this::notDelivered));
      return;
    }
    boolean confirm = id.startsWith(FORGET_BUTTON);
    boolean cancel = id.startsWith(FORGET_CANCEL);
    if (!confirm && !cancel) {
      return;
    }
    String rest = id.substring((confirm ? FORGET_BUTTON : FORGET_CANCEL).length());
    int colon = rest.indexOf(':');
    String invoker = colon < 0 ? rest : rest.substring(0, colon);
    String target = colon < 0 ? "" : rest.substring(colon + 1);
    boolean organizer = guard().allows(event.getMember());
    if (!organizer || !invoker.equals(String.valueOf(clicking))) {
      event
          .reply(
              organizer
                  ? "Only the organizer who asked to forget this member can confirm or cancel it."
                  : OrganizerGuard.REFUSAL)
          .setEphemeral(true)
          .queue(ok -> {}, this::notDelivered);
      return;
    }
    if (cancel) {
      event
          .editMessage("Cancelled; nothing was deleted.")
          .setComponents()
          .queue(ok -> {}, this::notDelivered);
      return;
    }
    MemberId member;
    try {
      member = new MemberId(Long.parseUnsignedLong(target));
    } catch (NumberFormatException e) {
      event
          .reply("That button is broken; run /forget again.")
          .setEphemeral(true)
          .queue(ok -> {}, this::notDelivered);
      return;
    }
    InteractionHook hook = DeferredWork.deferEdit(event);
    MemberId organizerId = new MemberId(clicking);
    work.run(
        hook,
        FORGET,
        DeferredWork.Answers.organizer(),
        () ->
            hook.editOriginal(Replies.cut(forget(guild, member, organizerId)))
                .setComponents()
                .queue(ok -> {}, this::notDelivered));
  }

  private void askForgetMe(Guild guild, MemberId member, Locale locale, InteractionHook hook) {
    TextBundle bundle = texts.forLocale(locale);
    ForgetService.Preview preview;
    try {
      preview = service.get().preview(member);
    } catch (GatewayException e) {
      log.warn("/forget-me preview failed: {}", e.getMessage());
      hook.editOriginal(bundle.get(TextKeys.FORGET_ME_UNAVAILABLE)).queue(ok -> {}, e2 -> {});
      return;
    }
    if (preview.kept().total() == 0 && preview.roles().isEmpty()) {
      hook.editOriginal(bundle.get(TextKeys.FORGET_ME_NOTHING)).queue(ok -> {}, this::notDelivered);
      return;
    }
    Counts kept = preview.kept();
    String question =
        bundle.format(
            TextKeys.FORGET_ME_QUESTION,
            Map.of(
                "claims", String.valueOf(kept.of(Category.CLAIMS)),
                "reminders", String.valueOf(kept.of(Category.REMINDERS)),
                "attempts", String.valueOf(kept.of(Category.FAILED_ATTEMPTS))));
    if (!preview.roles().isEmpty()) {
      question +=
          " "
              + bundle.format(
                  TextKeys.FORGET_ME_QUESTION_ROLES,
                  Map.of("roles", String.join(", ", names(guild, preview.roles()))));
    }
    hook.editOriginal(Replies.cut(question))
        .setComponents(
            ActionRow.of(
                Button.danger(
                    FORGET_ME_BUTTON + member.value(), bundle.get(TextKeys.FORGET_ME_BUTTON)),
                Button.secondary(
                    FORGET_ME_CANCEL + member.value(),
                    bundle.get(TextKeys.FORGET_ME_CANCEL_BUTTON))))
        .queue(ok -> {}, e -> log.warn("/forget-me question not shown: {}", e.toString()));
  }

  private String forgetMe(Guild guild, MemberId member, TextBundle bundle) {
    ForgetResult result = service.get().forgetSelf(member);
    if (result instanceof ForgetResult.Forgotten) {
      ForgetResult.Forgotten forgotten = (ForgetResult.Forgotten) result;
      log.info("A member was forgotten on their request (/forget-me)");
      String done = bundle.get(TextKeys.FORGET_ME_DONE);
      return forgotten.revoked().isEmpty()
          ? done
          : done
              + " "
              + bundle.format(
                  TextKeys.FORGET_ME_DONE_ROLES,
                  Map.of("roles", String.join(", ", names(guild, forgotten.revoked()))));
    }
    if (result instanceof ForgetResult.RolesKept) {
      log.warn("/forget-me: data deleted, roles not removed");
      return bundle.get(TextKeys.FORGET_ME_ROLES_KEPT);
    }
    if (result instanceof ForgetResult.Unavailable) {
      log.warn("/forget-me failed: {} unavailable", ((ForgetResult.Unavailable) result).system());
      return bundle.get(TextKeys.FORGET_ME_UNAVAILABLE);
    }
    throw new AssertionError(result);
  }

  private void askForget(Guild guild, long organizer, MemberId member, InteractionHook hook) {
    ForgetService.Preview preview = service.get().preview(member);
    if (preview.kept().total() == 0 && preview.roles().isEmpty()) {
      hook.editOriginal(
              "confbot keeps no data about " + member.mention() + "; there is nothing to forget.")
          .queue(ok -> {}, this::notDelivered);
      return;
    }
    StringBuilder question =
        new StringBuilder("Forget ")
            .append(member.mention())
            .append("? This deletes ")
            .append(describe(preview.kept()));
    if (preview.roles().isEmpty()) {
      question.append(". They hold no ticket roles.");
    } else {
      question
          .append(" and removes the roles ")
          .append(String.join(", ", names(guild, preview.roles())))
          .append(": they are unregistered and their tickets can be registered again.");
    }
    question.append(" This cannot be undone.");
    hook.editOriginal(Replies.cut(question.toString()))
        .setComponents(
            ActionRow.of(
                Button.danger(FORGET_BUTTON + organizer + ":" + member.value(), "Forget"),
                Button.secondary(FORGET_CANCEL + organizer, "Cancel")))
        .queue(ok -> {}, e -> log.warn("/forget question not shown: {}", e.toString()));
  }

  private String forget(Guild guild, MemberId member, MemberId organizer) {
    ForgetResult result = service.get().forgetByOrganizer(member, organizer);
    log.info("Organizer {} asked to forget a member: {}", organizer.value(), outcome(result));
    if (result instanceof ForgetResult.Forgotten) {
      ForgetResult.Forgotten forgotten = (ForgetResult.Forgotten) result;
      return "Forgot "
          + member.mention()
          + ": deleted "
          + describe(forgotten.deleted())
          + (forgotten.revoked().isEmpty()
              ? "; no ticket roles to remove."
              : "; removed " + String.join(", ", names(guild, forgotten.revoked())) + ".");
    }
    if (result instanceof ForgetResult.RolesKept) {
      ForgetResult.RolesKept kept = (ForgetResult.RolesKept) result;
      return "Deleted "
          + describe(kept.deleted())
          + " of "
          + member.mention()
          + ", but removing the roles "
          + String.join(", ", names(guild, kept.kept()))
          + " failed ("
          + kept.system()
          + "): please remove them by hand.";
    }
    if (result instanceof ForgetResult.Unavailable) {
      return "Nothing was deleted: "
          + ((ForgetResult.Unavailable) result).system()
          + " is unavailable right now. Try again in a few minutes.";
    }
    throw new AssertionError(result);
  }

  private static String outcome(ForgetResult result) {
    return result.getClass().getSimpleName();
  }

  /** "1 ticket claim, 2 session reminders and 0 failed registration attempts". */
  static String describe(Counts counts) {
    List<String> parts = new ArrayList<>();
    for (Category category : Category.values()) {
      if (category != Category.TICKET_SNAPSHOT) {
        parts.add(category.count(counts.of(category)));
      }
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  private static List<String> names(Guild guild, Set<RoleRef> refs) {
    return GuildRoles.namesInServerOrder(guild, refs);
  }

  private void notDelivered(Throwable e) {
    log.warn("Privacy answer not delivered: {}", e.toString());
  }

  @Override
  CommandRouter router() {
    return router;
  }
}
