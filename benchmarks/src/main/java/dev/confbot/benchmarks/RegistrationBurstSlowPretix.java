package dev.confbot.benchmarks;

import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.Product;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.InMemoryClaimStore;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.TestData;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The registration burst of {@link RegistrationBurst} while pretix is slow or rate-limited: real
 * JDA and the real registration core against fake-discord; a share of the members type codes the
 * index does not hold, and every direct lookup at "pretix" takes 30 s ({@code slow}: a pretix that
 * answers after 30 s; {@code 429}: a pretix that answers 429 with {@code Retry-After: 30}, which
 * the pretix adapter waits out before it fails, modelled as 30 s and then a failure). Measures, for
 * the members whose ticket is indexed, the acknowledgement latency (fake-discord's, dispatch to
 * deferral) and the answer latency (submission to the edited reply).
 *
 * <p>Prints one line per mode: {@code slow-pretix: mode=M submitted=N unknown=U indexed_ok=K
 * p50_ack_ms p99_ack_ms p50_answer_ms p99_answer_ms max_answer_ms unknown_answered=A
 * unknown_p99_answer_ms}. Exit status 1 if an indexed member was not registered or anyone got no
 * answer.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.confbot.benchmarks.RegistrationBurstSlowPretix [members] [unknownPercent] [spreadSeconds]}
 * (defaults 300, 20 and 10).
 */
public final class RegistrationBurstSlowPretix {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration PRETIX_DELAY = Duration.ofSeconds(30);
  private static final Product[] PRODUCTS = {
    TestData.BUSINESS, TestData.ONLINE, TestData.SPEAKER, TestData.STUDENT
  };
  private static final String[] ROLES = {
    "Attendees", "On-site", "Online", "Speakers", "Sponsors", "Volunteers", "Tutorials"
  };

  private RegistrationBurstSlowPretix() {}

  /**
   * Runs both modes.
   *
   * @param args optional member count, percentage of unknown codes and spread in seconds
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    int unknownPercent = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int spreadSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    System.out.printf(
        Locale.ROOT,
        "Registration burst with a slow pretix: %d members, %d%% unknown codes, %d s, %d cores,"
            + " Java %s%n",
        members,
        unknownPercent,
        spreadSeconds,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    boolean ok = run("slow", members, unknownPercent, spreadSeconds);
    ok &= run("429", members, unknownPercent, spreadSeconds);
    if (!ok) {
      System.exit(1);
    }
  }

  /** pretix whose direct lookups take 30 s (then answer, or fail as after a 429). */
  private static final class SlowPretix implements TicketSource {
    private final FakeTicketSource orders;
    private final boolean rateLimited;

    SlowPretix(FakeTicketSource orders, boolean rateLimited) {
      this.orders = orders;
      this.rateLimited = rateLimited;
    }

    @Override
    public Optional<Order> order(OrderCode code) {
      try {
        Thread.sleep(PRETIX_DELAY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GatewayException("pretix", "interrupted", e);
      }
      if (rateLimited) {
        throw new GatewayException("pretix", "order lookup stayed rate-limited (HTTP 429)", null);
      }
      return orders.order(code);
    }

    @Override
    public Snapshot fullSync() {
      return orders.fullSync();
    }

    @Override
    public Snapshot changedSince(String cursor) {
      return orders.changedSince(cursor);
    }
  }

  private static boolean run(String mode, int count, int unknownPercent, int spreadSeconds)
      throws Exception {
    FakeGuild guild = FakeGuild.named("PyConSlowPretix");
    for (int i = 0; i < ROLES.length; i++) {
      guild.role(ROLES[i], 20 - i, 0, 0);
    }
    guild.textChannel("registration").textChannel("registration-log");
    List<Order> orders = new ArrayList<>();
    boolean[] unknown = new boolean[count];
    for (int i = 0; i < count; i++) {
      guild.member("member" + i);
      // every k-th member types a code pretix does not know (spread through the burst)
      unknown[i] = unknownPercent > 0 && (i * unknownPercent) % 100 < unknownPercent;
      if (!unknown[i]) {
        orders.add(TestData.paid(code(i), name(i), PRODUCTS[i % PRODUCTS.length]));
      }
    }
    FakeTicketSource tickets = new FakeTicketSource().putAll(orders);
    try (FakeDiscord fake = FakeDiscord.start(guild)) {
      DiscordBot bot =
          RegistrationBurst.startConfbot(
              fake, tickets, new SlowPretix(tickets, "429".equals(mode)), new InMemoryClaimStore());
      try {
        return measure(mode, fake, unknown, count, spreadSeconds);
      } finally {
        bot.stop();
      }
    }
  }

