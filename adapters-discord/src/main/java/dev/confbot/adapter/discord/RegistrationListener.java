package dev.confbot.adapter.discord;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration flow in Discord: the Register button and {@code /register} open the form; a
 * submitted form is acknowledged at once (ephemeral, deferred) and handed to confbot's bounded
 * executor, whose worker answers by editing the deferred reply. JDA's event thread never blocks,
 * and a registration that waits for pretix does not hold a worker while it waits. The form and the
 * busy/failed/offline answers are in the member's Discord locale (see {@link Texts#forLocale}).
 */
public final class RegistrationListener extends ListenerAdapter {
  static final String BUTTON_ID = "confbot:register";
  static final String MODAL_ID = "confbot:register";
  static final String ORDER_FIELD = "order";
  static final String NAME_FIELD = "name";

  /** Longest plausible order reference ("#ABCDEFGHIJ-123" with spaces); longer input is cut. */
  static final int ORDER_MAX_LENGTH = 32;

  static final int NAME_MAX_LENGTH = 100;

  private static final Logger log = LoggerFactory.getLogger(RegistrationListener.class);

  private final long guildId;
  private final Registrar registrar;
  private final ExecutorService workers;
  private final Texts texts;
  private final Set<Submission> waiting = ConcurrentHashMap.newKeySet();

  /**
   * @param guildId interactions from other guilds are ignored
   * @param registrar the registration logic
   * @param workers bounded executor for the blocking work
   * @param texts the form and answers per language
   */
  public RegistrationListener(
      long guildId, Registrar registrar, ExecutorService workers, Texts texts) {
    this.guildId = guildId;
    this.registrar = registrar;
    this.workers = workers;
    this.texts = texts;
  }

  /** The registration form in one language. */
  static Modal form(TextBundle bundle) {
    TextInput order =
        TextInput.create(ORDER_FIELD, TextInputStyle.SHORT)
            .setRequiredRange(1, ORDER_MAX_LENGTH)
            .setPlaceholder("XJ7Q2")
            .build();
    TextInput name =
        TextInput.create(NAME_FIELD, TextInputStyle.SHORT)
            .setRequiredRange(1, NAME_MAX_LENGTH)
            .build();
    return Modal.create(MODAL_ID, bundle.get(TextKeys.MODAL_TITLE))
        .addComponents(
            Label.of(
                bundle.get(TextKeys.ORDER_LABEL), bundle.get(TextKeys.ORDER_DESCRIPTION), order),
            Label.of(bundle.get(TextKeys.NAME_LABEL), bundle.get(TextKeys.NAME_DESCRIPTION), name))
        .build();
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    if (BUTTON_ID.equals(event.getComponentId()) && isOurGuild(event.getGuild())) {
      event
          .replyModal(form(texts.forLocale(event.getUserLocale().toLocale())))
          .queue(ok -> {}, e -> log.warn("Form not shown: {}", e.toString()));
    }
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if ("register".equals(event.getName()) && isOurGuild(event.getGuild())) {
      event
          .replyModal(form(texts.forLocale(event.getUserLocale().toLocale())))
          .queue(ok -> {}, e -> log.warn("Form not shown: {}", e.toString()));
    }
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    if (!MODAL_ID.equals(event.getModalId()) || !isOurGuild(event.getGuild())) {
      return;
    }
    long memberId = event.getUser().getIdLong();
    String order = value(event.getValue(ORDER_FIELD));
    String name = value(event.getValue(NAME_FIELD));
    Locale locale = event.getUserLocale().toLocale();
    TextBundle bundle = texts.forLocale(locale);
    InteractionHook hook = DeferredWork.deferReply(event);
    // not DeferredWork.run: the Submission itself must be the queued task, so that the ones still
    // queued when the bot stops can be refused with an answer (Answerable), and "busy" differs from
    // "offline"
    try {
      workers.execute(new Submission(hook, memberId, order, name, locale, bundle));
    } catch (RejectedExecutionException e) {
      boolean stopping = workers.isShutdown();
      log.warn(
          "Registration of member {} not accepted ({}); asked to retry",
          memberId,
          stopping ? "bot stopping" : "queue full");
      hook.editOriginal(bundle.get(stopping ? TextKeys.OFFLINE : TextKeys.BUSY))
          .queue(ok -> {}, err -> {});
    }
  }

