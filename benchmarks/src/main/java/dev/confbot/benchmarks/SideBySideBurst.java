package dev.confbot.benchmarks;

import dev.confbot.adapter.discord.DiscordBot;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.registration.InMemoryClaimStore;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.testing.TestData;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.InteractionHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The registration bursts of {@link RegistrationBurst} (300 spread over 10 s, 300 at once, 2,000 at
 * once) against confbot and against a minimal discord.py bot shaped like EuroPython's ({@code
 * benchmarks/peers/registration_bot.py}: defer, look up an in-memory dict, add roles, set the
 * nickname, follow up), in one run, each burst on a fresh fake-discord with the same seeded guild
 * and orders. fake-discord measures the acknowledgement (dispatch → deferral callback) and the
 * answer (dispatch → follow-up or edited deferral).
 *
 * <p>Prints one line per bot and burst: {@code side-by-side: bot=… burst=… submitted=N acked=N
 * p50_ack_ms=… p99_ack_ms=… p50_answer_ms=… p99_answer_ms=… lost=N doubled=N roles_right=N}, then
 * the ratios discord.py / confbot. {@code lost}: submissions without an answer within 60 s of the
 * last one; {@code doubled}: interactions answered or acknowledged twice, plus (confbot) claims
 * held by someone other than the ticket's member. Exit status 1 when anything was lost or doubled
 * or has wrong roles.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.confbot.benchmarks.SideBySideBurst
 * [BOT.py] [PYTHON]} from the repository root (defaults {@code
 * benchmarks/peers/registration_bot.py}, {@code /usr/bin/python3}); needs python3-discord.
 */
public final class SideBySideBurst {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private SideBySideBurst() {}

  /** A burst: how many members submit, spread over how many seconds. */
  private record Burst(String label, int count, int spreadSeconds) {}

  /** One measured run. */
  private record Row(
      String bot,
      Burst burst,
      int acked,
      double p50Ack,
      double p99Ack,
      double p50Answer,
      double p99Answer,
      int lost,
      int doubled,
      int rightRoles) {

    String line() {
      return String.format(
          Locale.ROOT,
          "side-by-side: bot=%s burst=\"%s\" submitted=%d acked=%d p50_ack_ms=%.1f"
              + " p99_ack_ms=%.1f p50_answer_ms=%.1f p99_answer_ms=%.1f lost=%d doubled=%d"
              + " roles_right=%d",
          bot,
          burst.label(),
          burst.count(),
          acked,
          p50Ack,
          p99Ack,
          p50Answer,
          p99Answer,
          lost,
          doubled,
          rightRoles);
    }

    boolean ok() {
      return lost == 0 && doubled == 0 && acked == burst.count() && rightRoles == burst.count();
    }
  }

  /** A bot under test, started against a fake and stopped after the burst. */
  private interface Contender {
    String name();

    AutoCloseable start(FakeDiscord fake, List<Order> orders, InMemoryClaimStore claims)
        throws Exception;
  }

