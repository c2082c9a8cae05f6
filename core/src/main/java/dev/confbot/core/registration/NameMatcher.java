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

  /** The canonical form of a name; empty when it has no letters or digits. Never throws. */
  public static CanonicalName canonical(String name) {
    String s = name.length() > MAX_INPUT ? name.substring(0, MAX_INPUT) : name;
    if (!isAscii(s)) {
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
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      if (!Character.isLetterOrDigit(cp)) {
        endToken(token, tokens);
        continue;
      }
      appendFolded(Character.toLowerCase(cp), token);
    }
    endToken(token, tokens);
    return new CanonicalName(withoutTitles(tokens));
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
    if (typed.joined().equals(ticket.joined())) {
      return true;
    }
    if (typed.size() == ticket.size()) {
      return Arrays.equals(typed.sorted(), ticket.sorted());
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
    if (token.length() == 0) {
      return;
    }
    StringBuilder folded = null;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean umlaut =
          (c == 'a' || c == 'o' || c == 'u')
              && i + 1 < token.length()
              && token.charAt(i + 1) == 'e';
      if (umlaut && folded == null) {
        folded = new StringBuilder(token.length());
        folded.append(token, 0, i);
      }
      if (folded != null) {
        folded.append(c);
      }
      if (umlaut) {
        i++;
      }
    }
    tokens.add(folded == null ? token.toString() : folded.toString());
    token.setLength(0);
  }

  private static String[] withoutTitles(List<String> tokens) {
    int titles = 0;
    for (String t : tokens) {
      if (TITLES.contains(t)) {
        titles++;
      }
    }
    if (titles == 0 || titles == tokens.size()) {
      return tokens.toArray(new String[0]);
    }
    return tokens.stream().filter(t -> !TITLES.contains(t)).toArray(String[]::new);
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

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