  @Override
  public void onGuildMemberJoin(GuildMemberJoinEvent event) {
    if (event.getGuild().getIdLong() != guildId) {
      return;
    }
    long memberId = event.getUser().getIdLong();
    try {
      workers.execute(
          () -> {
            try {
              registrar.memberJoined(memberId);
            } catch (RuntimeException e) {
              log.warn("Roles of returning member {} not restored: {}", memberId, e.toString());
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("Queue full; roles of returning member {} not restored", memberId);
    }
  }

  /**
   * Answers every submission still waiting for pretix ("the bot is restarting, please submit
   * again"); call after the workers were shut down, so the rest of those registrations is refused.
   *
   * @return how many were answered so
   */
  int refuseWaiting() {
    int refused = 0;
    for (Submission submission : waiting) {
      if (submission.refuse()) {
        refused++;
      }
    }
    return refused;
  }

  /** Work on the registration workers that owes a member an answer if the bot stops first. */
  interface Answerable extends Runnable {
    /**
     * Tells the member the bot is restarting and to submit again; the work will not run.
     *
     * @return false when the member had been answered already
     */
    boolean refuse();
  }

  /**
   * A submitted form waiting for (or running on) a worker: answers by editing the deferred reply,
   * once. One still queued, or waiting for pretix, when the bot stops is {@linkplain #refuse
   * refused} with an answer instead of being dropped.
   */
  final class Submission implements Answerable {
    private final InteractionHook hook;
    private final long memberId;
    private final String order;
    private final String name;
    private final Locale locale;
    private final TextBundle bundle;
    private final AtomicBoolean answered = new AtomicBoolean();

    Submission(
        InteractionHook hook,
        long memberId,
        String order,
        String name,
        Locale locale,
        TextBundle bundle) {
      this.hook = hook;
      this.memberId = memberId;
      this.order = order;
      this.name = name;
      this.locale = locale;
      this.bundle = bundle;
    }

    @Override
    public void run() {
      CompletionStage<String> result;
      try {
        result = registrar.register(memberId, order, name, locale, this::continueLater);
      } catch (RuntimeException e) {
        log.error("Registration of member {} failed unexpectedly", memberId, e);
        answer(bundle.get(TextKeys.FAILED));
        return;
      }
      CompletableFuture<String> future = result.toCompletableFuture();
      if (!future.isDone()) {
        waiting.add(this);
      }
      future.whenComplete(
          (text, failure) -> {
            waiting.remove(this);
            answer(text != null ? text : answerTo(Objects.requireNonNull(failure)));
          });
    }

    /** Runs the rest of this registration on a worker, once what it waited for arrived. */
    private void continueLater(Runnable rest) {
      workers.execute(new Continuation(this, rest));
    }

    private String answerTo(Throwable failure) {
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      if (cause instanceof RejectedExecutionException) {
        boolean stopping = workers.isShutdown();
        log.warn(
            "Registration of member {} not finished ({}); asked to retry",
            memberId,
            stopping ? "bot stopping" : "queue full");
        return bundle.get(stopping ? TextKeys.RESTARTING : TextKeys.BUSY);
      }
      log.error("Registration of member {} failed unexpectedly", memberId, failure);
      return bundle.get(TextKeys.FAILED);
    }

    @Override
    public boolean refuse() {
      if (answered.get()) {
        return false;
      }
      log.info("Registration of member {} not handled: the bot is stopping", memberId);
      return answer(bundle.get(TextKeys.RESTARTING));
    }

    private boolean answer(String text) {
      if (!answered.compareAndSet(false, true)) {
        return false;
      }
      hook.editOriginal(text)
          .queue(
              ok -> {},
              e -> log.warn("Answer to member {} not delivered: {}", memberId, e.toString()));
      return true;
    }
  }

  /** The rest of a submission that waited for pretix, queued for a worker. */
  private static final class Continuation implements Answerable {
    private final Submission submission;
    private final Runnable rest;

    Continuation(Submission submission, Runnable rest) {
      this.submission = submission;
      this.rest = rest;
    }

    @Override
    public void run() {
      rest.run();
    }

    @Override
    public boolean refuse() {
      return submission.refuse();
    }
  }

  private boolean isOurGuild(@Nullable Guild guild) {
    return guild != null && guild.getIdLong() == guildId;
  }

  private static String value(@Nullable ModalMapping mapping) {
    return mapping == null ? "" : mapping.getAsString();
  }
}
