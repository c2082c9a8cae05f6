package dev.confbot.config;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Looks at TOML text before night-config parses it, for two things night-config gets wrong:
 *
 * <ul>
 *   <li>integers beyond the 64-bit range: night-config 3.8 wraps them silently (a {@code guild_id}
 *       of {@code 19223372036854775808} becomes {@code 776627963145224192}). Each such literal in a
 *       value position is replaced by a string holding a marker and the literal, which {@link
 *       TomlFiles} turns into an {@link IntegerOutOfRange}, so the key that holds it fails its
 *       check with "expected an integer from … to …, found integer …";
 *   <li>deep nesting: night-config parses arrays and inline tables recursively and throws {@link
 *       StackOverflowError} at a few thousand levels (and the tree conversion recurses over dotted
 *       tables too). More than {@link #MAX_DEPTH} levels is reported as "nesting too deep at line
 *       N" instead.
 * </ul>
 *
 * <p>The scan understands just enough TOML for this: comments, the four kinds of strings, table
 * headers, keys (dotted or quoted), arrays and inline tables. Replacements never add or remove a
 * line, so line numbers in later syntax errors still match the file.
 */
final class TomlPrescan {
  /** Arrays, inline tables and dotted key segments allowed inside each other. */
  static final int MAX_DEPTH = 100;

  /** Starts the string that stands for an integer literal beyond 64 bits. */
  static final String OUT_OF_RANGE_MARKER = "\u0000confbot-integer-out-of-range:";

  private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * The text to parse, or the line at which the nesting is too deep.
   *
   * @param text the text with out-of-range integers replaced (when {@code tooDeepAt} is empty)
   * @param tooDeepAt the line (from 1) where nesting exceeds {@link #MAX_DEPTH}
   */
  record Result(String text, Optional<Integer> tooDeepAt) {}

  private final String in;
  private final StringBuilder out;
  private int pos;
  private int line = 1;
  private final Deque<Character> containers = new ArrayDeque<>();
  private final Deque<Integer> savedKeyDots = new ArrayDeque<>();
  private boolean expectValue;
  private int headerDepth;
  private int keyDots;

  private TomlPrescan(String text) {
    this.in = text;
    this.out = new StringBuilder(text.length());
  }

  static Result scan(String text) {
    TomlPrescan scan = new TomlPrescan(text);
    Integer tooDeep = scan.run();
    return new Result(scan.out.toString(), Optional.ofNullable(tooDeep));
  }

  /** Returns the line where nesting got too deep, or null. */
  private @Nullable Integer run() {
    while (pos < in.length()) {
      char c = in.charAt(pos);
      if (c == '#') {
        copyUntilLineEnd();
      } else if (c == '\n') {
        copy();
        line++;
        if (containers.isEmpty()) {
          expectValue = false;
          keyDots = 0;
        }
      } else if (c == '"' || c == '\'') {
        copyString(c);
        if (expectValue) {
          expectValue = false;
        }
      } else if (c == '=') {
        copy();
        expectValue = true;
      } else if (c == '[' && containers.isEmpty() && !expectValue) {
        if (!copyHeader()) {
          return line;
        }
      } else if (c == '[' || c == '{') {
        copy();
        containers.push(c);
        savedKeyDots.push(keyDots);
        expectValue = c == '[';
        if (depth() > MAX_DEPTH) {
          return line;
        }
      } else if (c == ']' || c == '}') {
        copy();
        if (!containers.isEmpty()) {
          containers.pop();
          keyDots = savedKeyDots.pop();
        }
        expectValue = false;
      } else if (c == ',') {
        copy();
        if (!containers.isEmpty()) {
          expectValue = containers.peek() == '[';
          if (containers.peek() == '{') {
            keyDots = savedKeyDots.peek();
          }
        }
      } else if (c == '.' && !expectValue) {
        copy();
        keyDots++;
        if (depth() > MAX_DEPTH) {
          return line;
        }
      } else if (isBare(c)) {
        int start = pos;
        while (pos < in.length() && isBare(in.charAt(pos))) {
          pos++;
        }
        String token = in.substring(start, pos);
        if (expectValue) {
          expectValue = false;
          if (outOfRange(token)) {
            out.append('"').append(escapedMarker()).append(token).append('"');
            continue;
          }
        } else {
          keyDots += (int) token.chars().filter(ch -> ch == '.').count();
          if (depth() > MAX_DEPTH) {
            return line;
          }
        }
        out.append(token);
      } else {
        copy();
      }
    }
    return null;
  }

  private int depth() {
    return headerDepth + keyDots + containers.size();
  }

  /** Copies a table header {@code [a.b]} or {@code [[a.b]]}; false when it nests too deep. */
  private boolean copyHeader() {
    int dots = 0;
    copy();
    while (pos < in.length()) {
      char c = in.charAt(pos);
      if (c == '\n' || c == '#') {
        break;
      }
      if (c == '"' || c == '\'') {
        copyString(c);
        continue;
      }
      copy();
      if (c == '.') {
        dots++;
        if (dots + 1 > MAX_DEPTH) {
          return false;
        }
      } else if (c == ']') {
        if (pos < in.length() && in.charAt(pos) == ']') {
          copy();
        }
        break;
      }
    }
    headerDepth = dots + 1;
    keyDots = 0;
    return true;
  }

  /** Copies a string of any of the four kinds, counting the lines of multi-line strings. */
  private void copyString(char quote) {
    boolean multi = in.startsWith(String.valueOf(quote).repeat(3), pos);
    boolean escapes = quote == '"';
    if (multi) {
      out.append(in, pos, pos + 3);
      pos += 3;
    } else {
      copy();
    }
    String end = multi ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    while (pos < in.length()) {
      char c = in.charAt(pos);
      if (escapes && c == '\\') {
        copy();
        if (pos < in.length()) {
          if (in.charAt(pos) == '\n') {
            line++;
          }
          copy();
        }
        continue;
      }
      if (in.startsWith(end, pos)) {
        if (multi) {
          // up to two more quotes right before the closing three belong to the string
          int run = 0;
          while (pos + run < in.length() && in.charAt(pos + run) == quote) {
            run++;
          }
          int take = Math.min(run, 5);
          out.append(in, pos, pos + take);
          pos += take;
        } else {
          copy();
        }
        return;
      }
      if (c == '\n') {
        if (!multi) {
          return; // an unterminated string: the parser reports it
        }
        line++;
      }
      copy();
    }
  }

  private void copyUntilLineEnd() {
    while (pos < in.length() && in.charAt(pos) != '\n') {
      copy();
    }
  }

  private void copy() {
    out.append(in.charAt(pos++));
  }

  private static boolean isBare(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '+'
        || c == '.'
        || c == ':';
  }

  /** True for an integer literal (decimal, hex, octal or binary) beyond the 64-bit range. */
  static boolean outOfRange(String token) {
    String digits = token.replace("_", "");
    int radix = 10;
    String lower = digits.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
    } else if (lower.startsWith("0o")) {
      radix = 8;
    } else if (lower.startsWith("0b")) {
      radix = 2;
    }
    String body = radix == 10 ? digits : digits.substring(2);
    if (radix == 10 && !body.matches("[+-]?[0-9]+")) {
      return false;
    }
    int base = radix;
    if (radix != 10
        && (body.isEmpty() || !body.chars().allMatch(ch -> Character.digit(ch, base) >= 0))) {
      return false;
    }
    BigInteger value = new BigInteger(body, radix);
    return value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0;
  }

  /** The marker as it is written inside a TOML basic string. */
  private static String escapedMarker() {
    return "\\u0000" + OUT_OF_RANGE_MARKER.substring(1);
  }
}
