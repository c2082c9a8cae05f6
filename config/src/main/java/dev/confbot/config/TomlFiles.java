package dev.confbot.config;

import com.electronwill.nightconfig.core.CommentedConfig;
import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.core.io.ParsingMode;
import com.electronwill.nightconfig.toml.TomlFormat;
import com.electronwill.nightconfig.toml.TomlParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads TOML into a plain tree ({@code Map<String, Object>} tables, {@code List} arrays, JDK
 * values) so that night-config's types and dotted-path lookups never leak, and merges trees.
 */
final class TomlFiles {
  private TomlFiles() {}

  /**
   * Parses {@code file}; on failure adds a problem naming the file (and line for syntax errors) and
   * returns empty.
   */
  static Optional<Map<String, Object>> read(Path file, Problems problems) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      problems.add(file.toString(), "is not valid UTF-8 text");
      return Optional.empty();
    } catch (IOException e) {
      problems.add(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    return parse(text, file.toString(), problems);
  }

  /** Parses TOML {@code text}; {@code name} identifies it in problems. */
  static Optional<Map<String, Object>> parse(String text, String name, Problems problems) {
    TomlPrescan.Result scanned = TomlPrescan.scan(text);
    if (scanned.tooDeepAt().isPresent()) {
      problems.add(
          name + ":" + scanned.tooDeepAt().get(),
          "nesting too deep at line "
              + scanned.tooDeepAt().get()
              + ": more than "
              + TomlPrescan.MAX_DEPTH
              + " arrays, inline tables or dotted keys inside each other");
      return Optional.empty();
    }
    LineCountingReader reader = new LineCountingReader(scanned.text());
    try {
      // a LinkedHashMap keeps the file's order of rooms, roles and channels
      CommentedConfig config = TomlFormat.instance().createConfig(LinkedHashMap::new);
      new TomlParser().parse(reader, config, ParsingMode.REPLACE);
      return Optional.of(toTree(config));
    } catch (ParsingException e) {
      String where = reader.atEnd() ? " (at the end of the file)" : "";
      problems.add(
          name + ":" + reader.errorLine(),
          "TOML syntax error" + where + ": " + String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  private static Map<String, Object> toTree(UnmodifiableConfig config) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (UnmodifiableConfig.Entry entry : config.entrySet()) {
      Object value = entry.getRawValue();
      if (value != null) {
        tree.put(entry.getKey(), toValue(value));
      }
    }
    return tree;
  }

  private static Object toValue(Object value) {
    if (value instanceof UnmodifiableConfig config) {
      return toTree(config);
    }
    if (value instanceof List<?> elements) {
      List<Object> list = new ArrayList<>();
      for (Object element : elements) {
        if (element != null) {
          list.add(toValue(element));
        }
      }
      return list;
    }
    if (value instanceof String text && text.startsWith(TomlPrescan.OUT_OF_RANGE_MARKER)) {
      return new IntegerOutOfRange(text.substring(TomlPrescan.OUT_OF_RANGE_MARKER.length()));
    }
    return value;
  }

  /**
   * {@code overlay} merged over {@code base}: tables merge recursively, everything else (values and
   * arrays) in {@code overlay} replaces what {@code base} has.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    overlay.forEach(
        (key, value) -> {
          Object existing = merged.get(key);
          if (existing instanceof Map && value instanceof Map) {
            merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) value));
          } else {
            merged.put(key, value);
          }
        });
    return merged;
  }

  /**
   * Counts lines as night-config's parser consumes characters (it reads one at a time), so the line
   * of a syntax error is known although the exception does not carry it.
   */
  private static final class LineCountingReader extends Reader {
    private final String text;
    private int position;
    private int line = 1;
    private char last;

    LineCountingReader(String text) {
      this.text = text;
    }

    @Override
    public int read() {
      if (position >= text.length()) {
        return -1;
      }
      last = text.charAt(position++);
      if (last == '\n') {
        line++;
      }
      return last;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      int count = 0;
      while (count < length) {
        int c = read();
        if (c < 0) {
          break;
        }
        buffer[offset + count++] = (char) c;
      }
      return count == 0 && length > 0 ? -1 : count;
    }

    /** The line being parsed; a newline just consumed still belongs to the line it ends. */
    int errorLine() {
      return last == '\n' && line > 1 ? line - 1 : line;
    }

    boolean atEnd() {
      return position >= text.length();
    }

    @Override
    public void close() {}
  }
}
