package dev.confbot.fakediscord.conformance;

import dev.confbot.fakediscord.FakeChannel;
import dev.confbot.fakediscord.FakeDiscord;
import dev.confbot.fakediscord.FakeEmbed;
import dev.confbot.fakediscord.FakeGuild;
import dev.confbot.fakediscord.FakeMember;
import dev.confbot.fakediscord.FakeMessage;
import dev.confbot.fakediscord.FakeModal;
import dev.confbot.fakediscord.InteractionHandle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives fake-discord with discord.py (an independent client) through login and READY, a slash
 * command, a button → modal → deferred ephemeral reply → follow-up, roles and a nickname, a message
 * with several embeds, a DM and an edit. The Python bot ({@code fake-discord/conformance/bot.py})
 * checks what it received; this side plays the users and checks what the bot did in fake-discord's
 * state. Prints {@code PASS}/{@code FAIL} lines and, last, {@code N passed, N failed}; exit status
 * 1 on any failure.
 *
 * <p>Usage: {@code java -cp … dev.confbot.fakediscord.conformance.DiscordPyConformance BOT.py
 * [PYTHON]} (PYTHON defaults to {@code /usr/bin/python3}).
 */
public final class DiscordPyConformance {
  private static final Duration STEP_WAIT = Duration.ofSeconds(20);
  private static final Duration ACK_WAIT = Duration.ofSeconds(5);

  private final AtomicInteger passed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final BlockingQueue<String> steps = new LinkedBlockingQueue<>();

  private DiscordPyConformance() {}

  /**
   * Runs the conformance check.
   *
   * @param args the bot script and optionally the Python interpreter
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (args.length < 1) {
      System.err.println("usage: DiscordPyConformance BOT.py [PYTHON]");
      System.exit(2);
    }
    String python = args.length > 1 ? args[1] : "/usr/bin/python3";
    DiscordPyConformance run = new DiscordPyConformance();
    run.run(args[0], python);
    System.out.printf(Locale.ROOT, "%d passed, %d failed%n", run.passed.get(), run.failed.get());
    System.exit(run.failed.get() == 0 ? 0 : 1);
  }

  /** The seeded guild: two registration roles, two channels, two members. */
  static FakeGuild guild() {
    return FakeGuild.named("PyConf")
        .role("Attendees", 3, 0, 0x3498DB)
        .role("Speakers", 2, 0, 0xE67E22)
        .textChannel("registration")
        .textChannel("announcements")
        .member("alice")
        .member("bob");
  }

