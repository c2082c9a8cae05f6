package dev.confbot.fakediscord;

import dev.confbot.fakediscord.Entities.ChannelData;
import dev.confbot.fakediscord.Entities.CommandData;
import dev.confbot.fakediscord.Entities.DmChannelData;
import dev.confbot.fakediscord.Entities.MemberData;
import dev.confbot.fakediscord.Entities.MessageData;
import dev.confbot.fakediscord.Entities.RoleData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Discord's REST API and gateway with one guild, so that the real JDA client
 * runs against it unchanged. REST is served by the JDK's HTTP server, the gateway by
 * Java-WebSocket, both on loopback ports chosen at start. Thread-safe.
 *
 * <p>Connect JDA 6 like this (JDA's defaults otherwise; privileged intents are allowed unless
 * {@link Builder#privilegedIntentsAllowed(boolean)} says otherwise; GUILD_CREATE carries every
 * member, so chunking never waits):
 *
 * <pre>{@code
 * JDA jda = JDABuilder.createDefault(fake.token(), GatewayIntent.GUILD_MEMBERS)
 *     .setRestConfig(new RestConfig().setBaseUrl(fake.baseUrl()))
 *     .setSessionController(new ConcurrentSessionController() {
 *         @Override public String getGateway() { return fake.gatewayUrl(); }
 *     })
 *     .setCompression(Compression.NONE)
 *     .setMemberCachePolicy(MemberCachePolicy.ALL)
 *     .setChunkingFilter(ChunkingFilter.ALL)
 *     .addEventListeners(listener)
 *     .build()
 *     .awaitReady();
 * }</pre>
 *
 * <p>Discord rules enforced: the interaction deadline (default 3 s, callback later ⇒ 404 10062),
 * single acknowledgement (40060), permissions and role hierarchy (403 50013), message and embed
 * limits (400 50035), autocomplete choices (≤ 25, name and value 1-100 characters, else 400 50035),
 * direct messages to members with closed DMs, who left or who are bots (403 50007), unknown
 * entities (404 100xx), bot-token authentication (401). Faults such as 429s are injected with
 * {@link #failNext(String, Fault)}.
 *
 * <p>Direct messages: {@code User.openPrivateChannel()} opens (or returns) a DM channel of type 1;
 * read what the bot sent with {@link #directMessages(FakeMember)}, refuse it with {@link
 * #closeDirectMessages(FakeMember)}. MESSAGE_CREATE for DMs needs the DIRECT_MESSAGES intent.
 */
public final class FakeDiscord implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FakeDiscord.class);

  /** Settings for a fake; obtain with {@link FakeDiscord#builder(FakeGuild)}. */
  public static final class Builder {
    private final FakeGuild guild;
    private Clock clock = Clock.systemUTC();
    private Duration interactionDeadline = Duration.ofSeconds(3);
    private boolean privilegedIntentsAllowed = true;
    private final List<ExchangeObserver> observers = new ArrayList<>();

    private Builder(FakeGuild guild) {
      this.guild = guild;
    }

    /** The clock for snowflakes and timestamps (default system UTC); keep it near real time. */
    public Builder clock(Clock value) {
      clock = value;
      return this;
    }

    /** How long after dispatch an interaction callback is accepted (default 3 s, as Discord). */
    public Builder interactionDeadline(Duration value) {
      interactionDeadline = value;
      return this;
    }

    /**
     * Whether privileged intents (members, message content, presences) are enabled in the
     * "Developer Portal" (default true); if not, IDENTIFY with them is closed with 4014.
     */
    public Builder privilegedIntentsAllowed(boolean value) {
      privilegedIntentsAllowed = value;
      return this;
    }

    /**
     * Shows every REST exchange to the observer (in addition to those made by the {@link
     * ExchangeObserver.Provider}s found on the class path).
     */
    public Builder observer(ExchangeObserver value) {
      observers.add(value);
      return this;
    }

    /** Starts REST and gateway servers on free loopback ports. */
    public FakeDiscord start() {
      return new FakeDiscord(this);
    }
  }

  private final State state;
  private final RestApi api;
  private final RestServer rest;
  private final GatewayServer gateway;
  private final String token;
  private final List<ExchangeObserver> observers;
  private final InteractionDriver interactions;

  private FakeDiscord(Builder builder) {
    this.state = new State(builder.guild, builder.clock, builder.interactionDeadline);
    byte[] secret = new byte[18];
    new SecureRandom().nextBytes(secret);
    this.token = "fake." + state.botId + "." + HexFormat.of().formatHex(secret);
    this.api = new RestApi(state);
    this.interactions = new InteractionDriver(state);
    this.gateway = new GatewayServer(state, token, builder.privilegedIntentsAllowed);
    List<ExchangeObserver> all = new ArrayList<>(builder.observers);
    for (ExchangeObserver.Provider provider : ServiceLoader.load(ExchangeObserver.Provider.class)) {
      all.add(provider.create());
    }
    this.observers = List.copyOf(all);
    try {
      this.rest = new RestServer(state, api, token, observers);
      gateway.startAndWait();
    } catch (IOException e) {
      throw new UncheckedIOException("fake-discord could not open its REST port", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting fake-discord", e);
    }
    rest.start();
    state.dispatcher(gateway);
    state.render.attachmentBase("http://127.0.0.1:" + rest.port());
    api.gatewayUrl(gateway.url());
    log.info("fake-discord serves REST at {} and the gateway at {}", baseUrl(), gatewayUrl());
  }

  /** Starts a fake serving the guild with default settings. */
  public static FakeDiscord start(FakeGuild guild) {
    return builder(guild).start();
  }

  /** Settings for a fake serving the guild. */
  public static Builder builder(FakeGuild guild) {
    return new Builder(guild);
  }

  // ---- connection details ----

  /**
   * The REST base for {@code RestConfig#setBaseUrl}, e.g. {@code http://127.0.0.1:PORT/api/v10/}.
   */
  public String baseUrl() {
    return "http://127.0.0.1:" + rest.port() + "/api/v10/";
  }

  /**
   * The gateway URL for {@code SessionController#getGateway}, e.g. {@code ws://127.0.0.1:PORT/}.
   */
  public String gatewayUrl() {
    return gateway.url();
  }

  /** The bot token the fake accepts (REST {@code Authorization: Bot …} and IDENTIFY). */
  public String token() {
    return token;
  }

  /** The guild's snowflake. */
  public long guildId() {
    return state.guildId;
  }

  /** The application's snowflake (equal to the bot user's id). */
  public long applicationId() {
    return state.applicationId;
  }

  /** The bot as a guild member. */
  public FakeMember bot() {
    synchronized (state.lock) {
      return state.bot().handle();
    }
  }

  /** The guild owner (outranks everyone, the bot may not edit it). */
  public FakeMember owner() {
    synchronized (state.lock) {
      return state.member(state.ownerId).handle();
    }
  }

  // ---- reading state ----

  /** The member with this user name; throws if there is none. */
  public FakeMember member(String username) {
    synchronized (state.lock) {
      return state
          .memberNamed(username)
          .orElseThrow(() -> new IllegalArgumentException("no member " + username))
          .handle();
    }
  }

  /** All members, bot and owner included, in join order. */
  public List<FakeMember> members() {
    synchronized (state.lock) {
      List<FakeMember> result = new ArrayList<>();
      for (MemberData member : state.members.values()) {
        result.add(member.handle());
      }
      return result;
    }
  }

  /** The role with this name; throws if there is none. */
  public FakeRole role(String name) {
    synchronized (state.lock) {
      return state
          .roleNamed(name)
          .orElseThrow(() -> new IllegalArgumentException("no role " + name))
          .snapshot();
    }
  }

  /** All roles, {@code @everyone} first. */
  public List<FakeRole> roles() {
    synchronized (state.lock) {
      List<FakeRole> result = new ArrayList<>();
      for (RoleData role : state.roles.values()) {
        result.add(role.snapshot());
      }
      return result;
    }
  }

  /** The channel with this name; throws if there is none. */
  public FakeChannel channel(String name) {
    synchronized (state.lock) {
      return state
          .channelNamed(name)
          .orElseThrow(() -> new IllegalArgumentException("no channel " + name))
          .snapshot();
    }
  }

  /** All channels in creation order. */
  public List<FakeChannel> channels() {
    synchronized (state.lock) {
      List<FakeChannel> result = new ArrayList<>();
      for (ChannelData channel : state.channels.values()) {
        result.add(channel.snapshot());
      }
      return result;
    }
  }

  /** Names of the member's roles (without {@code @everyone}), in the order they were added. */
  public Set<String> roleNamesOf(FakeMember member) {
    synchronized (state.lock) {
      Set<String> names = new LinkedHashSet<>();
      for (long roleId : state.memberData(member).roles) {
        RoleData role = state.roles.get(roleId);
        if (role != null) {
          names.add(role.name);
        }
      }
      return names;
    }
  }

  /** The member's nickname, empty when none is set. */
  public Optional<String> nicknameOf(FakeMember member) {
    synchronized (state.lock) {
      return Optional.ofNullable(state.memberData(member).nick);
    }
  }

  /** The channel's messages, oldest first (ephemeral answers are never in a channel). */
  public List<FakeMessage> messages(FakeChannel channel) {
    synchronized (state.lock) {
      List<FakeMessage> result = new ArrayList<>();
      for (MessageData message : state.messages.getOrDefault(channel.id(), Map.of()).values()) {
        result.add(state.snapshot(message));
      }
      return result;
    }
  }

  /** The messages of the channel with this name, oldest first. */
  public List<FakeMessage> messages(String channelName) {
    return messages(channel(channelName));
  }

  /**
   * The messages the bot sent to the member's direct-message channel, oldest first; empty when no
   * DM channel was opened. Refused messages (closed DMs) are not included.
   */
  public List<FakeMessage> directMessages(FakeMember member) {
    synchronized (state.lock) {
      List<FakeMessage> result = new ArrayList<>();
      Optional<DmChannelData> channel = state.dmChannelWith(member.id());
      if (channel.isPresent()) {
        for (MessageData message :
            state.messages.getOrDefault(channel.get().id(), Map.of()).values()) {
          result.add(state.snapshot(message));
        }
      }
      return result;
    }
  }

  /**
   * The registered application commands by name, each as its JSON definition with the assigned
   * {@code id}; guild commands override global ones of the same name.
   */
  public Map<String, String> commands() {
    synchronized (state.lock) {
      Map<String, String> result = new LinkedHashMap<>();
      for (CommandData command : state.commands.values()) {
        if (command.guildId == null) {
          result.put(command.name(), Json.write(command.json));
        }
      }
      for (CommandData command : state.commands.values()) {
        if (command.guildId != null) {
          result.put(command.name(), Json.write(command.json));
        }
      }
      return result;
    }
  }

  /** Every REST request answered so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return rest.recorded();
  }

  /** The recorded requests matching a route pattern such as {@code "PATCH guilds/*\/members/*"}. */
  public List<RecordedRequest> requests(String route) {
    RoutePattern pattern = RoutePattern.parse(route);
    List<RecordedRequest> result = new ArrayList<>();
    for (RecordedRequest request : rest.recorded()) {
      if (pattern.matches(request.method(), request.path())) {
        result.add(request);
      }
    }
    return result;
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    rest.clearRecorded();
  }

  /** How many IDENTIFYs the gateway accepted. */
  public int identifyCount() {
    return gateway.identifies();
  }

  /** How many RESUMEs the gateway accepted. */
  public int resumeCount() {
    return gateway.resumes();
  }

  /** Whether a client is connected to the gateway right now. */
  public boolean gatewayConnected() {
    return gateway.connected();
  }

  // ---- changing state and injecting events ----

  /**
   * Adds a member silently (no gateway event), e.g. before the bot connects.
   *
   * @param roleNames names of existing roles the member holds
   */
  public FakeMember addMember(String username, String... roleNames) {
    synchronized (state.lock) {
      return createMember(username, roleNames).handle();
    }
  }

  private MemberData createMember(String username, String... roleNames) {
    if (state.memberNamed(username).isPresent()) {
      throw new IllegalArgumentException("duplicate member " + username);
    }
    MemberData member = new MemberData(state.ids.next(), username, false, state.clock.instant());
    for (String roleName : roleNames) {
      member.roles.add(
          state
              .roleNamed(roleName)
              .orElseThrow(() -> new IllegalArgumentException("no role " + roleName))
              .id);
    }
    state.members.put(member.id, member);
    return member;
  }

  /** A new member joins the guild: dispatches GUILD_MEMBER_ADD (needs the GUILD_MEMBERS intent). */
  public FakeMember memberJoins(String username) {
    synchronized (state.lock) {
      MemberData member = createMember(username);
      Map<String, @Nullable Object> json = state.render.member(member, true);
      json.put("guild_id", String.valueOf(state.guildId));
      state.dispatch("GUILD_MEMBER_ADD", json, Dispatcher.GUILD_MEMBERS, null);
      return member.handle();
    }
  }

  /**
   * The member leaves the guild: their membership (roles, nickname) is gone and GUILD_MEMBER_REMOVE
   * is dispatched. The user still exists and may {@link #memberRejoins rejoin}.
   */
  public void memberLeaves(FakeMember member) {
    synchronized (state.lock) {
      MemberData data = state.memberData(member);
      state.members.remove(data.id);
      state.formerMembers.put(data.id, state.render.user(data));
      state.dispatch(
          "GUILD_MEMBER_REMOVE",
          Json.map("guild_id", String.valueOf(state.guildId), "user", state.render.user(data)),
          Dispatcher.GUILD_MEMBERS,
          null);
    }
  }

  /**
   * A user who left joins again, with the same id and no roles: dispatches GUILD_MEMBER_ADD.
   *
   * @throws IllegalArgumentException when the user is still a member
   */
  public FakeMember memberRejoins(FakeMember user) {
    synchronized (state.lock) {
      if (state.members.containsKey(user.id())) {
        throw new IllegalArgumentException("still a member: " + user);
      }
      MemberData member =
          new MemberData(user.id(), user.username(), user.bot(), state.clock.instant());
      state.members.put(member.id, member);
      state.formerMembers.remove(member.id);
      Map<String, @Nullable Object> json = state.render.member(member, true);
      json.put("guild_id", String.valueOf(state.guildId));
      state.dispatch("GUILD_MEMBER_ADD", json, Dispatcher.GUILD_MEMBERS, null);
      return member.handle();
    }
  }

  /**
   * Someone on the server (not the bot) creates a role and gives it to members: dispatches
   * GUILD_ROLE_CREATE and a GUILD_MEMBER_UPDATE per holder. Names need not be unique, as on
   * Discord, so this can add a second role with an existing name (and {@link #role(String)} then
   * returns the older one).
   *
   * @param position hierarchy position &ge; 1
   * @return the new role
   */
  public FakeRole createRole(String name, int position, FakeMember... holders) {
    if (position < 1) {
      throw new IllegalArgumentException("position must be >= 1: " + name);
    }
    synchronized (state.lock) {
      RoleData role = new RoleData(state.ids.next(), name, position, 0, 0, false);
      state.roles.put(role.id, role);
      state.announceRole("GUILD_ROLE_CREATE", role);
      for (FakeMember holder : holders) {
        MemberData member = state.memberData(holder);
        member.roles.add(role.id);
        state.announceMemberUpdate(member);
      }
      return role.snapshot();
    }
  }

  /**
   * Changes a role's permissions <em>without</em> a gateway event, so JDA's cache still holds the
   * old ones; simulates a change the bot has not seen yet and lets tests reach the server-side
   * permission checks (403 50013) that JDA would otherwise pre-empt locally.
   */
  public void changeRolePermissionsSilently(String roleName, long permissions) {
    synchronized (state.lock) {
      state
              .roleNamed(roleName)
              .orElseThrow(() -> new IllegalArgumentException("no role " + roleName))
              .permissions =
          permissions;
    }
  }

  /**
   * The member turns off direct messages from server members (or blocks the bot): from now on
   * messages to their DM channel fail with 403 and code 50007 "Cannot send messages to this user"
   * (JDA {@code ErrorResponse.CANNOT_SEND_TO_USER}). Opening the DM channel still succeeds, as on
   * Discord.
   */
  public void closeDirectMessages(FakeMember member) {
    synchronized (state.lock) {
      state.dmsClosed.add(member.id());
    }
  }

  /** The member allows direct messages again (the default); undoes {@link #closeDirectMessages}. */
  public void openDirectMessages(FakeMember member) {
    synchronized (state.lock) {
      state.dmsClosed.remove(member.id());
    }
  }

  /** Creates an incoming webhook in the channel and returns its execute URL. */
  public String createWebhook(FakeChannel channel, String name) {
    synchronized (state.lock) {
      Entities.WebhookData webhook = state.newWebhook(state.channelData(channel.id()).id, name);
      return baseUrl() + "webhooks/" + webhook.id() + "/" + webhook.token();
    }
  }

  /** A member posts a text message: stored and dispatched as MESSAGE_CREATE. */
  public FakeMessage postUserMessage(FakeMember member, FakeChannel channel, String content) {
    synchronized (state.lock) {
      MessageData message =
          state.newMessage(state.channelData(channel.id()).id, state.memberData(member));
      message.content = content;
      state.storeAndAnnounce(message);
      return state.snapshot(message);
    }
  }

  /**
   * The member clicks a button of a message (interaction type 3, component type 2): a channel
   * message or an (ephemeral) interaction answer shown in that channel.
   *
   * @param locale the member's client locale, e.g. {@code "fr"} or {@code "en-US"}
   */
  public InteractionHandle clickButton(
      FakeMember member, FakeChannel channel, long messageId, String customId, String locale) {
    return interactions.clickButton(member, channel, messageId, customId, locale);
  }

  /** Clicks a button with the default locale {@code en-US}. */
  public InteractionHandle clickButton(
      FakeMember member, FakeChannel channel, long messageId, String customId) {
    return clickButton(member, channel, messageId, customId, State.DEFAULT_LOCALE);
  }

  /**
   * The member submits a modal (interaction type 5) in the guild's first text channel; each value
   * is sent as a text input wrapped in a Label, as Discord does; if the bot opened this modal with
   * (deprecated) action rows, the inputs come back in action rows instead, as Discord echoes the
   * layout the modal was sent with (discord.py 2.2 reads only that).
   *
   * @param values input custom id → typed value, in order
   */
  public InteractionHandle submitModal(
      FakeMember member, String customId, Map<String, String> values, String locale) {
    return submitModal(member, firstTextChannel(), customId, values, locale);
  }

  /** The member submits a modal in the given channel. */
  public InteractionHandle submitModal(
      FakeMember member,
      FakeChannel channel,
      String customId,
      Map<String, String> values,
      String locale) {
    return interactions.submitModal(member, channel, customId, values, locale);
  }

  /**
   * The member runs a registered chat command (interaction type 2) in the first text channel.
   *
   * @param options option name → value: String, Integer/Long, Boolean, Double, a {@link FakeMember}
   *     (user option) or a {@code Map} of the same kind (a subcommand with its own options, e.g.
   *     {@code Map.of("lookup", Map.of("query", "XJ7Q2"))}); option types follow the registered
   *     definition when it has one
   */
  public InteractionHandle runSlashCommand(
      FakeMember member, String name, Map<String, ?> options, String locale) {
    return runSlashCommand(member, firstTextChannel(), name, options, locale);
  }

  /** The member runs a registered chat command in the given channel. */
  public InteractionHandle runSlashCommand(
      FakeMember member, FakeChannel channel, String name, Map<String, ?> options, String locale) {
    return interactions.command(2, member, channel, name, options, null, locale);
  }

  /**
   * The member types into an autocomplete option of a registered chat command in the first text
   * channel (interaction type 4); the bot answers with up to 25 choices (callback type 8), read
   * them with {@link InteractionHandle#awaitChoices}.
   *
   * @param options the options typed so far, as for {@link #runSlashCommand(FakeMember, String,
   *     Map, String)} (a {@code Map} value is a subcommand); the partial input of the focused
   *     option is usually a String
   * @param focusedOption the name of the option being typed; it must be among the options (at any
   *     subcommand depth) and, if the command declares it, declared with {@code "autocomplete":
   *     true}
   * @throws IllegalArgumentException when the focused option is not among the options
   * @throws IllegalStateException when the command is not registered or the option is declared
   *     without autocomplete
   */
  public InteractionHandle autocomplete(
      FakeMember member,
      String command,
      Map<String, ?> options,
      String focusedOption,
      String locale) {
    return autocomplete(member, firstTextChannel(), command, options, focusedOption, locale);
  }

  /**
   * Autocomplete as {@link #autocomplete(FakeMember, String, Map, String, String)} in a channel.
   */
  public InteractionHandle autocomplete(
      FakeMember member,
      FakeChannel channel,
      String command,
      Map<String, ?> options,
      String focusedOption,
      String locale) {
    return interactions.command(4, member, channel, command, options, focusedOption, locale);
  }

  private FakeChannel firstTextChannel() {
    synchronized (state.lock) {
      for (ChannelData channel : state.channels.values()) {
        if (channel.type == 0) {
          return channel.snapshot();
        }
      }
    }
    throw new IllegalStateException("the guild has no text channel");
  }

  // ---- server setup: categories, overwrites, positions ----

  /** The channel's permission overwrites, in the order they were set. */
  public List<FakeOverwrite> overwrites(FakeChannel channel) {
    synchronized (state.lock) {
      List<FakeOverwrite> result = new ArrayList<>();
      for (Entities.OverwriteData overwrite : state.channelData(channel.id()).overwrites.values()) {
        result.add(
            new FakeOverwrite(
                overwrite.id(), overwrite.type() == 1, overwrite.allow(), overwrite.deny()));
      }
      return result;
    }
  }

  /** The channel's category; empty for a channel outside categories. */
  public Optional<FakeChannel> parentOf(FakeChannel channel) {
    synchronized (state.lock) {
      ChannelData parent = state.channels.get(state.channelData(channel.id()).parentId);
      return parent == null ? Optional.empty() : Optional.of(parent.snapshot());
    }
  }

  /** The channel's raw position (lower is higher up in its category's list). */
  public int positionOf(FakeChannel channel) {
    synchronized (state.lock) {
      return state.channelData(channel.id()).position;
    }
  }

  // ---- faults ----

  /**
   * Answers the next request matching the route with the fault instead of handling it.
   *
   * @param route {@code "METHOD path"}, {@code *} = one path segment, trailing {@code **} = any
   *     rest, e.g. {@code "PUT guilds/*\/members/*\/roles/*"} or {@code "POST channels/**"}
   */
  public void failNext(String route, Fault fault) {
    rest.failNext(route, fault);
  }

  /**
   * Holds back gateway dispatches of these event types, e.g. {@code GUILD_MEMBER_UPDATE}, as when
   * Discord's gateway lags behind its REST API: REST answers at once, while a client's cache
   * (JDA's) keeps the old state until {@link #releaseGatewayEvents()}. Other events flow as usual.
   */
  public void holdGatewayEvents(String... types) {
    gateway.hold(Set.of(types));
  }

  /** Sends the held gateway dispatches in their original order and stops holding. */
  public void releaseGatewayEvents() {
    gateway.releaseHeld();
  }

  /** Sets the interaction deadline (default 3 s) for interactions dispatched from now on too. */
  public void interactionDeadline(Duration deadline) {
    state.interactionDeadline(deadline);
  }

  /**
   * Closes the gateway connection with 4000 (unknown error), which makes JDA reconnect and RESUME;
   * events injected meanwhile are replayed on resume.
   */
  public void dropGatewayConnection() {
    gateway.dropConnections(4000);
  }

  /**
   * Stops both servers, then tells the exchange observers; an observer's error (e.g. a failed
   * conformance check) is thrown from here after all observers were told.
   */
  @Override
  public void close() {
    try {
      gateway.dropConnections(1001);
      gateway.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rest.stop();
    Throwable failure = null;
    for (ExchangeObserver observer : observers) {
      try {
        observer.closed();
      } catch (RuntimeException | Error e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
  }
}
