package dev.confbot.app;

import ch.qos.logback.classic.Level;
import com.google.inject.AbstractModule;
import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigLoader;
import dev.confbot.core.notify.NotificationScheduler;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.remind.ReminderScheduler;
import dev.confbot.core.time.HeldClock;
import dev.confbot.core.time.SimulatedClock;
import dev.confbot.fakediscord.FakeChoice;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeEmbed;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.Permissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code confbot demo}: the whole product with no credentials and no network. A local Discord
 * stand-in (fake-discord) is the server, sample pretix orders are the tickets, the real EuroPython
 * 2023 schedule is the programme, and a simulated clock runs through a conference morning. The
 * transcript shows what attendees and organizers would see.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run confbot end to end against a local Discord stand-in, sample tickets and the bundled",
      "EuroPython 2023 schedule, and print what happens. Needs no credentials and no network."
    })
final class DemoCommand implements Callable<Integer> {
  private static final ZoneId VENUE = ZoneId.of("Europe/Berlin");
  private static final Pattern DISCORD_TIME = Pattern.compile("<t:(\\d+):[A-Za-z]>");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final List<String> PRETIX_FILES =
      List.of("items.json", "orders-page-1.json", "orders-page-2.json", "orders-page-3.json");
  private static final List<String> ROLES =
      List.of(
          "Organizers",
          "Speakers",
          "Sponsors",
          "Volunteers",
          "Tutorials",
          "On-site",
          "Online",
          "Attendees");
  private static final List<String> ROOM_CHANNELS =
      List.of(
          "club-a",
          "club-b",
          "club-c",
          "club-d",
          "club-e",
          "club-h",
          "north-hall",
          "open-space",
          "pycharm-forum-hall",
          "south-hall-2a",
          "south-hall-2b",
          "terrace-2a",
          "terrace-2b");

  @Option(
      names = "--start",
      paramLabel = "ISO",
      description = "Simulated start (default: ${DEFAULT-VALUE})")
  private String start = "2023-07-19T10:39:00+02:00";

  @Option(
      names = "--speed",
      description = "Simulated seconds per real second (default: ${DEFAULT-VALUE})")
  private double speed = 120;

  @Option(
      names = "--duration",
      description =
          "Real seconds of programme to watch after registration (default: ${DEFAULT-VALUE})")
  private int seconds = 28;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Also serve /healthz and /metrics on this port while the demo runs (the container"
              + " image's health check uses it)")
  private @Nullable Integer httpPort;

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  /** One scripted form submission and whether it should give roles. */
  private record Attempt(String member, String code, String name, String locale, boolean gives) {}

