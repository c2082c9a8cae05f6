package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * Failed registration attempts per Discord account, kept so that the per-account limit on failed
 * attempts survives a restart of the bot. Safe for concurrent use. Throws {@link GatewayException}
 * when the store fails.
 */
public interface AttemptLog {

  /** One failed attempt of one account. */
  record Attempt(MemberId member, Instant at) {}

  /** Keeps one failed attempt. */
  void record(Attempt attempt);

  /** Every kept attempt later than {@code after}, oldest first. */
  List<Attempt> since(Instant after);

  /** Forgets the attempts earlier than {@code cutoff}; returns how many. */
  int forgetBefore(Instant cutoff);
}
