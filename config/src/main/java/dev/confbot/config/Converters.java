package dev.confbot.config;

import dev.confbot.config.Section.Converter;
import dev.confbot.core.model.RoleRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Converters from raw TOML values to configuration types, each with a clear expectation. */
final class Converters {
  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern COLOUR = Pattern.compile("#?([0-9A-Fa-f]{6})");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
  private static final Pattern PERMISSION = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  static final String DURATION_EXPECTED = "a duration such as \"90s\", \"5m\" or \"1h30m\"";

  private Converters() {}

  /** A string; {@code ${NAME}} references are resolved from the secrets. */
  static final Converter<String> STRING =
      (raw, path, section) -> {
        if (!(raw instanceof String text)) {
          section.mismatch(path, "a string", raw);
          return null;
        }
        return section.context().secrets().resolve(text, path, section.problems()).orElse(null);
      };

  /** A string that is not blank. */
  static final Converter<String> TEXT =
      (raw, path, section) -> {
        String value = STRING.convert(raw, path, section);
        if (value != null && value.isBlank()) {
          section.problems().add(path, "must not be empty");
          return null;
        }
        return value == null ? null : value.strip();
      };

  static final Converter<Boolean> BOOLEAN =
      (raw, path, section) -> {
        if (!(raw instanceof Boolean value)) {
          section.mismatch(path, "true or false", raw);
          return null;
        }
        return value;
      };

  /** A Discord id: a positive integer, or digits in a string. */
  static final Converter<Long> SNOWFLAKE =
      (raw, path, section) -> {
        Long value = null;
        if (raw instanceof Integer || raw instanceof Long) {
          value = ((Number) raw).longValue();
        } else if (raw instanceof String text && text.strip().matches("\\d{1,19}")) {
          try {
            value = Long.parseLong(text.strip());
          } catch (NumberFormatException e) {
            value = null;
          }
        }
        if (value == null || value <= 0) {
          section.mismatch(
              path, "a Discord id (a positive integer such as 1120774936655568896)", raw);
          return null;
        }
        return value;
      };

  static Converter<Integer> integer(int min, int max) {
    return (raw, path, section) -> {
      if (raw instanceof Integer || raw instanceof Long) {
        long value = ((Number) raw).longValue();
        if (value >= min && value <= max) {
          return (int) value;
        }
      }
      section.mismatch(path, "an integer from " + min + " to " + max, raw);
      return null;
    };
  }

  static Converter<Double> decimal(double min, double max) {
    return (raw, path, section) -> {
      if (raw instanceof Number number) {
        double value = number.doubleValue();
        if (value >= min && value <= max) {
          return value;
        }
      }
      section.mismatch(path, "a number from " + min + " to " + max, raw);
      return null;
    };
  }

  /** A positive duration: {@code "90s"}, {@code "5m"}, {@code "1h30m"} or ISO-8601 {@code PT5M}. */
  static final Converter<Duration> DURATION_VALUE =
      (raw, path, section) -> {
        Duration value = raw instanceof String text ? parseDuration(text.strip()) : null;
        if (value == null || value.isNegative() || value.isZero()) {
          section.mismatch(path, DURATION_EXPECTED, raw);
          return null;
        }
        return value;
      };

