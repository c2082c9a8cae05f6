package dev.confbot.config;

import static dev.confbot.config.Converters.BOOLEAN;
import static dev.confbot.config.Converters.CHANNEL;
import static dev.confbot.config.Converters.COLOUR_VALUE;
import static dev.confbot.config.Converters.DATE;
import static dev.confbot.config.Converters.DURATION_VALUE;
import static dev.confbot.config.Converters.HTTP_URL;
import static dev.confbot.config.Converters.INSTANT;
import static dev.confbot.config.Converters.LANGUAGE_TAG;
import static dev.confbot.config.Converters.PATH;
import static dev.confbot.config.Converters.PERMISSION_NAME;
import static dev.confbot.config.Converters.ROLE;
import static dev.confbot.config.Converters.SNOWFLAKE;
import static dev.confbot.config.Converters.STRING;
import static dev.confbot.config.Converters.TEXT;
import static dev.confbot.config.Converters.URL_TEMPLATE;
import static dev.confbot.config.Converters.ZONE;
import static dev.confbot.config.Converters.decimal;
import static dev.confbot.config.Converters.integer;
import static dev.confbot.config.Converters.oneOf;

import dev.confbot.config.RegistrationConfig.OnCancel;
import dev.confbot.config.RuntimeConfig.LogFormat;
import dev.confbot.config.RuntimeConfig.SimulatedClock;
import dev.confbot.config.Section.Converter;
import dev.confbot.config.SetupBlueprint.CategoryBlueprint;
import dev.confbot.config.SetupBlueprint.ChannelBlueprint;
import dev.confbot.config.SetupBlueprint.ChannelKind;
import dev.confbot.config.SetupBlueprint.PermissionOverwrite;
import dev.confbot.config.SetupBlueprint.RoleBlueprint;
import dev.confbot.core.i18n.TextProblem;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.RoleRef;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Binds the merged TOML tree to {@link ConfbotConfig}, recording every problem on the way. */
final class ConfigBinder {
  static final String DISCORD_TOKEN = "DISCORD_BOT_TOKEN";
  static final String PRETIX_TOKEN = "PRETIX_TOKEN";
  static final String PRETALX_TOKEN = "PRETALX_TOKEN";

  /** Stands in for a value that is missing or invalid; never leaves the binder (problems exist). */
  private static final Secret MISSING = new Secret("<missing>");

