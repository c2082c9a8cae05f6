package dev.confbot.adapter.sqlite;

import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.port.ClaimStore.Reservation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process for {@link SqliteClaimStoreProcessTest}: waits for a go file, reserves positions
 * 1..n of one order for one member and prints how many it won.
 */
final class ClaimRaceProcess {
  private ClaimRaceProcess() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    MemberId member = new MemberId(Long.parseLong(args[1]));
    int positions = Integer.parseInt(args[2]);
    Path go = Path.of(args[3]);
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      database.start();
      SqliteClaimStore store = new SqliteClaimStore(database);
      System.out.println("ready");
      System.out.flush();
      while (!Files.exists(go)) {
        Thread.sleep(5);
      }
      int won = 0;
      for (int p = 1; p <= positions; p++) {
        PositionKey key = new PositionKey(new OrderCode("PROCS"), p);
        if (store.reserve(key, member, Instant.EPOCH) == Reservation.RESERVED) {
          won++;
        }
      }
      System.out.println("won " + won);
    }
  }
}
