package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.MessageData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An interaction the fake dispatched (button click, modal submit, slash command, autocomplete), to
 * await the bot's acknowledgement and answer. Thread-safe.
 */
public final class InteractionHandle {
  /** Callback types (interactions/receiving-and-responding). */
  static final int REPLY = 4;

  static final int DEFER_REPLY = 5;
  static final int DEFER_UPDATE = 6;
  static final int UPDATE = 7;
  static final int AUTOCOMPLETE_RESULT = 8;
  static final int MODAL = 9;

  private final long id;
  private final String token;
  private final int type;
  private final long channelId;
  private final long memberId;
  private final @Nullable Long sourceMessageId;
  private final long dispatchedNanos;
  private final Instant dispatchedAt;
  private final Object lock;
  private final Function<MessageData, FakeMessage> snapshots;

  private final CompletableFuture<Duration> ack = new CompletableFuture<>();
  private final CompletableFuture<Boolean> answered = new CompletableFuture<>();
  private volatile long answeredNanos;
  private final CompletableFuture<FakeModal> modal = new CompletableFuture<>();
  private final CompletableFuture<List<FakeChoice>> choices = new CompletableFuture<>();

  // guarded by lock
  private int callbackType;
  private @Nullable MessageData original;
  private @Nullable MessageData answer;
  private boolean loading;
  private final List<MessageData> followUps = new ArrayList<>();
  private final List<Integer> rejections = new ArrayList<>();

  InteractionHandle(
      long id,
      String token,
      int type,
      long channelId,
      long memberId,
      @Nullable Long sourceMessageId,
      long dispatchedNanos,
      Instant dispatchedAt,
      Object lock,
      Function<MessageData, FakeMessage> snapshots) {
    this.id = id;
    this.token = token;
    this.type = type;
    this.channelId = channelId;
    this.memberId = memberId;
    this.sourceMessageId = sourceMessageId;
    this.dispatchedNanos = dispatchedNanos;
    this.dispatchedAt = dispatchedAt;
    this.lock = lock;
    this.snapshots = snapshots;
  }

  /** The interaction's snowflake id. */
  public long id() {
    return id;
  }

  /** The interaction type: 2 slash command, 3 component, 4 autocomplete, 5 modal submit. */
  public int type() {
    return type;
  }

  /** The id of the member who interacted. */
  public long memberId() {
    return memberId;
  }

  /** The channel the interaction happened in. */
  public long channelId() {
    return channelId;
  }

  /**
   * Waits for the bot's first successful callback.
   *
   * @return the latency from dispatch to callback, empty if none arrived within the timeout
   */
  public Optional<Duration> awaitAck(Duration timeout) {
    return await(ack, timeout);
  }

  /** Whether a callback was accepted. */
  public boolean acknowledged() {
    return ack.isDone();
  }

  /**
   * The accepted callback type (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete
   * choices, 9 modal).
   */
  public Optional<Integer> callbackType() {
    synchronized (lock) {
      return callbackType == 0 ? Optional.empty() : Optional.of(callbackType);
    }
  }

  /**
   * Waits for the bot's answer: the reply (type 4), the deferred message once edited or followed
   * up, the updated message (type 7), or the first follow-up. Returns the answer's latest state.
   *
   * @return the answer, empty if there was none within the timeout
   */
  public Optional<FakeMessage> awaitAnswer(Duration timeout) {
    if (await(answered, timeout).isEmpty()) {
      return Optional.empty();
    }
    return answer();
  }

  /** The answer's current state, if the bot has answered. */
  public Optional<FakeMessage> answer() {
    synchronized (lock) {
      return answer == null ? Optional.empty() : Optional.of(snapshots.apply(answer));
    }
  }

  /**
   * The latency from dispatch to the bot's answer (see {@link #awaitAnswer}), empty while there is
   * none.
   */
  public Optional<Duration> answerLatency() {
    return answered.isDone()
        ? Optional.of(Duration.ofNanos(answeredNanos - dispatchedNanos))
        : Optional.empty();
  }

  /** Waits for the modal the bot opened (callback type 9). */
  public Optional<FakeModal> awaitModal(Duration timeout) {
    return await(modal, timeout);
  }

  /**
   * Waits for the choices the bot suggested for an autocomplete interaction (callback type 8).
   *
   * @return the choices in the bot's order (possibly none), empty if the bot sent no valid answer
   *     within the timeout
   */
  public Optional<List<FakeChoice>> awaitChoices(Duration timeout) {
    return await(choices, timeout);
  }

  /** The autocomplete choices, if the bot has answered with them. */
  public Optional<List<FakeChoice>> choices() {
    return Optional.ofNullable(choices.getNow(null));
  }

  /** Follow-up messages created through the interaction webhook, in order. */
  public List<FakeMessage> followUps() {
    synchronized (lock) {
      List<FakeMessage> result = new ArrayList<>();
      for (MessageData message : followUps) {
        result.add(snapshots.apply(message));
      }
      return result;
    }
  }

  /**
   * Error codes of callbacks the fake refused (10062 too late, 40060 already acknowledged, 50035
   * invalid autocomplete choices).
   */
  public List<Integer> rejectedCallbacks() {
    synchronized (lock) {
      return List.copyOf(rejections);
    }
  }

  private static <T> Optional<T> await(CompletableFuture<T> future, Duration timeout) {
    try {
      return Optional.of(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  // ---- called by State with the lock held ----

  String token() {
    return token;
  }

  long dispatchedNanos() {
    return dispatchedNanos;
  }

  Instant dispatchedAt() {
    return dispatchedAt;
  }

  @Nullable Long sourceMessageId() {
    return sourceMessageId;
  }

  int callbackTypeLocked() {
    return callbackType;
  }

  @Nullable MessageData original() {
    return original;
  }

  boolean loading() {
    return loading;
  }

  List<MessageData> followUpsLocked() {
    return followUps;
  }

  void reject(int code) {
    rejections.add(code);
  }

  void recordAck(
      int callback, @Nullable MessageData originalMessage, boolean deferred, long nowNanos) {
    callbackType = callback;
    original = originalMessage;
    loading = deferred;
    ack.complete(Duration.ofNanos(nowNanos - dispatchedNanos));
  }

  void choicesGiven(List<FakeChoice> given) {
    choices.complete(List.copyOf(given));
  }

  void modalOpened(FakeModal opened) {
    modal.complete(opened);
  }

  void originalEdited() {
    loading = false;
    if (answer == null) {
      answer = original;
    }
    complete();
  }

  void answeredWith(MessageData message) {
    if (answer == null) {
      answer = message;
    }
    complete();
  }

  void followedUp(MessageData message) {
    followUps.add(message);
    answeredWith(message);
  }

  private void complete() {
    if (!answered.isDone()) {
      answeredNanos = System.nanoTime();
      answered.complete(true);
    }
  }
}