  private record Timed(boolean unknown, Optional<Duration> ack, long answerNanos, String text) {}

  private static boolean measure(
      String mode, FakeDiscord fake, boolean[] unknown, int count, int spreadSeconds)
      throws Exception {
    List<FakeMember> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(fake.member("member" + i));
    }
    ExecutorService waiters = Executors.newFixedThreadPool(Math.max(1, count));
    List<CompletableFuture<Timed>> results = new ArrayList<>();
    long interval = count == 0 ? 0 : Duration.ofSeconds(spreadSeconds).toNanos() / count;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * interval;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      long submitted = System.nanoTime();
      InteractionHandle handle =
          fake.submitModal(
              members.get(i),
              "confbot:register",
              Map.of("order", code(i), "name", name(i)),
              "en-US");
      boolean miss = unknown[i];
      results.add(
          CompletableFuture.supplyAsync(
              () -> {
                Optional<FakeMessage> answer = handle.awaitAnswer(WAIT);
                long answeredAt = System.nanoTime();
                return new Timed(
                    miss,
                    handle.awaitAck(Duration.ZERO),
                    answer.isPresent() ? answeredAt - submitted : -1,
                    answer.map(FakeMessage::content).orElse(""));
              },
              waiters));
    }
    List<Long> ack = new ArrayList<>();
    List<Long> answer = new ArrayList<>();
    List<Long> unknownAnswer = new ArrayList<>();
    int indexedOk = 0;
    int unanswered = 0;
    int unknownCount = 0;
    for (CompletableFuture<Timed> f : results) {
      Timed t = f.get();
      if (t.answerNanos() < 0) {
        unanswered++;
        continue;
      }
      if (t.unknown()) {
        unknownCount++;
        unknownAnswer.add(t.answerNanos());
        continue;
      }
      t.ack().ifPresent(d -> ack.add(d.toNanos()));
      answer.add(t.answerNanos());
      if (t.text().startsWith("You're registered")) {
        indexedOk++;
      }
    }
    waiters.shutdownNow();
    ack.sort(null);
    answer.sort(null);
    unknownAnswer.sort(null);
    System.out.printf(
        Locale.ROOT,
        "slow-pretix: mode=%s submitted=%d unknown=%d indexed_ok=%d unanswered=%d"
            + " p50_ack_ms=%.1f p99_ack_ms=%.1f p50_answer_ms=%.1f p99_answer_ms=%.1f"
            + " max_answer_ms=%.1f unknown_p99_answer_ms=%.1f%n",
        mode,
        count,
        unknownCount,
        indexedOk,
        unanswered,
        percentileMs(ack, 50),
        percentileMs(ack, 99),
        percentileMs(answer, 50),
        percentileMs(answer, 99),
        percentileMs(answer, 100),
        percentileMs(unknownAnswer, 99));
    return unanswered == 0 && indexedOk == answer.size();
  }

  /** Nearest-rank percentile of sorted nanosecond values, in milliseconds. */
  private static double percentileMs(List<Long> sortedNanos, int percentile) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.size());
    return sortedNanos.get(Math.max(0, rank - 1)) / 1_000_000.0;
  }

  /** A distinct valid order code per member: {@code C} and four letters (never test mode). */
  private static String code(int i) {
    char[] c = new char[5];
    c[0] = 'C';
    int n = i;
    for (int k = 4; k >= 1; k--) {
      c[k] = (char) ('A' + n % 26);
      n /= 26;
    }
    return new String(c);
  }

  private static String name(int i) {
    return "Ada " + code(i).substring(1) + " Lovelace";
  }
}
