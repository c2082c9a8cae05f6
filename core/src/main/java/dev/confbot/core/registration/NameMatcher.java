package dev.confbot.core.registration;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Tolerant comparison of the name on a ticket with the name an attendee typed (PRODUCT.md §1).
 *
 * <p>Both sides are canonicalised: Unicode NFKD, combining marks removed, case folded, ß→ss, æ→ae,
 * œ→oe, ø→o, ł→l, đ/ð→d, þ→th, ı→i, then German {@code ae/oe/ue} folded to {@code a/o/u} (so
 * "Müller", "Mueller" and "Muller" are equal); every other character that is not a letter or digit
 * (spaces, hyphens, apostrophes, dots) separates tokens; invisible formatting characters are
 * dropped; leading titles such as "Dr." or "Prof." are ignored.
 *
 * <p>Two canonical names match when their tokens are equal as multisets (any order), when their
 * tokens written together are equal ("Müller-Lüdenscheidt" and "MuellerLudenscheidt"), or when the
 * ticket has three or more tokens and the typed name is a sub-multiset of at least two tokens that
 * keeps the ticket's first and last token (middle names left out).
 */
public final class NameMatcher {
  /** Longer input is cut before canonicalising: no real name is longer, fuzzed input may be. */
  static final int MAX_INPUT = 512;

  private static final Set<String> TITLES =
      Set.of(
          "dr",
          "prof",
          "professor",
          "mr",
          "mrs",
          "ms",
          "mx",
          "miss",
          "sir",
          "dame",
          "herr",
          "frau",
          "phd",
          "dipl");

  private NameMatcher() {}

  /** Characters below this are folded through {@link #LATIN}, without the Normalizer. */
  private static final int TABLE_END = 0x250;

  private static final int INVISIBLE = 0;
  private static final int SEPARATOR = 1;
  private static final int LETTER = 2;

  /**
   * Folded forms of U+0080..U+024F (Latin-1 and Latin Extended A/B), computed once: NFKD, marks
   * removed, lower-cased, special letters transliterated; a space stands for a separator. Saves the
   * Normalizer for nearly every European name.
   */
  private static final String[] LATIN = latinTable();