  private static final Converter<List<RoleRef>> ROLES = roleList();
  private static final Converter<Secret> WEBHOOK =
      (raw, path, section) -> {
        URI url = HTTP_URL.convert(raw, path, section);
        return url == null ? null : new Secret(url.toString());
      };
  private static final Converter<OrderStatus> ORDER_STATE =
      (raw, path, section) -> {
        if (raw instanceof String text) {
          @Nullable OrderStatus state =
              switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "paid" -> OrderStatus.PAID;
                case "pending" -> OrderStatus.PENDING;
                case "expired" -> OrderStatus.EXPIRED;
                case "canceled", "cancelled" -> OrderStatus.CANCELED;
                default -> null;
              };
          if (state != null) {
            return state;
          }
        }
        section.mismatch(path, "one of \"paid\", \"pending\", \"expired\", \"canceled\"", raw);
        return null;
      };

  /** Overrides {@code runtime.data_dir}; the container image sets it to its data volume. */
  static final String DATA_DIR_VARIABLE = "CONFBOT_DATA_DIR";

  /** Overrides {@code runtime.http_port}; the container image sets it for its health check. */
  static final String HTTP_PORT_VARIABLE = "CONFBOT_HTTP_PORT";

  private final Section root;
  private final Section.Context context;

  private ConfigBinder(Map<String, Object> tree, Section.Context context) {
    this.root = Section.root(tree, context);
    this.context = context;
  }

  /** The configuration of {@code tree}; problems go to the context (the result is then void). */
  static ConfbotConfig bind(Map<String, Object> tree, Section.Context context) {
    return new ConfigBinder(tree, context).bind();
  }

  private ConfbotConfig bind() {
    DiscordConfig discord = discord(root.section("discord"));
    RegistrationConfig registration = registration(root.section("registration"));
    PretixConfig pretix = pretix(root.section("pretix"));
    ScheduleConfig schedule = schedule(root.section("schedule"));
    ConfbotConfig config =
        new ConfbotConfig(
            discord,
            registration,
            pretix,
            schedule,
            notifications(root.section("notifications")),
            livestreams(),
            organizers(root.section("organizers")),
            jobBoard(root.section("job_board")),
            setup(root.section("setup")),
            attendee(root.section("attendee")),
            runtime(root.section("runtime")),
            privacy(root.section("privacy"), schedule));
    if (!config.registration().speakerRoles().isEmpty() && config.schedule().location().isEmpty()) {
      context
          .problems()
          .add(
              "registration.speaker_roles",
              "speakers are found in the schedule, but no schedule is configured: set [schedule]"
                  + " source (or file), or remove speaker_roles");
    }
    root.finish();
    return config;
  }

  private Secret requiredSecret(String name, String path) {
    Optional<String> value = context.secrets().lookup(name);
    if (value.isEmpty() && context.secretsNotNeeded().contains(name)) {
      return Secret.notSet(name);
    }
    if (value.isEmpty()) {
      context.problems().add(path, Secrets.missingMessage(name));
      return MISSING;
    }
    return new Secret(value.get());
  }

  private static String tokenInToml(String secret) {
    return "tokens never go in the TOML file (it is easily shared); remove this key and set "
        + secret
        + " in the .secrets file or the environment";
  }

  private DiscordConfig discord(Section section) {
    long guildId =
        section
            .required("guild_id", SNOWFLAKE, "the Discord server (guild) id, an integer")
            .orElse(0L);
    section.forbid("token", tokenInToml(DISCORD_TOKEN));
    Secret token = requiredSecret(DISCORD_TOKEN, section.pathOf("token"));
    return new DiscordConfig(guildId, token, section.get("message_content_intent", BOOLEAN, false));
  }

  private RegistrationConfig registration(Section section) {
    ChannelRef channel = section.get("channel", CHANNEL, new ChannelRef("registration"));
    ChannelRef log = section.get("log_channel", CHANNEL, new ChannelRef("registration-log"));
    ChannelRef help = section.get("help_channel", CHANNEL, new ChannelRef("registration-help"));
    List<OrderStatus> states =
        section.list("allowed_order_states", ORDER_STATE, List.of(OrderStatus.PAID));
    if (states.isEmpty() && section.has("allowed_order_states")) {
      section
          .problems()
          .add(
              section.pathOf("allowed_order_states"),
              "must name at least one order state, usually [\"paid\"]");
    }
    boolean nickname = section.get("set_nickname", BOOLEAN, false);
    Section attempts = section.section("failed_attempts");
    FailedAttemptLimit limit =
        new FailedAttemptLimit(
            attempts.get("max", integer(1, 1000), 5),
            attempts.get("window", DURATION_VALUE, Duration.ofMinutes(10)));
    OnCancel onCancel = section.get("on_cancel", oneOf(OnCancel.class), OnCancel.REVOKE);
    RoleMappingConfig roles = roleMapping(section.section("roles"));
    Map<OrderCode, List<RoleRef>> extra = extraRoles(section);
    List<RoleRef> speakers = section.get("speaker_roles", ROLES, List.of());
    return new RegistrationConfig(
        channel, log, help, Set.copyOf(states), nickname, limit, onCancel, roles, extra, speakers);
  }

  private OrganizersConfig organizers(Section section) {
    List<RoleRef> roles = section.get("roles", ROLES, List.of(new RoleRef("Organizers")));
    List<RoleRef> grantable = section.get("grantable_roles", ROLES, List.of());
    String path = section.pathOf("grantable_roles");
    if (grantable.size() > OrganizersConfig.MAX_GRANTABLE) {
      section
          .problems()
          .add(
              path,
              "expected at most "
                  + OrganizersConfig.MAX_GRANTABLE
                  + " roles (Discord's limit of choices for one option), found "
                  + grantable.size());
    }
    Set<String> organizerRoles = new HashSet<>();
    roles.forEach(r -> organizerRoles.add(r.value().toLowerCase(Locale.ROOT)));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < grantable.size(); i++) {
      String role = grantable.get(i).value();
      String key = role.toLowerCase(Locale.ROOT);
      if (organizerRoles.contains(key)) {
        section
            .problems()
            .add(
                path + "[" + i + "]",
                "expected a volunteer or crew role, found the organizer role \""
                    + role
                    + "\" (organizers must not hand out organizer rights by command)");
      } else if (!seen.add(key)) {
        section.problems().add(path + "[" + i + "]", "role \"" + role + "\" is listed twice");
      }
    }
    return new OrganizersConfig(roles, grantable);
  }

  private RoleMappingConfig roleMapping(Section section) {
    Map<String, List<RoleRef>> items = new LinkedHashMap<>();
    section
        .optional("legacy_json", PATH)
        .flatMap(
            file -> {
              context.filesRead().add(file);
              return LegacyRoleJson.read(file, section.pathOf("legacy_json"), section.problems());
            })
        .ifPresent(items::putAll);
    items.putAll(section.table("items", ROLES));
    Map<String, List<RoleRef>> variations = section.table("variations", ROLES);
    return new RoleMappingConfig(items, variations);
  }

  private Map<OrderCode, List<RoleRef>> extraRoles(Section section) {
    Map<OrderCode, List<RoleRef>> extra = new LinkedHashMap<>();
    String tablePath = section.pathOf("extra_roles");
    section
        .table("extra_roles", ROLES)
        .forEach(
            (code, roles) -> {
              String canonical = code.strip().replaceFirst("^#", "").toUpperCase(Locale.ROOT);
              try {
                extra.put(new OrderCode(canonical), roles);
              } catch (IllegalArgumentException e) {
                section
                    .problems()
                    .add(
                        Keys.join(tablePath, code),
                        "expected a pretix order code (letters and digits, e.g. XJ7Q2) as key");
              }
            });
    return extra;
  }

  private PretixConfig pretix(Section section) {
    URI base = section.get("base_url", HTTP_URL, URI.create("https://pretix.eu/"));
    if (base.getPath() != null && base.getPath().contains("/api/")) {
      section
          .problems()
          .add(
              section.pathOf("base_url"),
              "expected the pretix installation root such as \"https://pretix.eu/\", without"
                  + " /api/v1/...");
    }
    if (!base.toString().endsWith("/")) {
      base = URI.create(base + "/");
    }
    String organizer =
        section.required("organizer", TEXT, "the organizer slug from the pretix URL").orElse("-");
    String event =
        section.required("event", TEXT, "the event slug from the pretix URL").orElse("-");
    section.forbid("token", tokenInToml(PRETIX_TOKEN));
    Secret token = requiredSecret(PRETIX_TOKEN, section.pathOf("token"));
    return new PretixConfig(
        base,
        organizer,
        event,
        token,
        section.get("sync_interval", DURATION_VALUE, Duration.ofMinutes(2)),
        section.get("requests_per_minute", integer(1, 10_000), 360),
        section.get("page_concurrency", integer(1, 32), 4));
  }

  private ScheduleConfig schedule(Section section) {
    @Nullable ScheduleLocation source = section.optional("source", scheduleLocation()).orElse(null);
    section.forbid("token", tokenInToml(PRETALX_TOKEN));
    @Nullable Secret token = context.secrets().lookup(PRETALX_TOKEN).map(Secret::new).orElse(null);
    return new ScheduleConfig(
        source,
        token,
        section.get("refresh_interval", DURATION_VALUE, Duration.ofMinutes(5)),
        section.get("time_zone", ZONE, ZoneOffset.UTC),
        section.list("conference_days", DATE, List.of()));
  }

  private static Converter<ScheduleLocation> scheduleLocation() {
    return (raw, path, section) -> {
      String value = TEXT.convert(raw, path, section);
      if (value == null) {
        return null;
      }
      if (value.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
        URI uri = Converters.parseHttpUrl(value);
        if (uri == null) {
          section.mismatch(path, "an http(s):// URL or a file path", raw);
          return null;
        }
        return new ScheduleLocation.Url(uri);
      }
      Path file = Converters.EXISTING_FILE.convert(value, path, section);
      return file == null ? null : new ScheduleLocation.File(file);
    };
  }

  /**
   * A notification channel: a {@link ChannelRef}, or a {@link Secret} when a webhook URL stands
   * where a channel name goes (it is then treated as the key's webhook).
   */
  private static final Converter<Object> CHANNEL_OR_WEBHOOK =
      (raw, path, section) ->
          raw instanceof String text && Converters.isWebhookUrl(text)
              ? WEBHOOK.convert(raw, path, section)
              : CHANNEL.convert(raw, path, section);

  private NotificationsConfig notifications(Section section) {
    ChannelRef defaultMain = new ChannelRef("programme-notifications");
    Object main = section.get("main_channel", CHANNEL_OR_WEBHOOK, defaultMain);
    @Nullable Secret mainWebhook = section.optional("main_webhook", WEBHOOK).orElse(null);
    if (main instanceof Secret url) {
      if (mainWebhook == null) {
        mainWebhook = url;
      } else if (!mainWebhook.equals(url)) {
        section
            .problems()
            .add(
                section.pathOf("main_channel"),
                "is a webhook URL and main_webhook is set too: keep one of them");
      }
    }
    Map<String, ChannelRef> roomChannels = new LinkedHashMap<>();
    Map<String, Secret> roomWebhooks = new LinkedHashMap<>(section.table("room_webhooks", WEBHOOK));
    section
        .table("room_channels", CHANNEL_OR_WEBHOOK)
        .forEach(
            (room, target) -> {
              if (target instanceof ChannelRef channel) {
                roomChannels.put(room, channel);
              } else if (target instanceof Secret url) {
                Secret other = roomWebhooks.putIfAbsent(room, url);
                if (other != null && !other.equals(url)) {
                  section
                      .problems()
                      .add(
                          Keys.join(section.pathOf("room_channels"), room),
                          "is a webhook URL and room_webhooks has another one for this room:"
                              + " keep one of them");
                }
              }
            });
    return new NotificationsConfig(
        main instanceof ChannelRef channel ? channel : defaultMain,
        section.get("main_lead_time", DURATION_VALUE, Duration.ofMinutes(5)),
        section.get("room_lead_time", DURATION_VALUE, Duration.ofMinutes(2)),
        section.get("late_grace", DURATION_VALUE, Duration.ofMinutes(2)),
        section.list("skipped_session_types", TEXT, List.of("Break", "Lunch")),
        roomChannels,
        mainWebhook,
        roomWebhooks,
        section.optional("schedule_updates_channel", CHANNEL).orElse(null),
        section.optional("session_url_template", URL_TEMPLATE).orElse(null),
        section.optional("qa_url_template", URL_TEMPLATE).orElse(null),
        section.get("room_topics", BOOLEAN, false));
  }

  private LivestreamsConfig livestreams() {
    Map<String, Map<LocalDate, String>> byRoom = new LinkedHashMap<>();
    Converter<Map<LocalDate, String>> days =
        (raw, path, section) -> {
          if (!(raw instanceof Map)) {
            section.mismatch(path, "a table of \"YYYY-MM-DD\" = \"URL\" for this room", raw);
            return null;
          }
          Map<LocalDate, String> links = new LinkedHashMap<>();
          ((Map<?, ?>) raw)
              .forEach(
                  (day, url) -> {
                    String dayPath = Keys.join(path, String.valueOf(day));
                    LocalDate date = Converters.parseDate(String.valueOf(day));
                    URI uri = HTTP_URL.convert(url, dayPath, section);
                    if (date == null) {
                      section
                          .problems()
                          .add(dayPath, "expected a date such as \"2026-07-14\" as key");
                    } else if (uri != null) {
                      links.put(date, uri.toString());
                    }
                  });
          return links;
        };
    byRoom.putAll(root.table("livestreams", days));
    return new LivestreamsConfig(byRoom);
  }

  private JobBoardConfig jobBoard(Section section) {
    return new JobBoardConfig(
        section.get("channel", CHANNEL, new ChannelRef("job-board")),
        section.optional("csv", Converters.EXISTING_FILE).orElse(null));
  }

  private SetupBlueprint setup(Section section) {
    List<RoleBlueprint> roles = new ArrayList<>();
    for (Section role : section.sections("roles")) {
      Optional<String> name = role.required("name", TEXT, "the role's name");
      @Nullable Integer colour = role.optional("colour", COLOUR_VALUE).orElse(null);
      boolean hoist = role.get("hoist", BOOLEAN, false);
      boolean mentionable = role.get("mentionable", BOOLEAN, false);
      name.ifPresent(n -> roles.add(new RoleBlueprint(n, colour, hoist, mentionable)));
    }
    List<CategoryBlueprint> categories = new ArrayList<>();
    for (Section category : section.sections("categories")) {
      Optional<String> name = category.required("name", TEXT, "the category's name");
      List<PermissionOverwrite> overwrites = overwrites(category);
      List<ChannelBlueprint> channels = new ArrayList<>();
      for (Section channel : category.sections("channels")) {
        Optional<String> channelName = channel.required("name", TEXT, "the channel's name");
        ChannelKind kind = channel.get("type", oneOf(ChannelKind.class), ChannelKind.TEXT);
        @Nullable String topic = channel.optional("topic", STRING).orElse(null);
        List<PermissionOverwrite> channelOverwrites = overwrites(channel);
        channelName.ifPresent(
            n -> channels.add(new ChannelBlueprint(n, kind, topic, channelOverwrites)));
      }
      name.ifPresent(n -> categories.add(new CategoryBlueprint(n, overwrites, channels)));
    }
    return new SetupBlueprint(roles, categories);
  }

  private static List<PermissionOverwrite> overwrites(Section section) {
    List<PermissionOverwrite> overwrites = new ArrayList<>();
    for (Section overwrite : section.sections("overwrites")) {
      Optional<RoleRef> role = overwrite.required("role", ROLE, "a role name, id or \"@everyone\"");
      List<String> allow = overwrite.list("allow", PERMISSION_NAME, List.of());
      List<String> deny = overwrite.list("deny", PERMISSION_NAME, List.of());
      role.ifPresent(r -> overwrites.add(new PermissionOverwrite(r, allow, deny)));
    }
    return overwrites;
  }

  private AttendeeConfig attendee(Section section) {
    Locale language = section.get("default_language", LANGUAGE_TAG, Locale.ENGLISH);
    Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
    String textsPath = section.pathOf("texts");
    section
        .rawTable("texts")
        .forEach(
            (tag, raw) -> {
              String path = Keys.join(textsPath, tag);
              if (!Converters.isLanguageTag(tag)) {
                section
                    .problems()
                    .add(path, "expected a language tag such as \"en\", \"de\" or \"fr\" as key");
              } else if (!(raw instanceof Map)) {
                section.mismatch(path, "a table of text key = \"text\"", raw);
              } else {
                Map<String, String> texts = new LinkedHashMap<>();
                ((Map<?, ?>) raw)
                    .forEach(
                        (key, text) -> {
                          String value =
                              TEXT.convert(text, Keys.join(path, String.valueOf(key)), section);
                          if (value != null) {
                            texts.put(String.valueOf(key), value);
                          }
                        });
                overrides.put(tag, texts);
              }
            });
    for (TextProblem problem : Texts.problems(language, overrides)) {
      section.problems().add(problem.path(), problem.message());
    }
    Duration lead = section.get("reminder_lead", DURATION_VALUE, Duration.ofMinutes(10));
    if (lead.compareTo(Duration.ofDays(1)) > 0) {
      section
          .problems()
          .add(section.pathOf("reminder_lead"), "must be at most \"24h\", was " + lead);
      lead = Duration.ofDays(1);
    }
    return new AttendeeConfig(language, overrides, lead);
  }

  private static PrivacyConfig privacy(Section section, ScheduleConfig schedule) {
    Converter<LocalDate> lastDay =
        (raw, path, problems) -> {
          if (raw instanceof Number) {
            problems.mismatch(
                path,
                "the last day personal data is kept, a date such as 2026-08-31 (not a number"
                    + " of days)",
                raw);
            return null;
          }
          return DATE.convert(raw, path, problems);
        };
    @Nullable LocalDate keepUntil = section.optional("keep_until", lastDay).orElse(null);
    Optional<LocalDate> lastConferenceDay =
        schedule.conferenceDays().stream().max(LocalDate::compareTo);
    if (keepUntil != null
        && lastConferenceDay.isPresent()
        && keepUntil.isBefore(lastConferenceDay.get())) {
      section
          .problems()
          .add(
              section.pathOf("keep_until"),
              "expected a date on or after the last conference day "
                  + lastConferenceDay.get()
                  + " (schedule.conference_days), found "
                  + keepUntil
                  + "; personal data is needed until the event is over");
    }
    return new PrivacyConfig(keepUntil);
  }

  private RuntimeConfig runtime(Section section) {
    Path dataDir = section.get("data_dir", PATH, context.baseDirectory().resolve("data"));
    Optional<String> dataDirOverride = context.secrets().environment(DATA_DIR_VARIABLE);
    if (dataDirOverride.isPresent()) {
      dataDir = environmentPath(dataDirOverride.get(), dataDir);
    }
    @Nullable Integer port = section.optional("http_port", integer(1, 65_535)).orElse(null);
    Optional<String> portOverride = context.secrets().environment(HTTP_PORT_VARIABLE);
    if (portOverride.isPresent()) {
      port = environmentPort(portOverride.get(), port);
    }
    LogFormat format = section.get("log_format", oneOf(LogFormat.class), LogFormat.TEXT);
    @Nullable SimulatedClock clock = null;
    if (section.has("simulated_clock")) {
      Section simulated = section.section("simulated_clock");
      Optional<Instant> start =
          simulated.required(
              "start", INSTANT, "the simulated start, e.g. 2026-07-14T08:55:00+02:00");
      double speed = simulated.get("speed", decimal(0.001, 10_000), 1.0);
      clock = start.map(s -> new SimulatedClock(s, speed)).orElse(null);
    }
    return new RuntimeConfig(dataDir, port, format, clock);
  }

  private Path environmentPath(String value, Path fallback) {
    try {
      return context.baseDirectory().resolve(value).normalize();
    } catch (InvalidPathException e) {
      context
          .problems()
          .add(
              environmentKey(DATA_DIR_VARIABLE),
              "expected a directory path, found \"" + value + "\"");
      return fallback;
    }
  }

  private @Nullable Integer environmentPort(String value, @Nullable Integer fallback) {
    try {
      int port = Integer.parseInt(value.strip());
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    context
        .problems()
        .add(
            environmentKey(HTTP_PORT_VARIABLE),
            "expected an integer from 1 to 65535, found \"" + value + "\"");
    return fallback;
  }

  private static String environmentKey(String variable) {
    return "environment variable " + variable;
  }

  private static Converter<List<RoleRef>> roleList() {
    return (raw, path, section) -> {
      if (raw instanceof String || raw instanceof Integer || raw instanceof Long) {
        RoleRef single = ROLE.convert(raw, path, section);
        return single == null ? null : List.of(single);
      }
      if (!(raw instanceof List)) {
        section.mismatch(path, "an array of role names or ids", raw);
        return null;
      }
      List<RoleRef> roles = new ArrayList<>();
      List<?> elements = (List<?>) raw;
      for (int i = 0; i < elements.size(); i++) {
        RoleRef role = ROLE.convert(elements.get(i), path + "[" + i + "]", section);
        if (role != null) {
          roles.add(role);
        }
      }
      return roles;
    };
  }
}
