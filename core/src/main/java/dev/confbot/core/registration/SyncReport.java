package dev.confbot.core.registration;

import dev.confbot.core.model.PositionKey;
import java.util.List;

/**
 * What applying a ticket snapshot did.
 *
 * @param orders orders in the snapshot
 * @param indexed orders held by the index afterwards
 * @param canceledClaims claimed positions found cancelled, refunded or removed
 * @param revoked those of them whose roles were removed (empty under {@link
 *     CancellationPolicy#ALERT_ONLY})
 */
public record SyncReport(
    int orders, int indexed, List<PositionKey> canceledClaims, List<PositionKey> revoked) {
  public SyncReport {
    canceledClaims = List.copyOf(canceledClaims);
    revoked = List.copyOf(revoked);
  }
}
