package dev.confbot.app;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.squareup.moshi.JsonWriter;
import dev.confbot.adapter.pretalx.PretalxSettings;
import dev.confbot.adapter.pretalx.ScheduleSources;
import dev.confbot.adapter.pretix.PretixDirectoryTicketSource;
import dev.confbot.adapter.sqlite.SqliteDatabase;
import dev.confbot.adapter.sqlite.SqliteSettings;
import dev.confbot.config.ConfbotConfig;
import dev.confbot.config.ConfigException;
import dev.confbot.config.ConfigLoader;
import dev.confbot.config.LegacyRoleJson;
import dev.confbot.config.LoadedConfig;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.Order;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.port.AttemptLog;
import dev.confbot.core.port.AuditSink;
import dev.confbot.core.port.ClaimStore;
import dev.confbot.core.port.GatewayException;
import dev.confbot.core.port.PendingRestores;
import dev.confbot.core.port.RoleGateway;
import dev.confbot.core.port.TicketSource;
import dev.confbot.core.registration.InMemoryAttemptLog;
import dev.confbot.core.registration.InMemoryClaimStore;
import dev.confbot.core.registration.InMemoryPendingRestores;
import dev.confbot.core.registration.IndexedOrder;
import dev.confbot.core.registration.OrderLookup;
import dev.confbot.core.registration.RegistrationMessages;
import dev.confbot.core.registration.RegistrationResult;
import dev.confbot.core.registration.RegistrationService;
import dev.confbot.core.registration.RoleMapping;
import dev.confbot.core.registration.SpeakerRoles;
import dev.confbot.core.registration.TicketIndex;
import dev.confbot.core.registration.TicketLifecycle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code confbot tickets lookup CODE NAME}: what an attendee typing this code and name would get,
 * and for organizers which position matched and which roles apply. Nothing is written: claims are
 * read from the store (when there is one) into memory, and no role is given.
 */
@Command(
    name = "lookup",
    mixinStandardHelpOptions = true,
    description = {
      "Show what an attendee would get for this order code and name.",
      "Exit 0 for REGISTERED, 1 for any other outcome, 2 for usage or configuration errors."
    })
final class TicketsLookupCommand implements Callable<Integer> {
  /** The account the lookup pretends to be when no --member is given. */
  private static final long ANONYMOUS_MEMBER = 1L;

  @Parameters(index = "0", paramLabel = "CODE", description = "Order code as typed, e.g. XJ7Q2-1")
  private String code = "";

  @Parameters(index = "1", paramLabel = "NAME", description = "Full name as typed")
  private String name = "";

  @Mixin private OptionalConfigOption configOption = new OptionalConfigOption();

  @Option(
      names = "--pretix-dir",
      paramLabel = "DIR",
      description = "Read saved pretix list responses (items*.json, orders*.json) from DIR")
  private @Nullable Path pretixDir;

  @Option(
      names = "--roles-json",
      paramLabel = "FILE",
      description = "Ticket → role mapping in the legacy JSON format ({\"Business\": [roleId]})")
  private @Nullable Path rolesJson;

  @Option(
      names = "--member",
      paramLabel = "ID",
      description = "Discord user id of the asking account (default: an unknown account)")
  private long member = ANONYMOUS_MEMBER;

  @Option(
      names = "--schedule",
      paramLabel = "FILE_OR_URL",
      description =
          "Schedule whose speakers get registration.speaker_roles (default: [schedule] source of"
              + " the configuration, read only when speaker_roles are configured)")
  private @Nullable String schedule;

  @Option(names = "--json", description = "Print one JSON object instead of text")
  private boolean json;

  @Spec
  @SuppressWarnings("NullAway.Init") // injected by picocli
  private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = ((Main) spec.root().userObject()).environment();
    OptionalConfigOption.Result configured =
        configOption.load(
            environment,
            err,
            pretixDir == null
                ? Set.of(ConfigLoader.DISCORD_TOKEN)
                : Set.of(ConfigLoader.DISCORD_TOKEN, ConfigLoader.PRETIX_TOKEN));
    if (configured.invalid()) {
      return Main.INVALID;
    }
    Optional<ConfbotConfig> loaded = configured.config().map(LoadedConfig::config);
    if (loaded.isEmpty() && pretixDir == null) {
      err.println(
          "confbot: tickets lookup needs a pretix to ask: give --config (with [pretix]) or"
              + " --pretix-dir DIR.");
      return Main.INVALID;
    }

