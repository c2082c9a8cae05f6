package dev.confbot.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.model.RoleRef;
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
import dev.confbot.fakediscord.Permissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.jspecify.annotations.Nullable;

/**
 * A conference for end-to-end tests: fake-discord with the test guild, the real registration core
 * (ticket index, claim store, lifecycle, service over {@link FakeTicketSource}) and a real {@link
 * DiscordBot} with JDA. The stores outlive {@link #restartBot()}, as a database would.
 */
final class Conference implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(15);
  static final String REGISTRATION = "registration";
  static final String LOG = "registration-log";

  final FakeDiscord fake;
  final FakeTicketSource tickets = new FakeTicketSource();
  final TicketIndex index = new TicketIndex();
  final InMemoryClaimStore claims = new InMemoryClaimStore();
  RoleMapping mapping = TestData.roleMapping();
  private final List<CommandData> extraCommands;
  private final List<Object> extraListeners = new ArrayList<>();
  private @Nullable DiscordBot bot;
  private @Nullable TicketLifecycle lifecycle;
  private boolean messageContent;

  Conference(int extraMembers, List<CommandData> extraCommands, List<Object> extraListeners) {
    FakeGuild guild =
        FakeGuild.named("PyConXX")
            .role("Organizers", 50, Permissions.MANAGE_GUILD, 0xE67E22)
            .role("Attendees", 10, 0, 0)
            .role("On-site", 9, 0, 0)
            .role("Online", 8, 0, 0)
            .role("Speakers", 7, 0, 0)
            .role("Sponsors", 6, 0, 0)
            .role("Volunteers", 5, 0, 0)
            .role("Tutorials", 4, 0, 0)
            .textChannel(REGISTRATION)
            .textChannel(LOG)
            .textChannel("programme")
            .textChannel("forum-hall")
            .textChannel("terrace-2a")
            .member("olga", "Organizers");
    for (int i = 0; i < extraMembers; i++) {
      guild.member("member" + i);
    }
    this.fake = FakeDiscord.start(guild);
    this.extraCommands = extraCommands;
    this.extraListeners.addAll(extraListeners);
    tickets.putAll(TestData.fixtureOrders());
  }

  Conference(int extraMembers) {
    this(extraMembers, List.of(), List.of());
  }

  /** Loads the index from the ticket source and connects a new bot. */
  Conference start() {
    index.replaceAll(tickets.fullSync());
    startBot();
    return this;
  }

  /**
   * Adds an event listener for the bots started from now on, e.g. one that needs {@code
   * fake.guildId()}.
   */
  Conference listen(Object listener) {
    extraListeners.add(listener);
    return this;
  }

  /** Uses another ticket → role mapping for the bots started from now on. */
  Conference withMapping(RoleMapping other) {
    mapping = other;
    return this;
  }

  /** Requests the message-content intent (for text commands); call before {@link #start}. */
  Conference withMessageContent() {
    messageContent = true;
    return this;
  }

  DiscordSettings settings() {
    return new DiscordSettings(
        fake.token(), fake.guildId(), fake.baseUrl(), fake.gatewayUrl(), messageContent);
  }

  GuildSetup setup() {
    return new GuildSetup(REGISTRATION, Map.of("log channel", LOG), mapping.allRoles(), true);
  }

  /** Starts a new bot (new JDA) over the same stores; returns its start-up problems. */
  List<String> startBot() {
    DiscordBot started = new DiscordBot(settings(), setup(), extraCommands, extraListeners);
    bot = started;
    DiscordRoleGateway roles = new DiscordRoleGateway(started::guild);
    DiscordAuditSink audit = new DiscordAuditSink(started::guild, LOG);
    RegistrationService service =
        new RegistrationService(
            index,
            tickets,
            claims,
            roles,
            mapping,
            audit,
            Clock.systemUTC(),
            RegistrationSettings.defaults().withNickname(true),
            RegistrationMessages.ENGLISH);
    TicketLifecycle lifecycle =
        new TicketLifecycle(
            index, claims, roles, mapping, audit, Clock.systemUTC(), CancellationPolicy.REVOKE);
    this.lifecycle = lifecycle;
    return started.start(new ServiceRegistrar(service, lifecycle, RegistrationMessages.ENGLISH));
  }

  void restartBot() {
    bot().stop();
    assertThat(startBot()).isEmpty();
  }

  /** The lifecycle of the running bot (reconcile, rejoin). */
  TicketLifecycle lifecycle() {
    TicketLifecycle current = lifecycle;
    if (current == null) {
      throw new IllegalStateException("not started");
    }
    return current;
  }

  DiscordBot bot() {
    DiscordBot current = bot;
    if (current == null) {
      throw new IllegalStateException("not started");
    }
    return current;
  }

  /** Submits the registration form as the member and returns the ephemeral answer's text. */
  String register(FakeMember member, String order, String name) {
    InteractionHandle handle = submit(member, order, name);
    FakeMessage answer =
        handle.awaitAnswer(WAIT).orElseThrow(() -> new AssertionError("no answer"));
    assertThat(answer.ephemeral()).isTrue();
    assertThat(handle.callbackType()).contains(5);
    assertThat(handle.rejectedCallbacks()).isEmpty();
    return answer.content();
  }

  InteractionHandle submit(FakeMember member, String order, String name) {
    return fake.submitModal(
        member, RegistrationListener.MODAL_ID, Map.of("order", order, "name", name), "en-US");
  }

  /** Waits until the condition holds (asynchronous Discord side effects), failing after WAIT. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out waiting for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Texts of the log channel's messages. */
  List<String> logLines() {
    return fake.messages(LOG).stream().map(FakeMessage::content).toList();
  }

  static RoleRef role(String name) {
    return new RoleRef(name);
  }

  @Override
  public void close() {
    DiscordBot current = bot;
    if (current != null) {
      current.stop();
    }
    fake.close();
  }
}
