package dev.confbot.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a {@code .secrets} file: {@code KEY=VALUE} lines, blank lines and {@code #} comments, an
 * optional {@code export } prefix, values optionally in single or double quotes (taken literally),
 * and for unquoted values a {@code #} after whitespace starting a comment. A malformed line is
 * reported with its file and line number, never with its content.
 */
final class SecretsFile {
  private static final Pattern LINE =
      Pattern.compile("(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)");
  private static final Pattern INLINE_COMMENT = Pattern.compile("\\s#");

  private SecretsFile() {}

  /** The secrets of {@code content}; problems are added for malformed lines. */
  static Map<String, String> parse(String content, String fileName, Problems problems) {
    Map<String, String> secrets = new LinkedHashMap<>();
    String[] lines = content.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = fileName + ":" + (i + 1);
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        problems.add(
            where,
            "malformed line (expected KEY=VALUE, where KEY is letters, digits and underscores);"
                + " its content is not shown because it may hold a secret");
        continue;
      }
      String key = matcher.group(1);
      String raw = matcher.group(2);
      Optional<String> quoteProblem = quoteProblem(raw);
      if (quoteProblem.isPresent()) {
        problems.add(where + " (" + key + ")", quoteProblem.get() + " (the value is not shown)");
        continue;
      }
      String value = unquote(raw);
      if (value.isEmpty()) {
        problems.add(where + " (" + key + ")", "the value is empty");
      } else {
        secrets.put(key, value);
      }
    }
    return secrets;
  }

  private static Optional<String> quoteProblem(String raw) {
    if (!raw.startsWith("\"") && !raw.startsWith("'")) {
      return Optional.empty();
    }
    int end = raw.indexOf(raw.charAt(0), 1);
    if (end < 0) {
      return Optional.of("the value's opening quote is never closed");
    }
    String rest = raw.substring(end + 1).strip();
    if (!rest.isEmpty() && !rest.startsWith("#")) {
      return Optional.of("unexpected text after the closing quote");
    }
    return Optional.empty();
  }

  /** The value without its quotes or trailing comment; quotes are known to be well-formed. */
  private static String unquote(String raw) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      return raw.substring(1, raw.indexOf(raw.charAt(0), 1));
    }
    Matcher comment = INLINE_COMMENT.matcher(raw);
    return (comment.find() ? raw.substring(0, comment.start()) : raw).strip();
  }
}
