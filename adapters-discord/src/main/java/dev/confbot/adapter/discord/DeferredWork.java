package dev.confbot.adapter.discord;

import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.TextKeys;
import dev.confbot.core.i18n.Texts;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the slash commands and buttons do blocking work: acknowledge the interaction at once
 * (an ephemeral deferred reply, or a deferred edit for a button), run the work on the bounded
 * executor, answer "busy" when the executor refuses it (queue full or bot stopping) and "failed"
 * when it throws, always by editing the deferred reply, never with a stack trace. JDA's event
 * thread never blocks.
 */
final class DeferredWork {
  private static final Logger log = LoggerFactory.getLogger(DeferredWork.class);

  /**
   * What the user is told when the work cannot run or fails.
   *
   * @param busy the executor refused the work
   * @param failed the work threw
   */
  record Answers(String busy, String failed) {
    /** Organizers are answered in English, like every organizer command. */
    static Answers organizer() {
      return new Answers(OrganizerCommands.BUSY, OrganizerCommands.FAILED);
    }

    /** Members are answered in their language. */
    static Answers member(Texts texts, Locale locale) {
      TextBundle bundle = texts.forLocale(locale);
      return new Answers(bundle.get(TextKeys.COMMAND_BUSY), bundle.get(TextKeys.COMMAND_FAILED));
    }
  }

  private final ExecutorService workers;

  /**
   * @param workers the bounded executor the work runs on (shared with the bot's other work)
   */
  DeferredWork(ExecutorService workers) {
    this.workers = workers;
  }

  /** Acknowledges a command at once with an ephemeral deferred reply; returns its hook. */
  static InteractionHook deferReply(IReplyCallback event) {
    event.deferReply(true).queue(ok -> {}, e -> log.warn("Deferral failed: {}", e.toString()));
    return event.getHook();
  }

  /** Acknowledges a button at once with a deferred edit of its message; returns its hook. */
  static InteractionHook deferEdit(IMessageEditCallback event) {
    event.deferEdit().queue(ok -> {}, e -> log.warn("Deferral failed: {}", e.toString()));
    return event.getHook();
  }

  /**
   * Computes the answer on the executor and edits the deferred reply with it (cut to one message).
   *
   * @param command how the logs name the command ({@code registration lookup})
   */
  void answer(InteractionHook hook, String command, Answers answers, Supplier<String> answer) {
    submit(
        hook,
        command,
        answers,
        () -> {
          String text;
          try {
            text = answer.get();
          } catch (RuntimeException e) {
            log.error("/{} failed", command, e);
            text = answers.failed();
          }
          hook.editOriginal(Replies.cut(text)).queue(ok -> {}, DeferredWork::notDelivered);
        });
  }

  /**
   * Runs work that edits the deferred reply itself on the executor; when it throws, the reply (and
   * its buttons) is replaced by the "failed" answer.
   */
  void run(InteractionHook hook, String command, Answers answers, Runnable work) {
    submit(
        hook,
        command,
        answers,
        () -> {
          try {
            work.run();
          } catch (RuntimeException e) {
            log.error("/{} failed", command, e);
            hook.editOriginal(answers.failed())
                .setComponents()
                .queue(ok -> {}, DeferredWork::notDelivered);
          }
        });
  }

  /**
   * Runs work that answers by itself (a text command, an autocomplete) on the executor, or {@code
   * busy} on the calling thread when the executor refuses it.
   */
  void execute(String command, Runnable work, Runnable busy) {
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              log.error("{} failed", command, e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("{} not accepted: queue full or bot stopping", command);
      busy.run();
    }
  }

  private void submit(InteractionHook hook, String command, Answers answers, Runnable work) {
    try {
      workers.execute(work);
    } catch (RejectedExecutionException e) {
      log.warn("/{} not accepted: queue full or bot stopping", command);
      hook.editOriginal(answers.busy()).queue(ok -> {}, DeferredWork::notDelivered);
    }
  }

  static void notDelivered(Throwable e) {
    log.warn("Answer not delivered: {}", e.toString());
  }
}
