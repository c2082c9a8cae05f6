package dev.confbot.adapter.pretalx;

import com.squareup.moshi.JsonReader;
import dev.confbot.core.port.GatewayException;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * A null-safe view of a JSON value read by Moshi ({@code Map}, {@code List}, {@code String}, {@code
 * Double}, {@code Boolean} or null). Navigating into a missing or mistyped value gives an empty
 * view instead of an exception, so that one odd slot never breaks a whole schedule.
 */
final class JsonValue {

  private static final JsonValue MISSING = new JsonValue(null);

  private final @Nullable Object value;

  private JsonValue(@Nullable Object value) {
    this.value = value;
  }

  /**
   * Reads a whole JSON document. Throws {@link GatewayException} when the text is not one complete
   * JSON value (malformed, truncated or followed by more data), saying where it broke.
   */
  static JsonValue parse(String json) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Object root;
      try {
        root = reader.readJsonValue();
      } catch (EOFException e) {
        throw new GatewayException("pretalx", "schedule is truncated (the JSON ends early)", e);
      } catch (IOException | RuntimeException e) {
        throw new GatewayException("pretalx", "schedule is not valid JSON" + where(e), e);
      }
      try {
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
          throw new IOException("more than one JSON value");
        }
      } catch (IOException e) {
        throw new GatewayException("pretalx", "schedule has trailing data after the JSON", e);
      }
      return new JsonValue(root);
    } catch (IOException e) {
      throw new GatewayException("pretalx", "schedule could not be read", e);
    }
  }

  /** " at $.slots[3]" from Moshi's message, or nothing. */
  private static String where(Exception e) {
    String message = e.getMessage();
    if (message == null) {
      return "";
    }
    int at = message.lastIndexOf(" at path ");
    return at < 0 ? "" : " at " + message.substring(at + " at path ".length());
  }

  /** The member {@code key} of an object; missing when this is not an object. */
  JsonValue get(String key) {
    if (value instanceof Map) {
      return wrap(((Map<?, ?>) value).get(key));
    }
    return MISSING;
  }

  /** True when this is an object that has the key, even with a null value. */
  boolean has(String key) {
    return value instanceof Map && ((Map<?, ?>) value).containsKey(key);
  }

  boolean isObject() {
    return value instanceof Map;
  }

  boolean isArray() {
    return value instanceof List;
  }

  /** True for JSON null and for absent members. */
  boolean isNull() {
    return value == null;
  }

  /** The elements of an array; empty when this is not an array. */
  List<JsonValue> elements() {
    if (!(value instanceof List)) {
      return List.of();
    }
    List<JsonValue> result = new ArrayList<>();
    for (Object element : (List<?>) value) {
      result.add(wrap(element));
    }
    return result;
  }

  /** The members of an object in document order; empty when this is not an object. */
  List<Map.Entry<String, JsonValue>> members() {
    if (!(value instanceof Map)) {
      return List.of();
    }
    List<Map.Entry<String, JsonValue>> result = new ArrayList<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      result.add(Map.entry(String.valueOf(entry.getKey()), wrap(entry.getValue())));
    }
    return result;
  }

  /**
   * The value as text, trimmed, empty when blank. A multilingual object ({@code {"en": "…"}}) gives
   * the entry for {@code language}, else {@code "en"}, else the first non-blank entry. Numbers give
   * their integral form when they have no fraction ({@code 2193}, not {@code 2193.0}).
   */
  Optional<String> text(String language) {
    if (value instanceof String string) {
      String trimmed = string.strip();
      return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
    if (value instanceof Double number) {
      if (number == Math.rint(number) && !Double.isInfinite(number)) {
        return Optional.of(Long.toString(number.longValue()));
      }
      return Optional.of(number.toString());
    }
    if (value instanceof Map) {
      Optional<String> preferred = get(language).plainText();
      if (preferred.isPresent()) {
        return preferred;
      }
      Optional<String> english = get("en").plainText();
      if (english.isPresent()) {
        return english;
      }
      for (Map.Entry<String, JsonValue> member : members()) {
        Optional<String> text = member.getValue().plainText();
        if (text.isPresent()) {
          return text;
        }
      }
    }
    return Optional.empty();
  }

  /** The value if it is a string, exactly as written (not trimmed); else empty. */
  Optional<String> raw() {
    return value instanceof String string ? Optional.of(string) : Optional.empty();
  }

  private Optional<String> plainText() {
    return value instanceof String ? text("en") : Optional.empty();
  }

  /**
   * The value as a whole number; empty unless it is a number (or numeric text) without fraction.
   */
  Optional<Long> wholeNumber() {
    if (value instanceof Double number) {
      return number == Math.rint(number) && !Double.isInfinite(number)
          ? Optional.of(number.longValue())
          : Optional.empty();
    }
    if (value instanceof String string) {
      try {
        return Optional.of(Long.parseLong(string.strip()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static JsonValue wrap(@Nullable Object value) {
    return value == null ? MISSING : new JsonValue(value);
  }
}