    Optional<RoleMapping> legacy;
    try {
      legacy = legacyMapping();
    } catch (ConfigException e) {
      ConfigLoading.printProblems(err, Objects.requireNonNull(rolesJson), e.problems());
      return Main.INVALID;
    }
    Optional<TicketSource> saved;
    try {
      saved =
          pretixDir != null
              ? Optional.of(PretixDirectoryTicketSource.load(pretixDir))
              : Optional.empty();
    } catch (GatewayException e) {
      err.println("confbot: " + e.getMessage());
      return Main.INVALID;
    }
    DryRun dryRun = new DryRun(claimsSnapshot(loaded), legacy, saved);
    Injector injector =
        loaded.isPresent()
            ? Confbot.injector(loaded.get(), RunOptions.production(Clock.systemUTC()), dryRun)
            : Confbot.registrationOnly(dryRun);
    loaded.ifPresent(config -> readSpeakers(config, injector, err));
    OrderLookup lookups = injector.getInstance(OrderLookup.class);
    try {
      return lookUp(injector, dryRun.audit);
    } finally {
      lookups.close();
    }
  }

  /** Registers the code and name on the dry-run graph and prints what happened. */
  private int lookUp(Injector injector, List<String> audit) {
    TicketSource source = injector.getInstance(TicketSource.class);
    if (pretixDir != null) {
      injector.getInstance(TicketLifecycle.class).applyFull(source.fullSync());
    }
    RegistrationResult result =
        injector.getInstance(RegistrationService.class).register(new MemberId(member), code, name);
    String message = injector.getInstance(RegistrationMessages.class).attendeeMessage(result);
    Optional<SpeakerRoles.Match> speaker =
        speakerMatch(
            result,
            injector.getInstance(SpeakerRoles.class),
            injector.getInstance(TicketIndex.class),
            source);
    if (json) {
      printJson(result, message, speaker);
    } else {
      printText(result, message, audit, speaker);
    }
    return result instanceof RegistrationResult.Registered ? 0 : 1;
  }

  /** The mapping of {@code --roles-json}, when given (the configured one otherwise). */
  private Optional<RoleMapping> legacyMapping() {
    if (rolesJson == null) {
      return Optional.empty();
    }
    Map<String, List<RoleRef>> legacy = LegacyRoleJson.load(rolesJson);
    Map<String, List<String>> byName = new LinkedHashMap<>();
    legacy.forEach((k, v) -> byName.put(k, v.stream().map(RoleRef::value).toList()));
    return Optional.of(RoleMapping.byName(byName));
  }

  /**
   * Tells the graph's speakers who speaks, when speaker roles are configured: from {@code
   * --schedule} or the configured schedule, read once through the graph's HTTP client and cached in
   * memory only. A schedule that cannot be read is reported and the lookup goes on without
   * speakers.
   */
  private void readSpeakers(ConfbotConfig config, Injector injector, PrintWriter err) {
    SpeakerRoles speakers = injector.getInstance(SpeakerRoles.class);
    if (!speakers.enabled()) {
      return;
    }
    Optional<PretalxSettings> pretalx = Wiring.scheduleToRead(schedule, Optional.of(config));
    if (pretalx.isEmpty()) {
      return;
    }
    try {
      speakers.update(
          ScheduleSources.readOnce(
              pretalx.get(),
              injector.getInstance(OkHttpClient.class),
              injector.getInstance(Clock.class)));
    } catch (GatewayException e) {
      err.println(
          "confbot: the schedule could not be read, speakers are not recognised: "
              + e.getMessage());
      err.flush();
    }
  }

  /** Why the matched position gets the speaker roles, if it does. */
  private static Optional<SpeakerRoles.Match> speakerMatch(
      RegistrationResult result, SpeakerRoles speakers, TicketIndex index, TicketSource source) {
    Optional<PositionKey> key = result.positionKey();
    if (key.isEmpty() || !speakers.enabled()) {
      return Optional.empty();
    }
    Optional<Order> order = index.find(key.get().order()).map(IndexedOrder::order);
    if (order.isEmpty()) {
      try {
        order = source.order(key.get().order());
      } catch (GatewayException e) {
        return Optional.empty();
      }
    }
    return order.get().positions().stream()
        .filter(p -> p.key().equals(key.get()))
        .findFirst()
        .flatMap(speakers::match);
  }

  /** The claims the bot holds, copied into memory so that the lookup never writes them. */
  private static ClaimStore claimsSnapshot(Optional<ConfbotConfig> loaded) {
    InMemoryClaimStore copy = new InMemoryClaimStore();
    if (loaded.isEmpty()) {
      return copy;
    }
    SqliteSettings sqlite = Wiring.sqliteSettings(loaded.get());
    if (!Files.isRegularFile(sqlite.databaseFile())) {
      return copy;
    }
    Injector injector = Confbot.oneShot(loaded.get());
    try (SqliteDatabase database = injector.getInstance(SqliteDatabase.class)) {
      for (ClaimStore.Claim claim : injector.getInstance(ClaimStore.class).all()) {
        copy.reserve(claim.position(), claim.member(), claim.at());
        if (claim.confirmed()) {
          copy.confirm(claim.position(), claim.member(), claim.at());
        }
      }
    }
    return copy;
  }

  private void printText(
      RegistrationResult result,
      String message,
      List<String> audit,
      Optional<SpeakerRoles.Match> speaker) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Outcome:   %s%n", result.code());
    result
        .positionKey()
        .ifPresent(p -> out.printf("Matched:   order %s, position %d%n", p.order(), p.position()));
    Set<String> roles = roles(result);
    if (!roles.isEmpty()) {
      out.printf("Roles:     %s%n", String.join(", ", roles));
    }
    speaker.ifPresent(m -> out.printf("Speaker:   %s%n", m.reason()));
    out.println("Attendee would read:");
    message.lines().forEach(line -> out.println("  " + line));
    for (String line : audit) {
      out.println("Log line:  " + line);
    }
    out.flush();
  }

  private void printJson(
      RegistrationResult result, String message, Optional<SpeakerRoles.Match> speaker) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true); // every key always there: null when there is no such thing
      writer.beginObject();
      writer.name("outcome").value(result.code().name());
      Optional<PositionKey> position = result.positionKey();
      writer.name("order").value(result.orderCode().map(OrderCode::value).orElse(null));
      writer.name("position");
      if (position.isPresent()) {
        writer.value(position.get().position());
      } else {
        writer.nullValue();
      }
      writer.name("roles").beginArray();
      for (String role : roles(result)) {
        writer.value(role);
      }
      writer.endArray();
      writer.name("speaker").value(speaker.map(SpeakerRoles.Match::reason).orElse(null));
      writer.name("message").value(message);
      writer.endObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(buffer.readUtf8());
    out.flush();
  }

  /** Role names, sorted, for stable output. */
  private static Set<String> roles(RegistrationResult result) {
    Set<String> names = new TreeSet<>();
    result.grantedRoles().forEach(role -> names.add(role.value()));
    return names;
  }

  /**
   * What makes the bot's graph a dry run: the claims snapshot instead of the store, roles that are
   * never given, audit lines kept for printing, failed attempts and pending restores in memory, and
   * {@code --roles-json} (with the graph's speakers) and {@code --pretix-dir} when given.
   */
  private static final class DryRun extends AbstractModule {
    private final ClaimStore claims;
    private final Optional<RoleMapping> mapping;
    private final Optional<TicketSource> source;
    private final List<String> audit = new CopyOnWriteArrayList<>();

    DryRun(ClaimStore claims, Optional<RoleMapping> mapping, Optional<TicketSource> source) {
      this.claims = claims;
      this.mapping = mapping;
      this.source = source;
    }

    @Override
    protected void configure() {
      bind(ClaimStore.class).toInstance(claims);
      bind(RoleGateway.class).toInstance(new DryRunRoles());
      bind(AuditSink.class).toInstance((line, alert) -> audit.add(line));
      bind(AttemptLog.class).toInstance(new InMemoryAttemptLog());
      bind(PendingRestores.class).toInstance(new InMemoryPendingRestores());
      source.ifPresent(s -> bind(TicketSource.class).toInstance(s));
      mapping.ifPresent(m -> install(new LegacyMapping(m)));
    }
  }

  /** The {@code --roles-json} mapping in place of the configured one, with the graph's speakers. */
  private static final class LegacyMapping extends AbstractModule {
    private final RoleMapping mapping;

    LegacyMapping(RoleMapping mapping) {
      this.mapping = mapping;
    }

    @Provides
    @Singleton
    RoleMapping roleMapping(SpeakerRoles speakers) {
      return mapping.withSpeakerRoles(speakers);
    }
  }

  /** A role gateway that gives nothing: a lookup must not change anybody's roles. */
  private static final class DryRunRoles implements RoleGateway {
    @Override
    public void grant(MemberId member, Set<RoleRef> roles, Optional<String> nickname) {}

    @Override
    public void revoke(MemberId member, Set<RoleRef> roles) {}

    @Override
    public Optional<Set<RoleRef>> rolesHeld(MemberId member, Set<RoleRef> roles) {
      return Optional.of(Set.of());
    }
  }
}