  private static @org.jspecify.annotations.Nullable Duration parseDuration(String text) {
    if (text.toUpperCase(Locale.ROOT).startsWith("PT")) {
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher matcher = DURATION.matcher(text);
    if (text.isEmpty() || !matcher.matches()) {
      return null;
    }
    Duration duration = Duration.ZERO;
    if (matcher.group(1) != null) {
      duration = duration.plusHours(Long.parseLong(matcher.group(1)));
    }
    if (matcher.group(2) != null) {
      duration = duration.plusMinutes(Long.parseLong(matcher.group(2)));
    }
    if (matcher.group(3) != null) {
      duration = duration.plusSeconds(Long.parseLong(matcher.group(3)));
    }
    return duration;
  }

  /**
   * A Discord incoming-webhook URL ({@code https://discord.com/api/webhooks/{id}/{token}}, or the
   * same path under another base); group 1 is the id, group 2 the token.
   */
  static final Pattern WEBHOOK_URL =
      Pattern.compile("^https?://[^\\s/]+(?:/[^\\s]*)?/webhooks/(\\d{1,20})/([\\w.-]+)/?$");

  /** True when the text is a Discord webhook URL (whose token is a secret). */
  static boolean isWebhookUrl(String text) {
    return WEBHOOK_URL.matcher(text.strip()).matches();
  }

  /** The text with a webhook URL's token replaced by {@code ***}, for messages. */
  static String withoutWebhookToken(String text) {
    Matcher m = WEBHOOK_URL.matcher(text.strip());
    return m.matches()
        ? text.strip().substring(0, m.start(2)) + "***" + text.strip().substring(m.end(2))
        : text;
  }

  /**
   * A channel by name ({@code "registration"} or {@code "#registration"}) or id. A webhook URL is
   * refused without echoing it: as a channel name its token would reach logs and the ledger.
   */
  static final Converter<ChannelRef> CHANNEL =
      (raw, path, section) -> {
        if (raw instanceof String url && isWebhookUrl(url)) {
          section
              .problems()
              .add(
                  path,
                  "is a Discord webhook URL (not shown: its token is a secret); webhooks can only"
                      + " post programme notifications: use notifications.main_channel,"
                      + " notifications.room_channels, main_webhook or room_webhooks, and a"
                      + " channel name or id here");
          return null;
        }
        if (raw instanceof Integer || raw instanceof Long) {
          Long id = SNOWFLAKE.convert(raw, path, section);
          return id == null ? null : new ChannelRef(Long.toString(id));
        }
        if (!(raw instanceof String text) || text.replace("#", "").isBlank()) {
          section.mismatch(path, "a channel name or id", raw);
          return null;
        }
        String value = STRING.convert(raw, path, section);
        return value == null ? null : new ChannelRef(value);
      };

  /** A role by name or id. */
  static final Converter<RoleRef> ROLE =
      (raw, path, section) -> {
        if (raw instanceof Integer || raw instanceof Long) {
          Long id = SNOWFLAKE.convert(raw, path, section);
          return id == null ? null : new RoleRef(Long.toString(id));
        }
        if (!(raw instanceof String text) || text.isBlank()) {
          section.mismatch(path, "a role name or id", raw);
          return null;
        }
        String value = STRING.convert(raw, path, section);
        return value == null ? null : new RoleRef(value);
      };

  /** An absolute {@code http} or {@code https} URL. */
  static final Converter<URI> HTTP_URL =
      (raw, path, section) -> {
        String value = STRING.convert(raw, path, section);
        if (value == null) {
          return null;
        }
        URI uri = parseHttpUrl(value.strip());
        if (uri == null) {
          // the value may come from a secret: show only the raw configuration text
          section.mismatch(path, "an http:// or https:// URL", raw);
        }
        return uri;
      };

  static @org.jspecify.annotations.Nullable URI parseHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return http && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** A file path, resolved against the configuration's directory. */
  static final Converter<Path> PATH =
      (raw, path, section) -> {
        String value = TEXT.convert(raw, path, section);
        if (value == null) {
          return null;
        }
        try {
          return section.context().baseDirectory().resolve(value).normalize();
        } catch (InvalidPathException e) {
          section.mismatch(path, "a file path", raw);
          return null;
        }
      };

  /** A path to a file that must exist, resolved against the configuration's directory. */
  static final Converter<Path> EXISTING_FILE =
      (raw, path, section) -> {
        Path file = PATH.convert(raw, path, section);
        if (file != null && !Files.isRegularFile(file)) {
          section.problems().add(path, "file " + file + " does not exist");
          return null;
        }
        return file;
      };

  /** A date, as a TOML local date or a {@code "YYYY-MM-DD"} string. */
  static final Converter<LocalDate> DATE =
      (raw, path, section) -> {
        if (raw instanceof LocalDate date) {
          return date;
        }
        if (raw instanceof String text) {
          LocalDate date = parseDate(text);
          if (date != null) {
            return date;
          }
        }
        section.mismatch(path, "a date such as 2026-07-14", raw);
        return null;
      };

  static @org.jspecify.annotations.Nullable LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A time zone id such as {@code Europe/Prague}. */
  static final Converter<ZoneId> ZONE =
      (raw, path, section) -> {
        if (raw instanceof String text) {
          try {
            return ZoneId.of(text.strip());
          } catch (DateTimeException e) {
            section.mismatch(path, "a time zone such as \"Europe/Prague\" or \"UTC\"", raw);
            return null;
          }
        }
        section.mismatch(path, "a time zone such as \"Europe/Prague\" or \"UTC\"", raw);
        return null;
      };

  /** An instant written with its offset: a TOML offset date-time or an ISO-8601 string. */
  static final Converter<Instant> INSTANT =
      (raw, path, section) -> {
        if (raw instanceof OffsetDateTime offsetDateTime) {
          return offsetDateTime.toInstant();
        }
        if (raw instanceof ZonedDateTime zonedDateTime) {
          return zonedDateTime.toInstant();
        }
        if (raw instanceof String text) {
          try {
            return OffsetDateTime.parse(text.strip()).toInstant();
          } catch (DateTimeParseException e) {
            // reported below
          }
        }
        section.mismatch(path, "a date-time with offset such as 2026-07-14T08:55:00+02:00", raw);
        return null;
      };

  /** An RGB colour {@code "#rrggbb"}. */
  static final Converter<Integer> COLOUR_VALUE =
      (raw, path, section) -> {
        if (raw instanceof String text) {
          Matcher matcher = COLOUR.matcher(text.strip());
          if (matcher.matches()) {
            return Integer.parseInt(matcher.group(1), 16);
          }
        }
        section.mismatch(path, "a colour such as \"#3776ab\"", raw);
        return null;
      };

  /** A Discord permission name as JDA spells it, e.g. {@code VIEW_CHANNEL}. */
  static final Converter<String> PERMISSION_NAME =
      (raw, path, section) -> {
        if (raw instanceof String text && PERMISSION.matcher(text.strip()).matches()) {
          return text.strip();
        }
        section.mismatch(path, "a permission name such as \"VIEW_CHANNEL\"", raw);
        return null;
      };

  /** A language tag such as {@code en} or {@code de}. */
  static final Converter<Locale> LANGUAGE_TAG =
      (raw, path, section) -> {
        if (raw instanceof String text && LANGUAGE.matcher(text.strip()).matches()) {
          return Locale.forLanguageTag(text.strip());
        }
        section.mismatch(path, "a language tag such as \"en\", \"de\" or \"fr\"", raw);
        return null;
      };

  static boolean isLanguageTag(String tag) {
    return LANGUAGE.matcher(tag).matches();
  }

  /** A URL template using only the session placeholders. */
  static final Converter<String> URL_TEMPLATE =
      (raw, path, section) -> {
        String value = TEXT.convert(raw, path, section);
        if (value == null) {
          return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(value);
        boolean valid = true;
        while (matcher.find()) {
          if (!NotificationsConfig.URL_PLACEHOLDERS.contains(matcher.group())) {
            section
                .problems()
                .add(
                    path,
                    "unknown placeholder "
                        + matcher.group()
                        + "; use "
                        + String.join(", ", NotificationsConfig.URL_PLACEHOLDERS));
            valid = false;
          }
        }
        if (parseHttpUrl(PLACEHOLDER.matcher(value).replaceAll("x")) == null) {
          section.mismatch(path, "an http:// or https:// URL template", raw);
          valid = false;
        }
        return valid ? value : null;
      };

  /** One of the constants of {@code type}, written in lower case. */
  static <E extends Enum<E>> Converter<E> oneOf(Class<E> type) {
    return (raw, path, section) -> {
      if (raw instanceof String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
          if (constant.name().equals(name)) {
            return constant;
          }
        }
      }
      List<String> names =
          Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.toList());
      String choices = names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
      String hint =
          raw instanceof String text
              ? Keys.suggestion(text.strip(), names)
                  .map(n -> "; did you mean \"" + n + "\"?")
                  .orElse("")
              : "";
      section
          .problems()
          .add(path, "expected one of " + choices + ", found " + Section.describe(raw) + hint);
      return null;
    };
  }
}