  private static final List<Attempt> SCRIPT =
      List.of(
          new Attempt("guido", "HXYCT-1", "guido van rossum", "en-US", true),
          new Attempt("zoe", "#ut8z3", "Zoe Papadopoulou", "en-GB", true),
          new Attempt("francois", "7SRMG", "François-Xavier Lefèvre", "fr", true),
          new Attempt("ingrid", "MWM3A", "Bergström Ingrid", "de", true),
          new Attempt("sam", "3WGRY-1", "Sam Sponsor", "en-US", true),
          new Attempt("mallory", "HXYCT", "Guido van Rossum", "en-US", false),
          new Attempt("nils", "FAM9F", "Nils Notpaid", "de", false),
          new Attempt("carl", "SRQDS", "Carl Cancelled", "en-US", false),
          new Attempt("tina", "V0JT3", "Tina Testmode", "en-US", false),
          new Attempt("typo", "DLSSW", "Jane Doe", "en-US", false),
          new Attempt("ghost", "ABCDE", "Nobody Known", "en-US", false),
          new Attempt("robot", "hello world!", "x", "en-US", false),
          new Attempt("guido", "HXYCT", "Guido van Rossum", "en-US", true));

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    quietLogs();
    Path dir = Files.createTempDirectory("confbot-demo");
    List<String> errors = new ArrayList<>();
    try (FakeDiscord discord = FakeDiscord.start(guild())) {
      ConfbotConfig config = writeFiles(dir, discord.guildId(), discord.token(), httpPort);
      HeldClock held = new HeldClock(Clock.systemUTC());
      Clock clock = new SimulatedClock(OffsetDateTime.parse(start).toInstant(), speed, held);
      TicketSource tickets = PretixDirectoryTicketSource.load(dir.resolve("pretix"));
      out.println("confbot demo — a conference morning in about a minute, no credentials needed");
      out.println("  Discord:  a local stand-in (fake-discord) with real JDA talking to it");
      out.println("  tickets:  " + "60 sample pretix orders (bundled)");
      out.printf(
          "  schedule: EuroPython 2023 (bundled); the clock stands at %s while attendees%n"
              + "            register, then runs %.0f× as fast as real time%n",
          start, speed);
      out.println();
      try (Confbot confbot =
          Confbot.create(
              config,
              new RunOptions(clock, discord.baseUrl(), discord.gatewayUrl()),
              new AbstractModule() {
                @Override
                protected void configure() {
                  bind(TicketSource.class).toInstance(tickets);
                }
              })) {
        confbot.start();
        Optional<HealthServer> health =
            config.runtime().port().isPresent()
                ? Optional.of(HealthServer.start(config.runtime().port().getAsInt(), confbot))
                : Optional.empty();
        for (String problem : confbot.guildProblems()) {
          errors.add("server set-up: " + problem);
        }
        showRegistrationMessage(out, discord);
        int[] counts = register(out, discord, errors);
        showRoles(out, discord);
        showOrganizerCommands(out, discord, errors);
        showReminder(out, discord, errors);
        held.release();
        int sent = watchProgramme(out, discord, confbot, clock);
        NotificationScheduler.Stats stats =
            confbot.injector().getInstance(NotificationScheduler.class).stats();
        if (stats.failed() > 0) {
          errors.add(stats.failed() + " notification deliveries failed");
        }
        long reminders = confbot.injector().getInstance(ReminderScheduler.class).stats().sent();
        health.ifPresent(HealthServer::close);
        confbot.close();
        out.println();
        out.println("Registration message after shutdown: " + registrationText(discord));
        errors.forEach(e -> out.println("error: " + e));
        out.printf(
            "demo: registrations ok=%d refused=%d; notifications sent=%d; reminders sent=%d;"
                + " errors=%d%n",
            counts[0], counts[1], sent, reminders, errors.size());
        out.flush();
      }
    } finally {
      deleteQuietly(dir);
    }
    return errors.isEmpty() ? 0 : 1;
  }

  static FakeGuild guild() {
    FakeGuild guild =
        FakeGuild.named("PyCon XX")
            .owner("organizer-olga")
            .botRole("confbot", 100, Permissions.ALL & ~Permissions.ADMINISTRATOR);
    int position = 50;
    for (String role : ROLES) {
      guild.role(role, position--, 0, 0);
    }
    for (String channel :
        List.of("registration", "registration-log", "registration-help", "programme")) {
      guild.textChannel(channel);
    }
    ROOM_CHANNELS.forEach(guild::textChannel);
    Set<String> members = new TreeSet<>();
    SCRIPT.forEach(a -> members.add(a.member()));
    members.forEach(guild::member);
    guild.member("olga-organizer", "Organizers");
    return guild;
  }

  static ConfbotConfig writeFiles(Path dir, long guildId, String token) throws IOException {
    return writeFiles(dir, guildId, token, null);
  }

  /** The demo's files in {@code dir}, with the health server on {@code httpPort} if not null. */
  static ConfbotConfig writeFiles(Path dir, long guildId, String token, @Nullable Integer httpPort)
      throws IOException {
    Files.createDirectories(dir.resolve("pretix"));
    for (String file : PRETIX_FILES) {
      copy("demo/pretix/" + file, dir.resolve("pretix").resolve(file));
    }
    copy("demo/schedule.json", dir.resolve("schedule.json"));
    String config = resource("demo/config.toml").replace("{{GUILD_ID}}", Long.toString(guildId));
    Path file = Files.writeString(dir.resolve("config.toml"), config, StandardCharsets.UTF_8);
    Map<String, String> environment = new HashMap<>();
    environment.put("DISCORD_BOT_TOKEN", token);
    environment.put("PRETIX_TOKEN", "demo-has-no-pretix");
    if (httpPort != null) {
      environment.put("CONFBOT_HTTP_PORT", Integer.toString(httpPort));
    }
    return new ConfigLoader(environment).load(file).config();
  }

  private static void showRegistrationMessage(PrintWriter out, FakeDiscord discord) {
    out.println("#registration — the bot's message:");
    out.println("  " + registrationText(discord));
    out.println();
  }

  private static String registrationText(FakeDiscord discord) {
    return discord.messages("registration").stream()
        .filter(m -> m.buttonCustomIds().contains("confbot:register"))
        .reduce((a, b) -> b)
        .map(m -> firstLine(m.content()) + (m.edited() ? " [edited in place]" : ""))
        .orElse("(missing)");
  }

  /** Runs the script; returns {ok, refused}. */
  private static int[] register(PrintWriter out, FakeDiscord discord, List<String> errors) {
    out.println("Attendees fill in the registration form:");
    int ok = 0;
    int refused = 0;
    for (Attempt attempt : SCRIPT) {
      FakeMember member = discord.member(attempt.member());
      Set<String> before = discord.roleNamesOf(member);
      Optional<FakeMessage> answer =
          discord
              .submitModal(
                  member,
                  "confbot:register",
                  Map.of("order", attempt.code(), "name", attempt.name()),
                  attempt.locale())
              .awaitAnswer(Duration.ofSeconds(10));
      Set<String> after = discord.roleNamesOf(member);
      out.printf(
          "  @%-9s %-14s %-26s → %s%n",
          attempt.member(),
          "\"" + attempt.code() + "\"",
          "\"" + attempt.name() + "\"",
          answer.map(m -> firstLine(m.content())).orElse("(no answer)"));
      if (answer.isEmpty()) {
        errors.add("@" + attempt.member() + " got no answer");
        continue;
      }
      boolean hasRoles = !after.isEmpty();
      if (attempt.gives() && hasRoles) {
        ok++;
      } else if (!attempt.gives() && after.equals(before)) {
        refused++;
      } else {
        errors.add("@" + attempt.member() + " ended with roles " + after);
      }
    }
    out.println();
    out.println("#registration-log — what organizers see:");
    discord.messages("registration-log").forEach(m -> out.println("  " + firstLine(m.content())));
    out.println();
    return new int[] {ok, refused};
  }

  private static void showRoles(PrintWriter out, FakeDiscord discord) {
    out.println("Roles and nicknames now:");
    Set<String> seen = new TreeSet<>();
    for (Attempt attempt : SCRIPT) {
      if (!seen.add(attempt.member())) {
        continue;
      }
      FakeMember member = discord.member(attempt.member());
      Set<String> roles = new TreeSet<>(discord.roleNamesOf(member));
      out.printf(
          "  @%-9s %-30s %s%n",
          attempt.member(),
          discord.nicknameOf(member).map(n -> "(" + n + ")").orElse(""),
          roles.isEmpty() ? "—" : String.join(", ", roles));
    }
    out.println();
  }

  private static void showOrganizerCommands(
      PrintWriter out, FakeDiscord discord, List<String> errors) {
    out.println("Organizer commands (ephemeral: only the organizer sees the answer):");
    FakeMember olga = discord.member("olga-organizer");
    command(out, discord, olga, "participants", Map.of(), "en-US", errors);
    command(
        out,
        discord,
        olga,
        "registration",
        Map.of("lookup", Map.of("query", "HXYCT")),
        "en-US",
        errors);
    command(out, discord, discord.member("mallory"), "participants", Map.of(), "en-US", errors);
    out.println();
    out.println("Attendees ask what is next (answers in their language):");
    command(
        out,
        discord,
        discord.member("francois"),
        "next",
        Map.of("room", "North Hall"),
        "fr",
        errors);
    out.println();
  }

  /**
   * A French attendee picks a session starting soon from {@code /remind}'s suggestions; its
   * reminder is due at once, so both direct messages (confirmation and reminder) arrive.
   */
  private static void showReminder(PrintWriter out, FakeDiscord discord, List<String> errors) {
    out.println("An attendee asks for a reminder (a direct message 10 minutes before):");
    FakeMember francois = discord.member("francois");
    List<FakeChoice> choices =
        discord
            .autocomplete(francois, "remind", Map.of("session", "linters"), "session", "fr")
            .awaitChoices(Duration.ofSeconds(10))
            .orElse(List.of());
    if (choices.isEmpty()) {
      errors.add("/remind suggested no session for \"linters\"");
      return;
    }
    out.println("  @francois types \"linters\"; /remind suggests: " + choices.get(0).name());
    command(
        out, discord, francois, "remind", Map.of("session", choices.get(0).value()), "fr", errors);
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (discord.directMessages(francois).size() < 2 && System.nanoTime() < until) {
      sleepBriefly();
    }
    List<FakeMessage> dms = discord.directMessages(francois);
    if (dms.size() < 2) {
      errors.add("@francois got " + dms.size() + " of 2 direct messages");
    }
    dms.forEach(m -> out.println("  DM to @francois: " + firstLine(m.content())));
    out.println();
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void command(
      PrintWriter out,
      FakeDiscord discord,
      FakeMember member,
      String name,
      Map<String, ?> options,
      String locale,
      List<String> errors) {
    String shown =
        "/" + name + options.keySet().stream().map(k -> " " + k).reduce("", String::concat);
    Optional<FakeMessage> answer =
        discord.runSlashCommand(member, name, options, locale).awaitAnswer(Duration.ofSeconds(10));
    if (answer.isEmpty()) {
      errors.add(shown + " by @" + member.username() + " got no answer");
      return;
    }
    out.printf("  @%s %s%n", member.username(), shown);
    answer.get().content().strip().lines().limit(8).forEach(line -> out.println("      " + line));
  }

  /** Prints the programme notifications as the bot posts them; returns how many were posted. */
  private int watchProgramme(PrintWriter out, FakeDiscord discord, Confbot confbot, Clock clock)
      throws InterruptedException {
    out.println("Programme notifications as they are posted (simulated venue time):");
    List<String> channels = new ArrayList<>();
    channels.add("programme");
    channels.addAll(ROOM_CHANNELS);
    Map<String, Integer> shown = new HashMap<>();
    int posted = 0;
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < until) {
      Thread.sleep(200);
      List<String[]> fresh = new ArrayList<>();
      for (String channel : channels) {
        List<FakeMessage> messages = discord.messages(channel);
        int from = shown.getOrDefault(channel, 0);
        for (FakeMessage message : messages.subList(from, messages.size())) {
          fresh.add(new String[] {channel, describe(message)});
        }
        shown.put(channel, messages.size());
      }
      fresh.sort(Comparator.comparing((String[] f) -> !"programme".equals(f[0])));
      for (String[] f : fresh) {
        out.printf("  %s  #%-19s %s%n", HH_MM.format(clock.instant().atZone(VENUE)), f[0], f[1]);
        posted++;
      }
      out.flush();
    }
    out.printf("  (simulated time now %s)%n", HH_MM.format(clock.instant().atZone(VENUE)));
    return posted;
  }

  private static String describe(FakeMessage message) {
    List<String> titles = new ArrayList<>();
    for (FakeEmbed embed : message.embeds()) {
      titles.add(embed.title() == null ? "(untitled)" : embed.title());
    }
    String head = firstLine(message.content());
    String sessions =
        titles.size() == 1
            ? titles.get(0)
            : titles.size() + " sessions: " + String.join(" | ", titles);
    return (head.isEmpty() ? "" : head + " — ") + sessions;
  }

  /** The first line, with Discord timestamps ({@code <t:unix:style>}) shown as venue time. */
  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    line =
        DISCORD_TIME
            .matcher(line)
            .replaceAll(
                m -> HH_MM.format(Instant.ofEpochSecond(Long.parseLong(m.group(1))).atZone(VENUE)));
    return line.length() > 110 ? line.substring(0, 109) + "…" : line;
  }

  private static void quietLogs() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.ERROR);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("demo resource missing from the jar: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void copy(String name, Path target) throws IOException {
    Files.writeString(target, resource(name), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
