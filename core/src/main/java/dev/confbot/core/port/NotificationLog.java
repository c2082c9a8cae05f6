package dev.confbot.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sent-ledger of programme notifications: which session was announced in which channel for
 * which start instant. It survives restarts so that no notification is posted twice. A key moves
 * through {@code absent → SENDING → SENT}; a {@code SENDING} key whose delivery failed for sure is
 * removed again with {@link #clearSending}. Implementations are safe for concurrent use; {@link
 * #markSending} is atomic. All methods throw {@link GatewayException} when the store fails.
 */
public interface NotificationLog {

  /**
   * What was announced.
   *
   * @param sessionCode the session's code (schedule-change notices append a suffix such as {@code
   *     "#cancelled"})
   * @param channel the channel name or id the message went to
   * @param start the session's start instant the message announced (a rescheduled session gets a
   *     new key)
   */
  record Key(String sessionCode, String channel, Instant start) {
    public Key {
      if (sessionCode.isBlank() || channel.isBlank()) {
        throw new IllegalArgumentException("session code and channel must not be blank");
      }
    }
  }

  /** Where a key stands. */
  enum State {
    /** Claimed and handed to the platform; the outcome is not recorded yet. */
    SENDING,
    /** The platform accepted the message. */
    SENT
  }

  /** One ledger line: the key, its state and when that state was recorded. */
  record Entry(Key key, State state, Instant at) {}

  /**
   * Claims the key before its message is sent. Returns false, changing nothing, when the key is
   * already present in any state.
   */
  boolean markSending(Key key, Instant now);

  /** Records that the message for the key was delivered (inserting the key if absent). */
  void markSent(Key key, Instant now);

  /** Forgets a {@code SENDING} claim after a delivery that certainly failed; SENT stays. */
  void clearSending(Key key);

  /** The ledger line of a key, if any. */
  Optional<Entry> entry(Key key);

  /** True when the key is present in any state, i.e. must not be sent (again). */
  default boolean isRecorded(Key key) {
    return entry(key).isPresent();
  }

  /** Every entry in the given state (e.g. SENDING entries left behind by a crash). */
  List<Entry> entries(State state);
}