  private void run(String script, String python) throws Exception {
    try (FakeDiscord fake = FakeDiscord.start(guild())) {
      ProcessBuilder builder = new ProcessBuilder(python, script);
      builder.environment().put("FAKE_DISCORD_REST", fake.baseUrl());
      builder.environment().put("FAKE_DISCORD_TOKEN", fake.token());
      builder.environment().put("FAKE_DISCORD_GUILD", String.valueOf(fake.guildId()));
      builder.environment().put("PYTHONUNBUFFERED", "1");
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      Process bot = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(bot::destroyForcibly));
      Thread reader = new Thread(() -> readBot(bot), "discord.py-output");
      reader.setDaemon(true);
      reader.start();
      try {
        scenarios(fake);
      } finally {
        stop(bot, reader);
      }
    }
  }

  private void scenarios(FakeDiscord fake) throws InterruptedException {
    if (!awaitStep("ready")) {
      return;
    }
    check("one IDENTIFY", fake.identifyCount() == 1, "identifies: " + fake.identifyCount());
    check(
        "login fetched the bot user",
        !fake.requests("GET users/@me").isEmpty(),
        "no GET users/@me");
    check(
        "guild commands registered",
        fake.commands().keySet().containsAll(Set.of("hello", "announce")),
        "commands: " + fake.commands().keySet());
    FakeMember alice = fake.member("alice");
    FakeChannel registration = fake.channel("registration");

    // slash command answered with a public reply
    InteractionHandle hello =
        fake.runSlashCommand(alice, registration, "hello", Map.of("name", "Ada"), "en-US");
    check("slash command acknowledged", hello.awaitAck(ACK_WAIT).isPresent(), "no callback");
    check(
        "slash command answered with a reply (type 4)",
        hello.callbackType().equals(Optional.of(4)),
        "callback " + hello.callbackType());
    Optional<FakeMessage> greeting = hello.awaitAnswer(ACK_WAIT);
    check(
        "slash command reply text",
        greeting.map(FakeMessage::content).equals(Optional.of("Hello, Ada! You are alice.")),
        "answer " + greeting);
    awaitStep("hello");

    // button → modal → submit → deferred ephemeral reply → follow-up, roles, nickname, DM
    Optional<FakeMessage> prompt =
        fake.messages(registration).stream()
            .filter(m -> m.buttonCustomIds().contains("conf:register"))
            .findFirst();
    if (!check("registration button posted", prompt.isPresent(), "no message with the button")) {
      return;
    }
    InteractionHandle click =
        fake.clickButton(alice, registration, prompt.get().id(), "conf:register");
    Optional<FakeModal> modal = click.awaitModal(ACK_WAIT);
    if (!check(
        "button click opens a modal", modal.isPresent(), "callback " + click.callbackType())) {
      return;
    }
    List<String> inputs = new ArrayList<>();
    modal.get().inputs().forEach(input -> inputs.add(input.customId()));
    check("modal inputs", inputs.equals(List.of("order", "name")), "inputs " + inputs);
    check("modal title", modal.get().title().equals("Register for PyConf"), modal.get().title());
    Map<String, String> values = new LinkedHashMap<>();
    values.put("order", "XJ7Q2");
    values.put("name", "Ada Lovelace");
    InteractionHandle submit =
        fake.submitModal(alice, registration, modal.get().customId(), values, "en-US");
    check("modal submit acknowledged", submit.awaitAck(ACK_WAIT).isPresent(), "no callback");
    check(
        "modal submit deferred (type 5)",
        submit.callbackType().equals(Optional.of(5)),
        "callback " + submit.callbackType());
    Optional<FakeMessage> registered = submit.awaitAnswer(STEP_WAIT);
    check(
        "follow-up text",
        registered
            .map(FakeMessage::content)
            .equals(Optional.of("You're registered as Ada Lovelace.")),
        "answer " + registered);
    check(
        "follow-up is ephemeral",
        registered.map(FakeMessage::ephemeral).orElse(false),
        "answer " + registered);
    awaitStep("registered");
    check(
        "member has the order's roles",
        fake.roleNamesOf(alice).equals(Set.of("Attendees", "Speakers")),
        "roles " + fake.roleNamesOf(alice));
    check(
        "member nickname set",
        fake.nicknameOf(alice).equals(Optional.of("Ada Lovelace")),
        "nick " + fake.nicknameOf(alice));
    List<FakeMessage> dms = fake.directMessages(alice);
    check(
        "DM sent to the member",
        dms.size() == 1 && dms.get(0).content().equals("Welcome to PyConf, Ada Lovelace!"),
        "DMs " + dms);
    check(
        "ephemeral answers stay out of the channel",
        fake.messages(registration).stream().noneMatch(FakeMessage::ephemeral),
        "channel " + fake.messages(registration));

    // a channel message with several embeds, then edited
    InteractionHandle announce =
        fake.runSlashCommand(fake.member("bob"), registration, "announce", Map.of(), "en-US");
    check("announce acknowledged", announce.awaitAck(ACK_WAIT).isPresent(), "no callback");
    awaitStep("announced");
    List<FakeMessage> posted = fake.messages("announcements");
    check("one announcement", posted.size() == 1, "messages " + posted);
    if (!posted.isEmpty()) {
      FakeMessage message = posted.get(0);
      List<String> titles = new ArrayList<>();
      for (FakeEmbed embed : message.embeds()) {
        titles.add(Objects.requireNonNullElse(embed.title(), ""));
      }
      check(
          "announcement embeds",
          titles.equals(List.of("Keynote", "Lunch", "Sprints")),
          "titles " + titles);
      check(
          "embed field kept",
          message.embeds().size() == 3
              && message
                  .embeds()
                  .get(1)
                  .fields()
                  .equals(List.of(new FakeEmbed.Field("Menu", "Pasta", true))),
          "embeds " + message.embeds());
      check(
          "announcement edited",
          message.edited() && message.content().equals("Today's schedule (updated)"),
          "message " + message);
    }
    Optional<FakeMessage> ack = announce.answer();
    check(
        "original ephemeral response edited",
        ack.map(m -> m.ephemeral() && m.content().equals("Posted the schedule.")).orElse(false),
        "answer " + ack);
  }

  private void stop(Process bot, Thread reader) throws InterruptedException {
    try (OutputStream in = bot.getOutputStream()) {
      in.write("quit\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the bot is gone already; its exit status tells
    }
    boolean exited = bot.waitFor(15, TimeUnit.SECONDS);
    if (!exited) {
      bot.destroyForcibly();
    }
    reader.join(5_000);
    check(
        "bot closed cleanly",
        exited && bot.exitValue() == 0,
        exited ? "exit " + bot.exitValue() : "did not exit");
    check("bot saw the close", steps.contains("closed"), "no STEP closed");
  }

  private void readBot(Process bot) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("PASS ")) {
          passed.incrementAndGet();
          System.out.println(line);
        } else if (line.startsWith("FAIL ")) {
          failed.incrementAndGet();
          System.out.println(line);
        } else if (line.startsWith("STEP ")) {
          steps.add(line.substring(5).trim());
        } else {
          System.out.println("py: " + line);
        }
      }
    } catch (IOException e) {
      System.out.println("py: output ended: " + e.getMessage());
    }
  }

  private boolean awaitStep(String name) throws InterruptedException {
    long deadline = System.nanoTime() + STEP_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String step = steps.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (name.equals(step)) {
        return true;
      }
    }
    check(
        "bot reached " + name,
        false,
        "no STEP " + name + " within " + STEP_WAIT.toSeconds() + " s");
    return false;
  }

  private boolean check(String name, boolean ok, String why) {
    if (ok) {
      passed.incrementAndGet();
      System.out.println("PASS java " + name);
    } else {
      failed.incrementAndGet();
      System.out.println("FAIL java " + name + ": " + why);
    }
    return ok;
  }
}
