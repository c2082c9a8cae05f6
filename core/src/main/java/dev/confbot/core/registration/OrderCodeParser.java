package dev.confbot.core.registration;

import dev.confbot.core.model.OrderCode;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns what an attendee typed into an order code: trimmed, invisible formatting characters
 * (zero-width spaces, direction marks) removed, NFKC-normalised (full-width letters, digits and
 * hyphen as typed with CJK input methods become ASCII), one leading {@code #} dropped, upper-cased.
 * A position suffix is accepted after a hyphen ({@code XJ7Q2-1}) or any hyphen-like dash (U+2010
 * hyphen, U+2011 non-breaking hyphen, U+2012 figure dash, U+2013 en dash, U+2014 em dash, U+2212
 * minus, U+FE63 small hyphen-minus), a slash ({@code XJ7Q2/1}) or spaces ({@code XJ7Q2 1}).
 * Everything else is {@link ParsedCode.Invalid} with a reason. No OCR-style substitutions are made:
 * a code that is not in pretix is answered as not found.
 */
public final class OrderCodeParser {
  private static final int MAX_INPUT = 64;
  private static final int MIN_CODE = 3;
  private static final int MAX_CODE = 16;
  private static final int MAX_POSITION_DIGITS = 3;

  private OrderCodeParser() {}

  /** Parses typed input; never throws. */
  public static ParsedCode parse(String raw) {
    if (raw.length() > MAX_INPUT * 4) {
      return new ParsedCode.Invalid(ParsedCode.Reason.TOO_LONG);
    }
    String s = withoutFormatCharacters(raw).strip();
    if (s.startsWith("#")) {
      s = s.substring(1).strip();
    }
    if (s.isEmpty()) {
      return new ParsedCode.Invalid(ParsedCode.Reason.EMPTY);
    }
    if (s.length() > MAX_INPUT) {
      return new ParsedCode.Invalid(ParsedCode.Reason.TOO_LONG);
    }
    s = withCanonicalSeparators(s.toUpperCase(Locale.ROOT));
    int dash = s.indexOf('-');
    String code = dash < 0 ? s : s.substring(0, dash).strip();
    if (!isAlphanumeric(code)) {
      return new ParsedCode.Invalid(ParsedCode.Reason.BAD_CHARACTERS);
    }
    if (code.length() < MIN_CODE) {
      return new ParsedCode.Invalid(ParsedCode.Reason.TOO_SHORT);
    }
    if (code.length() > MAX_CODE) {
      return new ParsedCode.Invalid(ParsedCode.Reason.TOO_LONG);
    }
    int position = 0;
    if (dash >= 0) {
      String suffix = s.substring(dash + 1).strip();
      if (suffix.isEmpty() || suffix.length() > MAX_POSITION_DIGITS || !isDigits(suffix)) {
        return new ParsedCode.Invalid(ParsedCode.Reason.BAD_POSITION);
      }
      position = Integer.parseInt(suffix);
      if (position == 0) {
        return new ParsedCode.Invalid(ParsedCode.Reason.BAD_POSITION);
      }
    }
    return new ParsedCode.Valid(new OrderCode(code), position);
  }

  /**
   * True for pretix test-mode order codes: {@code 0} as second character (never used otherwise).
   */
  public static boolean isTestMode(OrderCode code) {
    return code.value().charAt(1) == '0';
  }

  private static String withoutFormatCharacters(String raw) {
    if (isPrintableAscii(raw)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_INPUT * 4));
    raw.codePoints()
        .filter(cp -> Character.getType(cp) != Character.FORMAT && !Character.isISOControl(cp))
        .forEach(out::appendCodePoint);
    return Normalizer.normalize(out, Normalizer.Form.NFKC);
  }

  /**
   * Dashes and a slash become {@code -}; a run of spaces followed by nothing but digits becomes
   * {@code -} too ({@code XJ7Q2 1}). Spaces elsewhere stay (and make the code invalid).
   */
  private static String withCanonicalSeparators(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(isSeparator(c) ? '-' : c);
    }
    String mapped = out.toString();
    if (mapped.indexOf('-') >= 0) {
      return mapped;
    }
    int space = lastSpaceRunStart(mapped);
    if (space <= 0) {
      return mapped;
    }
    String suffix = mapped.substring(space).strip();
    return isDigits(suffix) && !suffix.isEmpty()
        ? mapped.substring(0, space).strip() + "-" + suffix
        : mapped;
  }

  private static boolean isSeparator(char c) {
    return c == '-'
        || c == '/'
        || (c >= '\u2010' && c <= '\u2014')
        || c == '\u2212'
        || c == '\uFE63'
        || c == '\uFF0D';
  }

  /** Where the last run of whitespace starts, or -1 when there is none. */
  private static int lastSpaceRunStart(String s) {
    int end = s.length();
    int i = end - 1;
    while (i >= 0 && !Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    if (i < 0) {
      return -1;
    }
    while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isPrintableAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
