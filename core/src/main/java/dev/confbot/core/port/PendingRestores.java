package dev.confbot.core.port;

import dev.confbot.core.model.MemberId;
import java.time.Instant;
import java.util.List;

/**
 * Members who rejoined the server while their roles could not be given back (Discord refused or
 * failed), kept until a retry succeeds so that a restart of the bot does not forget them. Safe for
 * concurrent use. Throws {@link GatewayException} when the store fails.
 */
public interface PendingRestores {

  /**
   * Keeps the member until {@link #remove}d.
   *
   * @param since when restoring their roles first failed (kept from the first call)
   * @return true when the member was not kept yet (the first failure: organizers are alerted)
   */
  boolean add(MemberId member, Instant since);

  /**
   * Forgets the member (their roles are back, or they have none to restore); harmless if absent.
   */
  void remove(MemberId member);

  /** Every member kept, oldest failure first. */
  List<MemberId> members();
}