  /**
   * Runs the three bursts against both bots.
   *
   * @param args optional bot script and Python interpreter
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Path script = Path.of(args.length > 0 ? args[0] : "benchmarks/peers/registration_bot.py");
    String python = args.length > 1 ? args[1] : "/usr/bin/python3";
    if (!Files.isRegularFile(script)) {
      System.err.println("no discord.py bot at " + script.toAbsolutePath());
      System.exit(2);
    }
    System.out.printf(
        Locale.ROOT,
        "Side-by-side registration burst: %d cores, Java %s, load average %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadAverage());
    List<Burst> bursts =
        List.of(
            new Burst("300 over 10 s", 300, 10),
            new Burst("300 at once", 300, 0),
            new Burst("2000 at once", 2000, 0));
    Contender confbot =
        new Contender() {
          @Override
          public String name() {
            return "confbot";
          }

          @Override
          public AutoCloseable start(
              FakeDiscord fake, List<Order> orders, InMemoryClaimStore claims) {
            DiscordBot bot = RegistrationBurst.startConfbot(fake, orders, claims);
            return bot::stop;
          }
        };
    Contender discordPy =
        new Contender() {
          @Override
          public String name() {
            return "discord.py";
          }

          @Override
          public AutoCloseable start(
              FakeDiscord fake, List<Order> orders, InMemoryClaimStore claims) throws Exception {
            return startDiscordPy(fake, orders, script, python);
          }
        };
    // warm both up once (JIT of fake-discord, JDA and confbot in this JVM), not reported
    for (Contender contender : List.of(confbot, discordPy)) {
      run(contender, new Burst("warm-up", 100, 2));
    }
    List<Row> rows = new ArrayList<>();
    for (Burst burst : bursts) {
      for (Contender contender : List.of(confbot, discordPy)) {
        Row row = run(contender, burst);
        System.out.println(row.line());
        rows.add(row);
      }
    }
    System.out.println();
    System.out.println("ratios discord.py / confbot (above 1: confbot is faster):");
    for (int i = 0; i + 1 < rows.size(); i += 2) {
      Row ours = rows.get(i);
      Row theirs = rows.get(i + 1);
      System.out.printf(
          Locale.ROOT,
          "ratio: burst=\"%s\" p50_ack=%.2f p99_ack=%.2f p50_answer=%.2f p99_answer=%.2f%n",
          ours.burst().label(),
          ratio(theirs.p50Ack(), ours.p50Ack()),
          ratio(theirs.p99Ack(), ours.p99Ack()),
          ratio(theirs.p50Answer(), ours.p50Answer()),
          ratio(theirs.p99Answer(), ours.p99Answer()));
    }
    System.out.println("load average after: " + loadAverage());
    System.exit(rows.stream().allMatch(Row::ok) ? 0 : 1);
  }

  private static double ratio(double theirs, double ours) {
    return ours == 0 ? Double.NaN : theirs / ours;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Row run(Contender contender, Burst burst) throws Exception {
    List<Order> orders = RegistrationBurst.orders(burst.count());
    InMemoryClaimStore claims = new InMemoryClaimStore();
    try (FakeDiscord fake = FakeDiscord.start(RegistrationBurst.guild(burst.count()));
        AutoCloseable bot = contender.start(fake, orders, claims)) {
      return measure(contender.name(), burst, fake, orders, claims);
    }
  }

  private static Row measure(
      String botName,
      Burst burst,
      FakeDiscord fake,
      List<Order> orders,
      InMemoryClaimStore claims) {
    int count = burst.count();
    List<FakeMember> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(fake.member("member" + i));
    }
    long interval = Duration.ofSeconds(burst.spreadSeconds()).toNanos() / count;
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
              Map.of("order", RegistrationBurst.code(i), "name", RegistrationBurst.name(i)),
              "en-US"));
    }
    List<Long> acks = new ArrayList<>();
    List<Long> answers = new ArrayList<>();
    int lost = 0;
    int doubled = 0;
    // one deadline for all: a refused deferral (10062) is never answered, so must not cost 60 s
    // each
    long deadline = System.nanoTime() + WAIT.toNanos();
    for (InteractionHandle handle : handles) {
      handle.awaitAck(remaining(deadline)).ifPresent(d -> acks.add(d.toNanos()));
      Optional<FakeMessage> answer = handle.awaitAnswer(remaining(deadline));
      if (answer.isPresent() && answer.get().content().startsWith("You're registered")) {
        handle.answerLatency().ifPresent(d -> answers.add(d.toNanos()));
      } else {
        lost++;
      }
      if (handle.followUps().size() > 1 || handle.rejectedCallbacks().contains(40060)) {
        doubled++;
      }
    }
    acks.sort(null);
    answers.sort(null);
    RoleMapping mapping = TestData.roleMapping();
    Map<PositionKey, MemberId> owners = new HashMap<>();
    for (int i = 0; i < count; i++) {
      owners.put(orders.get(i).positions().get(0).key(), new MemberId(members.get(i).id()));
    }
    for (ClaimStore.Claim claim : claims.all()) {
      if (!claim.member().equals(owners.get(claim.position()))) {
        doubled++;
      }
    }
    int right = 0;
    for (int i = 0; i < count; i++) {
      if (fake.roleNamesOf(members.get(i)).equals(expectedRoles(mapping, orders.get(i)))) {
        right++;
      }
    }
    return new Row(
        botName,
        burst,
        acks.size(),
        RegistrationBurst.percentileMs(acks, 50),
        RegistrationBurst.percentileMs(acks, 99),
        RegistrationBurst.percentileMs(answers, 50),
        RegistrationBurst.percentileMs(answers, 99),
        lost,
        doubled,
        right);
  }

  private static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime()));
  }

  private static Set<String> expectedRoles(RoleMapping mapping, Order order) {
    return mapping.rolesFor(order.positions().get(0)).stream()
        .map(RoleRef::value)
        .collect(Collectors.toSet());
  }

  /**
   * Starts the discord.py bot as a subprocess with the orders as its in-memory dict and waits for
   * its READY line; closing stops it (end of its standard input, then a kill).
   */
  private static AutoCloseable startDiscordPy(
      FakeDiscord fake, List<Order> orders, Path script, String python) throws Exception {
    RoleMapping mapping = TestData.roleMapping();
    Path ordersFile = Files.createTempFile("side-by-side-orders", ".json");
    try (Writer out = Files.newBufferedWriter(ordersFile, StandardCharsets.UTF_8)) {
      out.write("{");
      for (int i = 0; i < orders.size(); i++) {
        Order order = orders.get(i);
        String roles =
            new TreeSet<>(expectedRoles(mapping, order))
                .stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        out.write(
            (i == 0 ? "" : ",")
                + "\""
                + order.code().value()
                + "\":{\"name\":\""
                + RegistrationBurst.name(i)
                + "\",\"roles\":["
                + roles
                + "]}");
      }
      out.write("}");
    }
    ProcessBuilder builder = new ProcessBuilder(python, script.toString());
    builder.environment().put("FAKE_DISCORD_REST", fake.baseUrl());
    builder.environment().put("FAKE_DISCORD_TOKEN", fake.token());
    builder.environment().put("FAKE_DISCORD_GUILD", String.valueOf(fake.guildId()));
    builder.environment().put("ORDERS_FILE", ordersFile.toString());
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    Thread killer = new Thread(process::destroyForcibly);
    Runtime.getRuntime().addShutdownHook(killer);
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.equals("READY")) {
                    ready.complete(true);
                  } else {
                    System.out.println("discord.py: " + line);
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              } finally {
                ready.complete(false);
              }
            },
            "discord.py-output");
    reader.setDaemon(true);
    reader.start();
    AutoCloseable stop =
        () -> {
          process.getOutputStream().close();
          if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
          }
          Runtime.getRuntime().removeShutdownHook(killer);
          Files.deleteIfExists(ordersFile);
        };
    try {
      if (!ready.get(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the discord.py bot exited before READY");
      }
    } catch (TimeoutException | ExecutionException | IllegalStateException e) {
      stop.close();
      throw new IllegalStateException("the discord.py bot did not become ready", e);
    }
    return stop;
  }
}
