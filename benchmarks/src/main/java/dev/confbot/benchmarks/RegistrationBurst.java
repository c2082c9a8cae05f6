package dev.confbot.benchmarks;

import dev.confbot.adapter.discord.DiscordAuditSink;
import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.adapter.discord.DiscordRoleGateway;
import dev.confbot.adapter.discord.DiscordSettings;
import dev.confbot.adapter.discord.GuildSetup;
import dev.confbot.adapter.discord.ServiceRegistrar;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.Product;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.CancellationPolicy;
import dev.confbot.core.registration.InMemoryClaimStore;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.RegistrationSettings;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import dev.confbot.core.testing.FakeTicketSource;
import dev.confbot.core.testing.TestData;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import dev.confbot.fakediscord.openapi.OpenApiConformance;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Load harness for the registration burst of PRODUCT.md §5: real JDA and the real registration core
 * against fake-discord. Run 1 submits 300 registration forms by distinct members spread evenly over
 * 10 seconds; run 2 submits all 300 at once. Acknowledgement latency is measured by fake-discord
 * from dispatching the interaction to receiving the bot's callback (the deferral Discord requires
 * within 3 s). Afterwards every answer, claim and member's roles are checked.
 *
 * <p>Each run ends with exactly one line {@code burst: submitted=N acked=N acked_within_3s=N
 * p50_ack_ms=X p99_ack_ms=Y lost=N double_claims=N} ({@code lost}: submissions without a final
 * answer; {@code double_claims}: tickets held by a member other than their owner, or registered
 * twice), preceded by a line with the role check. Exit status 1 when any submission was lost or
 * doubled or any member has wrong roles.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.confbot.benchmarks.RegistrationBurst [--openapi] [members] [spreadSeconds]} (defaults 300 and
 * 10). With {@code --openapi} every HTTP exchange is also checked against Discord's OpenAPI spec
 * (fake-discord's conformance checks, on a background thread so the fake answers as fast as without
 * them), each run prints {@code openapi: N exchanges validated, M violations} and any violation
 * ends with exit status 1; leave it off for the figures in docs/benchmarks.md.
 */
public final class RegistrationBurst {
  private static final Duration WAIT = Duration.ofSeconds(60);
  static final Product[] PRODUCTS = {
    TestData.BUSINESS, TestData.ONLINE, TestData.SPEAKER, TestData.STUDENT
  };
  static final String[] ROLES = {
    "Attendees", "On-site", "Online", "Speakers", "Sponsors", "Volunteers", "Tutorials"
  };

  /** Whether {@code --openapi} was given. */
  private static boolean openapi;

  private static long openapiViolations;

  private RegistrationBurst() {}

  /** One measured run. */
  private record Outcome(
      int submitted,
      int acked,
      int ackedWithin3s,
      double p50Ms,
      double p99Ms,
      int lost,
      int doubleClaims,
      int rightRoles,
      int wrongRoles) {

    String line() {
      return String.format(
          Locale.ROOT,
          "burst: submitted=%d acked=%d acked_within_3s=%d p50_ack_ms=%.1f p99_ack_ms=%.1f"
              + " lost=%d double_claims=%d",
          submitted,
          acked,
          ackedWithin3s,
          p50Ms,
          p99Ms,
          lost,
          doubleClaims);
    }

    boolean ok() {
      return lost == 0 && doubleClaims == 0 && wrongRoles == 0 && acked == submitted;
    }
  }

