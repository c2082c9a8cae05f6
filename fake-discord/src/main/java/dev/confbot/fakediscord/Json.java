package dev.confbot.fakediscord;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/** Reads and writes untyped JSON trees (maps, lists, strings, numbers, booleans) with Moshi. */
final class Json {

  private static final JsonAdapter<Object> ADAPTER =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  private Json() {}

  /** Serialises a tree of maps, lists and scalars; nulls are written explicitly. */
  static String write(@Nullable Object value) {
    return ADAPTER.toJson(value);
  }

  /** Parses a JSON object; throws {@link DiscordError} 50109 (invalid JSON) otherwise. */
  static Obj parseObject(String text) {
    Object value = parse(text);
    if (!(value instanceof Map)) {
      throw DiscordError.invalidBody("a JSON object was expected");
    }
    return new Obj(cast(value));
  }

  /** Parses a JSON array of objects. */
  static List<Obj> parseArray(String text) {
    Object value = parse(text);
    if (!(value instanceof List)) {
      throw DiscordError.invalidBody("a JSON array was expected");
    }
    return objects((List<?>) value);
  }

  private static @Nullable Object parse(String text) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
      Object value = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IOException("trailing data");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new DiscordError(400, 50109, "The request body contains invalid JSON.");
    }
  }

  /**
   * Reads a tree like Moshi's {@code readJsonValue}, but integral numbers become exact {@link
   * Long}s: JDA writes snowflakes such as overwrite ids as JSON numbers, which a double rounds.
   */
  private static @Nullable Object read(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(read(reader));
        }
        reader.endArray();
        return list;
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String key = reader.nextName();
          map.put(key, read(reader));
        }
        reader.endObject();
        return map;
      case NUMBER:
        String number = reader.nextString();
        try {
          return Long.parseLong(number);
        } catch (NumberFormatException e) {
          return Double.parseDouble(number);
        }
      case STRING:
        return reader.nextString();
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IOException("unexpected " + reader.peek());
    }
  }

  /** Builds an insertion-ordered JSON object from alternating keys and values. */
  static Map<String, @Nullable Object> map(@Nullable Object... keysAndValues) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return map;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> cast(Object value) {
    return (Map<String, @Nullable Object>) value;
  }

  private static List<Obj> objects(List<?> list) {
    List<Obj> result = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map) {
        result.add(new Obj(cast(item)));
      }
    }
    return result;
  }

  /** A read-only view of a parsed JSON object with typed, forgiving accessors. */
  static final class Obj {
    private final Map<String, @Nullable Object> map;

    Obj(Map<String, @Nullable Object> map) {
      this.map = map;
    }

    /** The underlying map, e.g. to echo a sub-tree back unchanged. */
    Map<String, @Nullable Object> raw() {
      return Collections.unmodifiableMap(map);
    }

    boolean has(String key) {
      return map.containsKey(key);
    }

    boolean isNull(String key) {
      return map.containsKey(key) && map.get(key) == null;
    }

    Optional<String> string(String key) {
      Object value = map.get(key);
      if (value == null) {
        return Optional.empty();
      }
      if (value instanceof Double) {
        return Optional.of(String.valueOf(((Double) value).longValue()));
      }
      return Optional.of(String.valueOf(value));
    }

    String string(String key, String fallback) {
      return string(key).orElse(fallback);
    }

    Optional<Long> number(String key) {
      Object value = map.get(key);
      if (value instanceof Number) {
        return Optional.of(((Number) value).longValue());
      }
      if (value instanceof String) {
        try {
          return Optional.of(Long.parseLong((String) value));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }

    long number(String key, long fallback) {
      return number(key).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
      Object value = map.get(key);
      return value instanceof Boolean ? (Boolean) value : fallback;
    }

    Optional<Obj> object(String key) {
      Object value = map.get(key);
      return value instanceof Map ? Optional.of(new Obj(cast(value))) : Optional.empty();
    }

    List<Obj> objects(String key) {
      Object value = map.get(key);
      return value instanceof List ? Json.objects((List<?>) value) : List.of();
    }

    List<Object> list(String key) {
      Object value = map.get(key);
      if (!(value instanceof List)) {
        return List.of();
      }
      List<Object> result = new ArrayList<>();
      for (Object item : (List<?>) value) {
        if (item != null) {
          result.add(item);
        }
      }
      return result;
    }

    Optional<Object> value(String key) {
      return Optional.ofNullable(map.get(key));
    }
  }
}
