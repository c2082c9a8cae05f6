package dev.confbot.core.registration;

import dev.confbot.core.i18n.Language;
import dev.confbot.core.i18n.TextBundle;
import dev.confbot.core.i18n.Texts;
import dev.confbot.core.model.MemberId;
import dev.confbot.core.model.OrderCode;
import dev.confbot.core.model.OrderStatus;
import dev.confbot.core.model.PositionKey;
import dev.confbot.core.model.RoleRef;
import dev.confbot.core.registration.RegistrationResult.AlreadyRegistered;
import dev.confbot.core.registration.RegistrationResult.ClaimedByOther;
import dev.confbot.core.registration.RegistrationResult.Interrupted;
import dev.confbot.core.registration.RegistrationResult.InvalidCode;
import dev.confbot.core.registration.RegistrationResult.NameMismatch;
import dev.confbot.core.registration.RegistrationResult.NoRolesMapped;
import dev.confbot.core.registration.RegistrationResult.OrderCanceled;
import dev.confbot.core.registration.RegistrationResult.OrderNotFound;
import dev.confbot.core.registration.RegistrationResult.OrderNotPaid;
import dev.confbot.core.registration.RegistrationResult.Registered;
import dev.confbot.core.registration.RegistrationResult.TestMode;
import dev.confbot.core.registration.RegistrationResult.TicketsUnavailable;
import dev.confbot.core.registration.RegistrationResult.TooManyAttempts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * All registration texts in one place, keyed: attendee messages under the outcome code (with a
 * variant such as {@code ORDER_NOT_PAID.expired}) and organizer log lines under {@code log.} plus
 * the outcome code. Placeholders in braces are filled per result: {@code {order}} (the full code,
 * attendee texts only), {@code {ref}} (the first two characters, log lines), {@code {position}},
 * {@code {ticket}}, {@code {roles}}, {@code {minutes}}, {@code {system}}, {@code {member}}, {@code
 * {holder}} and {@code {help}} (the help channel). Attendee texts come from the language bundles of
 * {@link Texts} (keys {@code registration.*}, see {@link #forLanguage}); log lines are English
 * only. The constructor's overrides replace English texts key by key.
 */
public final class RegistrationMessages {
  private static final String TEXT_PREFIX = "registration.";
  private static final Map<String, String> LOG_LINES = logLines();
  private static final Map<String, String> DEFAULTS =
      withLogLines(attendeeTexts(Texts.bundled().forLanguage(Language.ENGLISH)));

  /** The built-in English texts, referring to "the help channel". */
  public static final RegistrationMessages ENGLISH =
      new RegistrationMessages(Map.of(), "the help channel");

  private final Map<String, String> texts;
  private final String help;

  /**
   * Texts with overrides.
   *
   * @param overrides key → text replacing the English default (unknown keys are rejected)
   * @param help how attendee texts name the help channel, e.g. {@code <#123>} or "#help-desk"
   */
  public RegistrationMessages(Map<String, String> overrides, String help) {
    for (String key : overrides.keySet()) {
      if (!DEFAULTS.containsKey(key)) {
        throw new IllegalArgumentException("unknown registration message key: " + key);
      }
    }
    Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
    merged.putAll(overrides);
    this.texts = Map.copyOf(merged);
    this.help = help;
  }

  private RegistrationMessages(String help, Map<String, String> texts) {
    this.texts = Map.copyOf(texts);
    this.help = help;
  }

  /**
   * The attendee texts of one language, with the organizer's overrides (from {@link
   * Texts#forLocale}); organizer log lines stay English.
   *
   * @param help how attendee texts name the help channel, e.g. {@code <#123>} or "#help-desk"
   */
  public static RegistrationMessages forLanguage(TextBundle texts, String help) {
    return new RegistrationMessages(help, withLogLines(attendeeTexts(texts)));
  }

  /**
   * The key of a registration text in the language bundles and {@code [attendee.texts.<lang>]},
   * e.g. {@code registration.order_not_paid.expired} for {@code ORDER_NOT_PAID.expired}.
   */
  public static String textKey(RegistrationResult result) {
    return TEXT_PREFIX + messageKey(result).toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> withLogLines(Map<String, String> attendeeTexts) {
    Map<String, String> all = new LinkedHashMap<>(attendeeTexts);
    all.putAll(LOG_LINES);
    return Collections.unmodifiableMap(all);
  }

  /** Every key with its English default text, in a stable order (for docs and translators). */
  public static Map<String, String> englishTexts() {
    return DEFAULTS;
  }

  /** The key of the attendee message for a result, e.g. {@code ORDER_NOT_PAID.expired}. */
  public static String messageKey(RegistrationResult result) {
    String code = result.code().name();
    if (result instanceof OrderNotPaid) {
      return code + "." + statusName(((OrderNotPaid) result).status());
    }
    if (result instanceof OrderCanceled) {
      return code + (((OrderCanceled) result).wholeOrder() ? ".order" : ".position");
    }
    if (result instanceof InvalidCode) {
      return code + "." + ((InvalidCode) result).reason().name().toLowerCase(Locale.ROOT);
    }
    if (result instanceof TicketsUnavailable) {
      return code + ("pretix".equals(((TicketsUnavailable) result).system()) ? "" : ".roles");
    }
    return code;
  }

  /** The friendly attendee message for a result. */
  public String attendeeMessage(RegistrationResult result) {
    return fill(text(messageKey(result)), result, null);
  }

  /** The organizer log line: member mention, order code by its first two characters, why. */
  public String logLine(MemberId member, RegistrationResult result) {
    return fill(text("log." + result.code().name()), result, member);
  }

  private String text(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new AssertionError("no registration text for " + key);
    }
    return text;
  }

  private String fill(String template, RegistrationResult r, @Nullable MemberId member) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("help", help);
    if (member != null) {
      values.put("member", member.mention());
    }
    if (r instanceof Registered) {
      Registered x = (Registered) r;
      putPosition(values, x.position());
      values.put("ticket", x.product().displayName());
      values.put("roles", roles(x.roles()));
    } else if (r instanceof AlreadyRegistered) {
      AlreadyRegistered x = (AlreadyRegistered) r;
      putPosition(values, x.position());
      values.put("ticket", x.product().displayName());
      values.put("roles", roles(x.roles()));
    } else if (r instanceof ClaimedByOther) {
      ClaimedByOther x = (ClaimedByOther) r;
      putPosition(values, x.position());
      values.put("holder", x.holder().mention());
    } else if (r instanceof NameMismatch) {
      putOrder(values, ((NameMismatch) r).order());
    } else if (r instanceof OrderNotFound) {
      putOrder(values, ((OrderNotFound) r).order());
    } else if (r instanceof OrderNotPaid) {
      OrderNotPaid x = (OrderNotPaid) r;
      putOrder(values, x.order());
      values.put("status", statusName(x.status()));
    } else if (r instanceof OrderCanceled) {
      OrderCanceled x = (OrderCanceled) r;
      putOrder(values, x.order());
      values.put("status", x.wholeOrder() ? "order" : "position");
    } else if (r instanceof TestMode) {
      putOrder(values, ((TestMode) r).order());
    } else if (r instanceof InvalidCode) {
      values.put("status", ((InvalidCode) r).reason().name().toLowerCase(Locale.ROOT));
    } else if (r instanceof NoRolesMapped) {
      NoRolesMapped x = (NoRolesMapped) r;
      putPosition(values, x.position());
      values.put("ticket", x.product().displayName());
    } else if (r instanceof TooManyAttempts) {
      long seconds = ((TooManyAttempts) r).retryAfter().toSeconds();
      values.put("minutes", Long.toString(Math.max(1, (seconds + 59) / 60)));
    } else if (r instanceof TicketsUnavailable) {
      values.put("system", ((TicketsUnavailable) r).system());
    } else if (r instanceof Interrupted) {
      putPosition(values, ((Interrupted) r).position());
    } else {
      throw new AssertionError(r);
    }
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static void putOrder(Map<String, String> values, OrderCode code) {
    values.put("order", code.value());
    values.put("ref", code.redacted());
  }

  private static void putPosition(Map<String, String> values, PositionKey key) {
    putOrder(values, key.order());
    values.put("position", Integer.toString(key.position()));
  }

  private static String roles(Set<RoleRef> roles) {
    return roles.stream().map(RoleRef::value).sorted().collect(Collectors.joining(", "));
  }

  private static Map<String, String> attendeeTexts(TextBundle bundle) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : bundle.keys()) {
      if (key.startsWith(TEXT_PREFIX)) {
        String rest = key.substring(TEXT_PREFIX.length());
        int dot = rest.indexOf('.');
        String code = dot < 0 ? rest : rest.substring(0, dot);
        String variant = dot < 0 ? "" : rest.substring(dot);
        m.put(code.toUpperCase(Locale.ROOT) + variant, bundle.get(key));
      }
    }
    return m;
  }

  private static Map<String, String> logLines() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("log.REGISTERED", "✅ {member} registered {ref}-{position} ({ticket}) → {roles}");
    m.put(
        "log.ALREADY_REGISTERED",
        "🔁 {member} registered {ref}-{position} ({ticket}) again; roles re-applied: {roles}");
    m.put(
        "log.CLAIMED_BY_OTHER",
        "⚠️ {member} tried to register {ref}-{position}, which {holder} already holds");
    m.put("log.NAME_MISMATCH", "❌ {member}: name does not match any ticket of {ref}");
    m.put("log.ORDER_NOT_FOUND", "❌ {member}: order {ref} not found");
    m.put("log.ORDER_NOT_PAID", "❌ {member}: order {ref} is {status}, not paid");
    m.put("log.ORDER_CANCELED", "❌ {member}: {status} {ref} was cancelled");
    m.put("log.TEST_MODE", "❌ {member}: {ref} is a test-mode order");
    m.put("log.INVALID_CODE", "❌ {member}: invalid order code ({status})");
    m.put(
        "log.NO_ROLES_MAPPED",
        "⚠️ {member}: ticket {ref}-{position} ({ticket}) maps to no role; add it to the role"
            + " mapping");
    m.put("log.TOO_MANY_ATTEMPTS", "⛔ {member}: too many failed attempts, refused");
    m.put("log.TICKETS_UNAVAILABLE", "⚠️ {member}: could not register, {system} is unavailable");
    m.put(
        "log.INTERRUPTED",
        "↩️ {member}: {ref}-{position} was released while they registered it; roles taken back");
    return m;
  }

  private static String statusName(OrderStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