  /**
   * Runs both bursts.
   *
   * @param args optional member count and spread in seconds
   */
  public static void main(String[] arguments) throws InterruptedException {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    List<String> args = new ArrayList<>(List.of(arguments));
    openapi = args.remove("--openapi");
    int members = args.size() > 0 ? Integer.parseInt(args.get(0)) : 300;
    int spreadSeconds = args.size() > 1 ? Integer.parseInt(args.get(1)) : 10;
    System.out.printf(
        Locale.ROOT,
        "Registration burst: %d members, %d cores, Java %s%n",
        members,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    Outcome spread = run("spread over " + spreadSeconds + " s", members, spreadSeconds);
    Outcome atOnce = run("all at once", members, 0);
    if (!spread.ok() || !atOnce.ok() || openapiViolations > 0) {
      System.exit(1);
    }
  }

  private static Outcome run(String label, int count, int spreadSeconds)
      throws InterruptedException {
    System.out.println();
    System.out.println("== " + label);
    List<Order> orders = orders(count);
    InMemoryClaimStore claims = new InMemoryClaimStore();
    RoleMapping mapping = TestData.roleMapping();
    FakeDiscord.Builder builder = FakeDiscord.builder(guild(count));
    OpenApiConformance.Observer conformance = OpenApiConformance.observer();
    if (openapi) {
      // only the checks: the violations are printed below, not thrown when the fake closes
      builder.observer(conformance::exchanged);
    }
    try (FakeDiscord fake = builder.start()) {
      DiscordBot bot = startConfbot(fake, orders, claims);
      try {
        return measure(fake, claims, mapping, orders, count, spreadSeconds);
      } finally {
        bot.stop();
        if (openapi) {
          reportOpenApi(conformance);
        }
      }
    }
  }

  /** The burst's guild: the mapping's roles, two channels and members member0 … member(N-1). */
  static FakeGuild guild(int count) {
    FakeGuild guild = FakeGuild.named("PyConBurst");
    for (int i = 0; i < ROLES.length; i++) {
      guild.role(ROLES[i], 20 - i, 0, 0);
    }
    guild.textChannel("registration").textChannel("registration-log");
    for (int i = 0; i < count; i++) {
      guild.member("member" + i);
    }
    return guild;
  }

  /** One paid order per member, cycling through four ticket types. */
  static List<Order> orders(int count) {
    List<Order> orders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      orders.add(TestData.paid(code(i), name(i), PRODUCTS[i % PRODUCTS.length]));
    }
    return orders;
  }

  /**
   * Starts confbot's registration stack (JDA, DiscordBot, RegistrationService with an in-memory
   * ticket index and the claim store) against the fake; stop the returned bot afterwards.
   */
  static DiscordBot startConfbot(FakeDiscord fake, List<Order> orders, InMemoryClaimStore claims) {
    FakeTicketSource tickets = new FakeTicketSource().putAll(orders);
    return startConfbot(fake, tickets, tickets, claims);
  }

  /**
   * Starts confbot's registration stack with the index filled from {@code synced}'s full sync and
   * {@code lookups} asked directly on an index miss (e.g. a slow pretix); stop the bot afterwards.
   */
  static DiscordBot startConfbot(
      FakeDiscord fake, TicketSource synced, TicketSource lookups, InMemoryClaimStore claims) {
    TicketIndex index = new TicketIndex();
    index.replaceAll(synced.fullSync());
    RoleMapping mapping = TestData.roleMapping();
    DiscordBot bot =
        new DiscordBot(
            new DiscordSettings(
                fake.token(), fake.guildId(), fake.baseUrl(), fake.gatewayUrl(), false),
            new GuildSetup(
                "registration",
                Map.of("log channel", "registration-log"),
                mapping.allRoles(),
                false),
            List.of(),
            List.of());
    DiscordRoleGateway roles = new DiscordRoleGateway(bot::guild);
    DiscordAuditSink audit = new DiscordAuditSink(bot::guild, "registration-log");
    Clock clock = Clock.systemUTC();
    RegistrationService service =
        new RegistrationService(
            index,
            lookups,
            claims,
            roles,
            mapping,
            audit,
            clock,
            RegistrationSettings.defaults(),
            RegistrationMessages.ENGLISH);
    TicketLifecycle lifecycle =
        new TicketLifecycle(index, claims, roles, mapping, audit, clock, CancellationPolicy.REVOKE);
    List<String> problems =
        bot.start(new ServiceRegistrar(service, lifecycle, RegistrationMessages.ENGLISH));
    if (!problems.isEmpty()) {
      bot.stop();
      throw new IllegalStateException("guild problems: " + problems);
    }
    return bot;
  }