  /** The canonical form of a name; empty when it has no letters or digits. Never throws. */
  public static CanonicalName canonical(String name) {
    String s = name.length() > MAX_INPUT ? name.substring(0, MAX_INPUT) : name;
    if (needsNormalizer(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKD);
    }
    List<String> tokens = new ArrayList<>(4);
    StringBuilder token = new StringBuilder(16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9') {
          token.append((char) cp);
        } else if (cp >= 'A' && cp <= 'Z') {
          token.append((char) (cp + ('a' - 'A')));
        } else {
          endToken(token, tokens);
        }
      } else if (cp < TABLE_END) {
        String folded = LATIN[cp];
        for (int j = 0; j < folded.length(); j++) {
          char c = folded.charAt(j);
          if (c == ' ') {
            endToken(token, tokens);
          } else {
            token.append(c);
          }
        }
      } else {
        foldGeneric(cp, token, tokens);
      }
    }
    endToken(token, tokens);
    return new CanonicalName(withoutTitles(tokens));
  }

  /** Folds one already-decomposed code point outside the table. */
  private static void foldGeneric(int cp, StringBuilder token, List<String> tokens) {
    int kind = kind(cp);
    if (kind == SEPARATOR) {
      endToken(token, tokens);
    } else if (kind == LETTER) {
      appendFolded(Character.toLowerCase(cp), token);
    }
  }

  private static int kind(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return INVISIBLE;
    }
    return Character.isLetterOrDigit(cp) ? LETTER : SEPARATOR;
  }

  private static String[] latinTable() {
    String[] table = new String[TABLE_END];
    for (int c = 0x80; c < TABLE_END; c++) {
      String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFKD);
      StringBuilder out = new StringBuilder(4);
      for (int i = 0; i < decomposed.length(); ) {
        int cp = decomposed.codePointAt(i);
        i += Character.charCount(cp);
        int kind = kind(cp);
        if (kind == SEPARATOR) {
          out.append(' ');
        } else if (kind == LETTER) {
          appendFolded(Character.toLowerCase(cp), out);
        }
      }
      table[c] = out.toString();
    }
    return table;
  }

  /** Canonicalises both names and compares them; prefer the {@link CanonicalName} overload. */
  public static boolean matches(String ticketName, String typedName) {
    return matches(canonical(ticketName), canonical(typedName));
  }

  /** Whether the typed name identifies the ticket name (see the class comment for the rules). */
  public static boolean matches(CanonicalName ticket, CanonicalName typed) {
    if (ticket.isEmpty() || typed.isEmpty()) {
      return false;
    }
    if (typed.size() == ticket.size() && Arrays.equals(typed.sorted(), ticket.sorted())) {
      return true;
    }
    if (joinedEquals(typed.ordered(), ticket.ordered())) {
      return true;
    }
    return ticket.size() >= 3
        && typed.size() >= 2
        && typed.size() < ticket.size()
        && isSubMultiset(typed.sorted(), ticket.sorted())
        && keepsFirstAndLast(typed.sorted(), ticket.first(), ticket.last());
  }

  private static void appendFolded(int cp, StringBuilder token) {
    switch (cp) {
      case 'ß':
        token.append("ss");
        break;
      case 'æ':
        token.append("ae");
        break;
      case 'œ':
        token.append("oe");
        break;
      case 'ø':
        token.append('o');
        break;
      case 'ł':
        token.append('l');
        break;
      case 'đ':
      case 'ð':
        token.append('d');
        break;
      case 'þ':
        token.append("th");
        break;
      case 'ı':
        token.append('i');
        break;
      default:
        token.appendCodePoint(cp);
    }
  }

  /** Ends the current token, folding German ae/oe/ue to a/o/u the same way on both sides. */
  private static void endToken(StringBuilder token, List<String> tokens) {
    int length = token.length();
    if (length == 0) {
      return;
    }
    int out = 0;
    for (int i = 0; i < length; i++) {
      char c = token.charAt(i);
      token.setCharAt(out++, c);
      if ((c == 'a' || c == 'o' || c == 'u') && i + 1 < length && token.charAt(i + 1) == 'e') {
        i++;
      }
    }
    token.setLength(out);
    tokens.add(token.toString());
    token.setLength(0);
  }

  /** Drops leading titles ("Dr. Prof. Maria Berg"), keeping at least one token. */
  private static String[] withoutTitles(List<String> tokens) {
    int start = 0;
    while (start < tokens.size() - 1 && isTitle(tokens.get(start))) {
      start++;
    }
    return tokens.subList(start, tokens.size()).toArray(new String[0]);
  }

  private static boolean isTitle(String token) {
    return token.length() >= 2 && token.length() <= 9 && TITLES.contains(token);
  }

  /** Whether the tokens written together, without separators, are the same text. */
  private static boolean joinedEquals(String[] a, String[] b) {
    int ai = 0;
    int ac = 0;
    int bi = 0;
    int bc = 0;
    while (true) {
      while (ai < a.length && ac == a[ai].length()) {
        ai++;
        ac = 0;
      }
      while (bi < b.length && bc == b[bi].length()) {
        bi++;
        bc = 0;
      }
      if (ai == a.length || bi == b.length) {
        return ai == a.length && bi == b.length;
      }
      if (a[ai].charAt(ac++) != b[bi].charAt(bc++)) {
        return false;
      }
    }
  }

  private static boolean isSubMultiset(String[] small, String[] big) {
    int j = 0;
    for (String s : small) {
      while (j < big.length && big[j].compareTo(s) < 0) {
        j++;
      }
      if (j == big.length || !big[j].equals(s)) {
        return false;
      }
      j++;
    }
    return true;
  }

  private static boolean keepsFirstAndLast(String[] typedSorted, String first, String last) {
    if (!first.equals(last)) {
      return Arrays.binarySearch(typedSorted, first) >= 0
          && Arrays.binarySearch(typedSorted, last) >= 0;
    }
    int count = 0;
    for (String t : typedSorted) {
      if (t.equals(first)) {
        count++;
      }
    }
    return count >= 2;
  }

  private static boolean needsNormalizer(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= TABLE_END) {
        return true;
      }
    }
    return false;
  }
}
