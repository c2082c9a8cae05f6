package dev.confbot.config;

import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One TOML table being bound to a record. Every key asked for becomes known; {@link #finish()}
 * reports every other key as unknown with a "did you mean" suggestion. Reading never throws: a
 * problem is recorded and a default or empty value returned, so that every problem of a file is
 * found in one pass.
 */
final class Section {
  private final String path;
  private final Map<String, Object> values;
  private final Context context;
  private final Set<String> known = new LinkedHashSet<>();
  private final List<Section> children = new ArrayList<>();

  /** What binding needs besides the tree: problems, secrets and the configuration's directory. */
  record Context(
      Problems problems,
      Secrets secrets,
      Path baseDirectory,
      List<Path> filesRead,
      Set<String> secretsNotNeeded) {}

  /**
   * Turns a raw TOML value into {@code T}, or adds a problem (usually through {@link
   * Section#mismatch}) and returns null.
   */
  interface Converter<T> {
    @Nullable T convert(Object raw, String path, Section section);
  }

  private Section(String path, Map<String, Object> values, Context context) {
    this.path = path;
    this.values = values;
    this.context = context;
  }

  static Section root(Map<String, Object> tree, Context context) {
    return new Section("", tree, context);
  }

  Context context() {
    return context;
  }

  Problems problems() {
    return context.problems();
  }

  /** The key path of {@code key} in this table. */
  String pathOf(String key) {
    return Keys.join(path, key);
  }

  /** True if the key is present (and marks it known). */
  boolean has(String key) {
    known.add(key);
    return values.containsKey(key);
  }

  /** The value of {@code key}, empty if absent or invalid. */
  <T> Optional<T> optional(String key, Converter<T> converter) {
    known.add(key);
    Object raw = values.get(key);
    return raw == null
        ? Optional.empty()
        : Optional.ofNullable(converter.convert(raw, pathOf(key), this));
  }

  /** The value of {@code key}, or {@code fallback} if absent or invalid. */
  <T> T get(String key, Converter<T> converter, T fallback) {
    return optional(key, converter).orElse(fallback);
  }

  /** The value of the required {@code key}; a problem if it is absent. */
  <T> Optional<T> required(String key, Converter<T> converter, String expected) {
    if (!has(key)) {
      problems().add(pathOf(key), "is missing; expected " + expected);
      return Optional.empty();
    }
    return optional(key, converter);
  }

  /** An array of {@code key}; invalid elements are reported and left out. */
  <T> List<T> list(String key, Converter<T> element, List<T> fallback) {
    known.add(key);
    Object raw = values.get(key);
    if (raw == null) {
      return fallback;
    }
    if (!(raw instanceof List)) {
      mismatch(pathOf(key), "an array", raw);
      return fallback;
    }
    List<T> result = new ArrayList<>();
    List<?> elements = (List<?>) raw;
    for (int i = 0; i < elements.size(); i++) {
      T value = element.convert(elements.get(i), pathOf(key) + "[" + i + "]", this);
      if (value != null) {
        result.add(value);
      }
    }
    return result;
  }

  /**
   * A table of {@code key} whose keys are data (room names, ticket names), not settings: every
   * value is converted, keys are not checked. Empty if absent.
   */
  <T> Map<String, T> table(String key, Converter<T> valueConverter) {
    Map<String, T> result = new LinkedHashMap<>();
    rawTable(key)
        .forEach(
            (name, raw) -> {
              T value = valueConverter.convert(raw, Keys.join(pathOf(key), name), this);
              if (value != null) {
                result.put(name, value);
              }
            });
    return result;
  }

  /** The raw entries of the table {@code key}; empty (and a problem) if it is not a table. */
  @SuppressWarnings("unchecked")
  Map<String, Object> rawTable(String key) {
    known.add(key);
    Object raw = values.get(key);
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof Map)) {
      mismatch(pathOf(key), "a table", raw);
      return Map.of();
    }
    return Collections.unmodifiableMap((Map<String, Object>) raw);
  }

  /** The sub-table {@code key} as a section (empty if absent), checked by {@link #finish()}. */
  Section section(String key) {
    Section child = new Section(pathOf(key), rawTable(key), context);
    children.add(child);
    return child;
  }

  /** The array of tables {@code key} ({@code [[key]]}), each checked by {@link #finish()}. */
  @SuppressWarnings("unchecked")
  List<Section> sections(String key) {
    known.add(key);
    Object raw = values.get(key);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List)) {
      mismatch(pathOf(key), "an array of tables ([[" + pathOf(key) + "]])", raw);
      return List.of();
    }
    List<Section> result = new ArrayList<>();
    List<?> elements = (List<?>) raw;
    for (int i = 0; i < elements.size(); i++) {
      Object element = elements.get(i);
      String elementPath = pathOf(key) + "[" + i + "]";
      if (element instanceof Map) {
        Section child = new Section(elementPath, (Map<String, Object>) element, context);
        children.add(child);
        result.add(child);
      } else {
        mismatch(elementPath, "a table", element);
      }
    }
    return result;
  }

  /** Reports {@code key} with {@code message} if present: for keys that must not be used. */
  void forbid(String key, String message) {
    known.add(key);
    if (values.containsKey(key)) {
      problems().add(pathOf(key), message);
    }
  }

  /** Reports every key that was never asked for, here and in all sub-sections. */
  void finish() {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        String hint =
            Keys.suggestion(key, known)
                .map(s -> "; did you mean \"" + s + "\"?")
                .orElse(
                    known.isEmpty()
                        ? ""
                        : "; known keys here: "
                            + known.stream().sorted().collect(Collectors.joining(", ")));
        problems().add(pathOf(key), "unknown key" + hint);
      }
    }
    children.forEach(Section::finish);
  }

  /** Adds "expected …, found …" for {@code raw} at {@code path}. */
  void mismatch(String path, String expected, Object raw) {
    problems().add(path, "expected " + expected + ", found " + describe(raw));
  }

  /** A short description of a raw value: its TOML type and, for scalars, the value itself. */
  static String describe(Object raw) {
    if (raw instanceof String value) {
      String text = Converters.withoutWebhookToken(value);
      String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
      return "string \"" + shown + "\"";
    }
    if (raw instanceof Boolean) {
      return "boolean " + raw;
    }
    if (raw instanceof Integer || raw instanceof Long) {
      return "integer " + raw;
    }
    if (raw instanceof IntegerOutOfRange big) {
      return "integer " + big.literal() + " (beyond the 64-bit range)";
    }
    if (raw instanceof Double || raw instanceof Float) {
      return "decimal " + raw;
    }
    if (raw instanceof Map) {
      return "a table";
    }
    if (raw instanceof List) {
      return "an array";
    }
    if (raw instanceof TemporalAccessor) {
      return "date/time " + raw;
    }
    return raw.getClass().getSimpleName();
  }
}