  /** Prints the OpenAPI line of one run (after its checks finished) and any violations. */
  private static void reportOpenApi(OpenApiConformance.Observer conformance) {
    conformance.awaitChecks();
    List<String> violations = conformance.violations();
    openapiViolations += violations.size();
    System.out.printf(
        Locale.ROOT,
        "openapi: %d exchanges validated, %d violations%n",
        conformance.exchanges(),
        violations.size());
    violations.stream().distinct().limit(20).forEach(v -> System.out.println("  " + v));
  }

  private static Outcome measure(
      FakeDiscord fake,
      InMemoryClaimStore claims,
      RoleMapping mapping,
      List<Order> orders,
      int count,
      int spreadSeconds) {
    List<FakeMember> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(fake.member("member" + i));
    }
    long interval = count == 0 ? 0 : Duration.ofSeconds(spreadSeconds).toNanos() / count;
    List<InteractionHandle> handles = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + i * interval;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      handles.add(
          fake.submitModal(
              members.get(i),
              "confbot:register",
              Map.of("order", code(i), "name", name(i)),
              "en-US"));
    }
    List<Long> latencies = new ArrayList<>();
    int answered = 0;
    int registered = 0;
    for (InteractionHandle handle : handles) {
      handle.awaitAck(WAIT).ifPresent(d -> latencies.add(d.toNanos()));
      Optional<FakeMessage> answer = handle.awaitAnswer(WAIT);
      if (answer.isPresent()) {
        answered++;
        if (answer.get().content().startsWith("You're registered")) {
          registered++;
        }
      }
    }
    latencies.sort(null);
    int within3s =
        (int) latencies.stream().filter(n -> n <= Duration.ofSeconds(3).toNanos()).count();
    Map<PositionKey, MemberId> owners = new HashMap<>();
    for (int i = 0; i < count; i++) {
      owners.put(orders.get(i).positions().get(0).key(), new MemberId(members.get(i).id()));
    }
    int doubles = Math.max(0, registered - owners.size());
    for (ClaimStore.Claim claim : claims.all()) {
      if (!claim.member().equals(owners.get(claim.position()))) {
        doubles++;
      }
    }
    int right = 0;
    for (int i = 0; i < count; i++) {
      Set<String> expected =
          mapping.rolesFor(orders.get(i).positions().get(0)).stream()
              .map(RoleRef::value)
              .collect(Collectors.toSet());
      if (fake.roleNamesOf(members.get(i)).equals(expected)) {
        right++;
      }
    }
    Outcome outcome =
        new Outcome(
            count,
            latencies.size(),
            within3s,
            percentileMs(latencies, 50),
            percentileMs(latencies, 99),
            count - answered,
            doubles,
            right,
            count - right);
    System.out.printf(
        Locale.ROOT,
        "roles: right=%d wrong=%d registered_answers=%d claims=%d%n",
        right,
        count - right,
        registered,
        claims.all().size());
    System.out.println(outcome.line());
    return outcome;
  }

  /** Nearest-rank percentile of sorted nanosecond values, in milliseconds. */
  static double percentileMs(List<Long> sortedNanos, int percentile) {
    if (sortedNanos.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.size());
    return sortedNanos.get(Math.max(0, rank - 1)) / 1_000_000.0;
  }

  /** A distinct valid order code per member: {@code B} and four letters (never test mode). */
  static String code(int i) {
    char[] c = new char[5];
    c[0] = 'B';
    int n = i;
    for (int k = 4; k >= 1; k--) {
      c[k] = (char) ('A' + n % 26);
      n /= 26;
    }
    return new String(c);
  }

  static String name(int i) {
    return "Ada " + code(i).substring(1) + " Lovelace";
  }
}
